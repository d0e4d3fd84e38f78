using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// What the iterative Krylov solvers (CG, MINRES, GMRES, BiCGSTAB) share around their iteration: the stopping test,
/// checked when the solver is made, and the start of every solve, where <see cref="KrylovRun"/> checks the arguments
/// and a zero or non-finite b (or a non-finite x₀) ends the solve before the method's own iteration runs.
/// </summary>
/// <param name="method">The method's name in messages ("CG", "GMRES").</param>
/// <param name="stopping">When the solver stops.</param>
public abstract class IterativeSolver(string method, ConvergenceTest stopping) : IKrylovSolver
{
    /// <summary>When the solver stops.</summary>
    private protected ConvergenceTest Stopping { get; } = ConvergenceTest.Checked(stopping);

    /// <inheritdoc />
    public KrylovResult Solve(ILinearOperator a, ReadOnlySpan<double> b, IPreconditioner? preconditioner = null,
        double[]? initialGuess = null, IterationMonitor? monitor = null)
    {
        var run = new KrylovRun(method, a, b, initialGuess, Stopping, HistoryNorm(preconditioner));
        return run.Start(b, out double bNorm) ?? Iterate(run, b, bNorm, preconditioner, monitor);
    }

    /// <summary>The norm the history is in when the solve runs with <paramref name="preconditioner"/> (default: the true residual's).</summary>
    private protected virtual ResidualNorm HistoryNorm(IPreconditioner? preconditioner) => ResidualNorm.Unpreconditioned;

    /// <summary>The method's iteration on a started <paramref name="run"/> with ‖b‖ = <paramref name="bNorm"/> &gt; 0.</summary>
    private protected abstract KrylovResult Iterate(KrylovRun run, ReadOnlySpan<double> b, double bNorm,
        IPreconditioner? preconditioner, IterationMonitor? monitor);
}
