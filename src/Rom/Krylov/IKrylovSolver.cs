using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>A Krylov method solving A x = b; lets parameter sweeps and benchmarks swap methods.</summary>
public interface IKrylovSolver
{
    /// <summary>Solves A x = b from x₀ (zero when none is given); numerical trouble is reported in the result, never thrown.</summary>
    KrylovResult Solve(ILinearOperator a, ReadOnlySpan<double> b, IPreconditioner? preconditioner = null,
        double[]? initialGuess = null, IterationMonitor? monitor = null);
}
