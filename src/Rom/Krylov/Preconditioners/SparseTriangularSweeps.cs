using Rom.LinearAlgebra;

namespace Rom.Krylov.Preconditioners;

/// <summary>
/// Forward and backward substitution with the triangle of a CSR matrix on either side of its diagonal entry
/// (Saad, 2nd ed., §3.3.1), shared by SSOR, ILU(0) and IC(0). The diagonal is passed separately so that a
/// scaled (SSOR) or unit (ILU's L) diagonal can be used; b and x may be the same span.
/// </summary>
internal static class SparseTriangularSweeps
{
    /// <summary>Position of the diagonal entry of every row; throws naming the row when one is not stored.</summary>
    public static int[] DiagonalPointers(CsrMatrix matrix, string parameterName)
    {
        var pointers = new int[matrix.Rows];
        for (int i = 0; i < matrix.Rows; i++)
        {
            int start = matrix.RowPointers[i];
            int k = Array.BinarySearch(matrix.ColumnIndices, start, matrix.RowPointers[i + 1] - start, i);
            if (k < 0)
                throw new ArgumentException($"Row {i} has no stored diagonal entry; the preconditioner needs every diagonal entry.", parameterName);
            pointers[i] = k;
        }
        return pointers;
    }

    /// <summary>
    /// Solves (D + L) x = b with L the entries left of the diagonal, i ascending, given D⁻¹ (a multiplication per row
    /// instead of a division); an empty D⁻¹ means unit diagonal.
    /// </summary>
    public static void Forward(CsrMatrix matrix, int[] diagonalPointers, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x)
    {
        var indptr = matrix.RowPointers;
        var indices = matrix.ColumnIndices;
        var values = matrix.Values;
        for (int i = 0; i < b.Length; i++)
        {
            double sum = b[i];
            for (int k = indptr[i]; k < diagonalPointers[i]; k++)
                sum -= values[k] * x[indices[k]];
            x[i] = inverseDiagonal.IsEmpty ? sum : sum * inverseDiagonal[i];
        }
    }

    /// <summary>Solves (D + U) x = b with U the entries right of the diagonal, i descending, given D⁻¹; an empty D⁻¹ means unit diagonal.</summary>
    public static void Backward(CsrMatrix matrix, int[] diagonalPointers, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x)
    {
        var indptr = matrix.RowPointers;
        var indices = matrix.ColumnIndices;
        var values = matrix.Values;
        for (int i = b.Length - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int k = diagonalPointers[i] + 1; k < indptr[i + 1]; k++)
                sum -= values[k] * x[indices[k]];
            x[i] = inverseDiagonal.IsEmpty ? sum : sum * inverseDiagonal[i];
        }
    }

    /// <summary>
    /// z = U⁻¹ L⁻¹ r for triangular factors stored as CSR matrices (ILU(0), IC(0)): checks the lengths, then a forward
    /// sweep with the lower factor into z and a backward sweep with the upper one in place.
    /// </summary>
    public static void ForwardBackward(CsrMatrix lower, int[] lowerDiagonalPointers, ReadOnlySpan<double> lowerInverseDiagonal,
        CsrMatrix upper, int[] upperDiagonalPointers, ReadOnlySpan<double> upperInverseDiagonal, ReadOnlySpan<double> r, Span<double> z)
    {
        RequireLengths(upperDiagonalPointers.Length, r.Length, z.Length);
        Forward(lower, lowerDiagonalPointers, lowerInverseDiagonal, r, z);
        Backward(upper, upperDiagonalPointers, upperInverseDiagonal, z, z);
    }

    /// <summary>Throws unless the matrix is square, naming the preconditioner.</summary>
    public static void RequireSquare(CsrMatrix matrix, string preconditioner, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(matrix, parameterName);
        if (matrix.Rows != matrix.Cols)
            throw new ArgumentException($"{preconditioner} needs a square matrix, got {matrix.Rows}×{matrix.Cols}.", parameterName);
    }

    /// <summary>Throws unless r and z both have the preconditioner's dimension.</summary>
    public static void RequireLengths(int dimension, int rLength, int zLength)
    {
        if (rLength != dimension)
            throw new ArgumentException($"r has length {rLength}, expected {dimension}.", "r");
        if (zLength != dimension)
            throw new ArgumentException($"z has length {zLength}, expected {dimension}.", "z");
    }
}
