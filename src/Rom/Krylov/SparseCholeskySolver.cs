using Rom.LinearAlgebra;
using Rom.LinearAlgebra.Direct;

namespace Rom.Krylov;

/// <summary>
/// The sparse direct solve (<see cref="SparseCholesky"/>) behind the Krylov solve signature, so sweeps and cases
/// switch between direct and iterative methods by name. The symbolic analysis is kept and reused while the matrices
/// share a sparsity pattern (every system of a family does). The result has no iterations, one product with A (the
/// recomputed residual) and the history [1, ‖b − A x‖/‖b‖].
/// </summary>
public sealed class SparseCholeskySolver : IKrylovSolver
{
    private SymbolicCholesky? _symbolic;

    /// <summary>
    /// Factors A (a <see cref="CsrMatrix"/>) and solves; a matrix that is not SPD throws
    /// <see cref="NotPositiveDefiniteException"/>, like a preconditioner set-up. The initial guess is not needed and
    /// ignored; a preconditioner is an <see cref="ArgumentException"/>.
    /// </summary>
    public KrylovResult Solve(ILinearOperator a, ReadOnlySpan<double> b, IPreconditioner? preconditioner = null,
        double[]? initialGuess = null, IterationMonitor? monitor = null)
    {
        if (a is not CsrMatrix matrix)
            throw new ArgumentException($"A sparse Cholesky solve needs the matrix itself (a CsrMatrix), got {a?.GetType().Name ?? "null"}.", nameof(a));
        if (preconditioner is not null)
            throw new ArgumentException("A direct solve takes no preconditioner.", nameof(preconditioner));
        var run = new KrylovRun("sparse Cholesky", matrix, b, null);
        if (run.Start(b, out double bNorm) is { } early)
            return early;
        if (_symbolic is null || !_symbolic.Matches(matrix))
            _symbolic = SymbolicCholesky.Analyze(matrix);
        SparseCholesky.Factor(matrix, _symbolic).Solve(b, run.X);
        var r = new double[run.N];
        run.Residual(b, r);
        double relative = Vectors.Norm(r) / bNorm;
        run.History.Add(1);
        run.History.Add(relative);
        return double.IsFinite(relative)
            ? run.Stop(StopReason.Converged, 0, $"sparse Cholesky, relative residual {KrylovRun.Format(relative)}")
            : run.Stop(StopReason.NonFinite, 0, "sparse Cholesky gave a non-finite solution");
    }
}
