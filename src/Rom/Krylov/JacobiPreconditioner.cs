using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>The Jacobi (diagonal) preconditioner M = diag(A): z = r ./ diag(A).</summary>
public sealed class JacobiPreconditioner : IPreconditioner
{
    private readonly double[] _inverseDiagonal;

    /// <summary>Builds the preconditioner from the diagonal of a square CSR matrix.</summary>
    public JacobiPreconditioner(CsrMatrix matrix)
        : this(SquareDiagonal(matrix))
    {
    }

    /// <summary>Builds the preconditioner from a diagonal; every entry must be finite and non-zero.</summary>
    public JacobiPreconditioner(ReadOnlySpan<double> diagonal)
    {
        _inverseDiagonal = new double[diagonal.Length];
        for (int i = 0; i < diagonal.Length; i++)
        {
            double d = diagonal[i];
            if (d == 0 || !double.IsFinite(d))
                throw new ArgumentException($"Diagonal entry of row {i} is {d}; Jacobi needs finite, non-zero diagonal entries.", nameof(diagonal));
            _inverseDiagonal[i] = 1 / d;
        }
    }

    /// <summary>Length of the vectors the preconditioner acts on.</summary>
    public int Dimension => _inverseDiagonal.Length;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        if (r.Length != Dimension)
            throw new ArgumentException($"r has length {r.Length}, expected {Dimension}.", nameof(r));
        if (z.Length != Dimension)
            throw new ArgumentException($"z has length {z.Length}, expected {Dimension}.", nameof(z));
        for (int i = 0; i < r.Length; i++)
            z[i] = r[i] * _inverseDiagonal[i];
    }

    private static double[] SquareDiagonal(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Rows != matrix.Cols)
            throw new ArgumentException($"Jacobi needs a square matrix, got {matrix.Rows}×{matrix.Cols}.", nameof(matrix));
        return matrix.Diagonal();
    }
}
