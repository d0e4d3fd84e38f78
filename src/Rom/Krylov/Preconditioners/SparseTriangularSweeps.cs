using System.Runtime.CompilerServices;
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
        for (int i = 0; i < b.Length; i++)
        {
            double sum = Subtract(b[i], matrix, matrix.RowPointers[i], diagonalPointers[i], x);
            x[i] = inverseDiagonal.IsEmpty ? sum : sum * inverseDiagonal[i];
        }
    }

    /// <summary>Solves (D + U) x = b with U the entries right of the diagonal, i descending, given D⁻¹; an empty D⁻¹ means unit diagonal.</summary>
    public static void Backward(CsrMatrix matrix, int[] diagonalPointers, ReadOnlySpan<double> inverseDiagonal, ReadOnlySpan<double> b, Span<double> x)
    {
        for (int i = b.Length - 1; i >= 0; i--)
        {
            double sum = Subtract(b[i], matrix, diagonalPointers[i] + 1, matrix.RowPointers[i + 1], x);
            x[i] = inverseDiagonal.IsEmpty ? sum : sum * inverseDiagonal[i];
        }
    }

    /// <summary>
    /// sum − Σ a_k x[j_k] over the stored entries k = <paramref name="from"/>, …, <paramref name="to"/> − 1 of
    /// <paramref name="matrix"/> (j_k their columns), subtracted with k ascending.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Subtract(double sum, CsrMatrix matrix, int from, int to, ReadOnlySpan<double> x)
    {
        var indices = matrix.ColumnIndices;
        var values = matrix.Values;
        for (int k = from; k < to; k++)
            sum -= values[k] * x[indices[k]];
        return sum;
    }

    /// <summary>As <see cref="Subtract"/>, with k descending from <paramref name="to"/> − 1 to <paramref name="from"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SubtractDescending(double sum, CsrMatrix matrix, int from, int to, ReadOnlySpan<double> x)
    {
        var indices = matrix.ColumnIndices;
        var values = matrix.Values;
        for (int k = to - 1; k >= from; k--)
            sum -= values[k] * x[indices[k]];
        return sum;
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
