using Rom.Krylov;
using Rom.Krylov.Recycling;

namespace Rom.Sweeps;

/// <summary>How a sweep solves its systems: the solver by name, then ordering and warm start.</summary>
/// <param name="Solver">Method, preconditioner, stopping, m and k from <see cref="KrylovSolvers"/>. A preconditioner
/// that the registry marks as reused ('amg-reuse') is built once, from the first system of the shard, and refreshed
/// for every other system (only the Galerkin operators, smoother diagonals and coarse factor are recomputed).</param>
/// <param name="Ordering">One of <see cref="Orderings"/>: 'given' (index order), 'greedy' (SKR's nearest-neighbour chain)
/// 'diameter-2opt' (<see cref="SystemOrdering.DiameterChainTwoOpt"/>) or 'grouped-greedy' (SKR's ordering for 10³ systems and
/// more: greedy chains within groups of <see cref="GroupSize"/> along the fields' leading principal coordinate,
/// <see cref="SystemOrdering.GroupedGreedyChain"/>), all on the Frobenius distance of the fields.</param>
/// <param name="WarmStart">Start each iterative solve from the solution of the nearest (by field distance) system
/// already solved in the same run.</param>
public sealed record SweepOptions(SolverSettings Solver, string Ordering = "greedy", bool WarmStart = false)
{
    /// <summary>The ordering names.</summary>
    public static IReadOnlyList<string> Orderings { get; } = ["given", "greedy", "diameter-2opt", "grouped-greedy"];

    /// <summary>Systems per group of the 'grouped-greedy' ordering (a 1,000 × 1,000 distance matrix is 8 MB).</summary>
    public const int GroupSize = 1000;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting, its value and what was expected.</summary>
    public void Validate()
    {
        if (Solver is null)
            throw new ArgumentNullException(nameof(Solver), "The solver settings are missing.");
        Solver.Validate();
        if (!Orderings.Contains(Ordering))
            throw new ArgumentException($"Ordering is '{Ordering}'; expected one of {string.Join(", ", Orderings.Select(c => $"'{c}'"))}.", nameof(Ordering));
        if (Solver.MethodKind.IsDirect && WarmStart)
            throw new ArgumentException($"WarmStart is on; the direct method '{Solver.Method}' has no initial guess to warm-start.", nameof(WarmStart));
    }
}
