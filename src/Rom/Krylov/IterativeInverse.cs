using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>A⁻¹ b by Jacobi-preconditioned conjugate gradients to a relative tolerance, for SPD matrices.</summary>
public sealed class IterativeInverse : IInverseOperator
{
    private readonly CsrMatrix _matrix;
    private readonly JacobiPreconditioner _preconditioner;
    private readonly ConjugateGradient _solver;

    /// <summary>Prepares CG with Jacobi preconditioning for <paramref name="matrix"/> (relative tolerance 1e-12 unless <paramref name="stopping"/> says otherwise).</summary>
    public IterativeInverse(CsrMatrix matrix, ConvergenceTest? stopping = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Rows != matrix.Cols)
            throw new ArgumentException($"The matrix is {matrix.Rows}×{matrix.Cols}; expected a square matrix.", nameof(matrix));
        _matrix = matrix;
        _preconditioner = new JacobiPreconditioner(matrix);
        _solver = new ConjugateGradient(stopping ?? new ConvergenceTest(RelativeTolerance: 1e-12));
    }

    /// <summary>A factory for <see cref="SpdSolverFactory"/> users.</summary>
    public static SpdSolverFactory Factory(ConvergenceTest? stopping = null) => a => new IterativeInverse(a, stopping);

    /// <inheritdoc />
    public int Dimension => _matrix.Rows;

    /// <inheritdoc />
    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        var result = _solver.Solve(_matrix, b, _preconditioner);
        if (!result.Converged)
            throw new InvalidOperationException($"The iterative solve failed: {result.Message}");
        result.Solution.CopyTo(x);
    }
}
