using Rom.LinearAlgebra;

namespace Rom.Krylov.Preconditioners;

/// <summary>
/// Symmetric successive over-relaxation, M = (D + ωL) D⁻¹ (D + ωU) / (ω(2−ω)) (Saad, 2nd ed., §10.2);
/// symmetric positive definite for SPD A and 0 &lt; ω &lt; 2, so it suits CG.
/// </summary>
public sealed class SsorPreconditioner : IPreconditioner
{
    private readonly CsrMatrix _a;
    private readonly int[] _diagonalPointers;
    private readonly double[] _inverseScaledDiagonal; // ω / a_ii
    private readonly double[] _middle;

    /// <summary>Builds SSOR(ω) for a square matrix with non-zero diagonal; ω must lie in (0, 2).</summary>
    public SsorPreconditioner(CsrMatrix matrix, double omega = 1.0)
    {
        SparseTriangularSweeps.RequireSquare(matrix, "SSOR", nameof(matrix));
        if (!(omega > 0 && omega < 2))
            throw new ArgumentOutOfRangeException(nameof(omega), omega, "The SSOR relaxation factor ω must lie in (0, 2).");
        _a = matrix;
        _diagonalPointers = SparseTriangularSweeps.DiagonalPointers(matrix, nameof(matrix));
        int n = matrix.Rows;
        _inverseScaledDiagonal = new double[n];
        _middle = new double[n];
        for (int i = 0; i < n; i++)
        {
            double d = matrix.Values[_diagonalPointers[i]];
            if (d == 0 || !double.IsFinite(d))
                throw new ArgumentException($"Diagonal entry of row {i} is {d}; SSOR needs finite, non-zero diagonal entries.", nameof(matrix));
            _inverseScaledDiagonal[i] = omega / d;
            _middle[i] = d * (2 - omega) / omega;
        }
        Omega = omega;
    }

    /// <summary>The relaxation factor ω.</summary>
    public double Omega { get; }

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        SparseTriangularSweeps.RequireLengths(_middle.Length, r.Length, z.Length);
        SparseTriangularSweeps.Forward(_a, _diagonalPointers, _inverseScaledDiagonal, r, z);
        for (int i = 0; i < z.Length; i++) z[i] *= _middle[i];
        SparseTriangularSweeps.Backward(_a, _diagonalPointers, _inverseScaledDiagonal, z, z);
    }
}
