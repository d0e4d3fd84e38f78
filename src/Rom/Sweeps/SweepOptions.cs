using Rom.Krylov;
using Rom.Krylov.Preconditioners;
using Rom.Krylov.Recycling;
using Rom.LinearAlgebra;

namespace Rom.Sweeps;

/// <summary>How a sweep solves its systems: method, preconditioner, stopping, recycling, ordering and warm start.</summary>
/// <param name="Method">One of <see cref="Methods"/>: 'cg', 'minres', 'gmres', 'bicgstab', 'cholesky' (independent
/// solves), 'gcro-dr' or 'deflated-cg' (recycling across the sweep).</param>
/// <param name="Preconditioner">One of <see cref="Preconditioners"/>, built for every system ('none' for cholesky), except
/// 'amg-reuse': smoothed aggregation whose aggregates and prolongators are built once, from the first system of the
/// shard, and reused for every system (only the Galerkin operators, smoother diagonals and coarse factor are recomputed).</param>
/// <param name="RelativeTolerance">Stop when ‖b − A x‖ ≤ tolerance · ‖b‖ (in (0, 1); default 1e-8).</param>
/// <param name="MaxIterations">Iteration cap per system (default 10 000).</param>
/// <param name="Restart">Restart length m of GMRES and GCRO-DR (default 40).</param>
/// <param name="RecycleSize">Recycle size k of GCRO-DR (1..m − 2) and deflated CG (default 20).</param>
/// <param name="Ordering">One of <see cref="Orderings"/>: 'given' (index order), 'greedy' (SKR's nearest-neighbour chain)
/// 'diameter-2opt' (<see cref="SystemOrdering.DiameterChainTwoOpt"/>) or 'grouped-greedy' (SKR's ordering for 10³ systems and
/// more: greedy chains within groups of <see cref="GroupSize"/> along the fields' leading principal coordinate,
/// <see cref="SystemOrdering.GroupedGreedyChain"/>), all on the Frobenius distance of the fields.</param>
/// <param name="WarmStart">Start each iterative solve from the solution of the nearest (by field distance) system
/// already solved in the same run.</param>
public sealed record SweepOptions(
    string Method = "gcro-dr",
    string Preconditioner = "none",
    double RelativeTolerance = 1e-8,
    int MaxIterations = 10_000,
    int Restart = 40,
    int RecycleSize = 20,
    string Ordering = "greedy",
    bool WarmStart = false)
{
    /// <summary>The method names, independent solvers first.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["cg", "minres", "gmres", "bicgstab", "cholesky", "gcro-dr", "deflated-cg"];

    /// <summary>The preconditioner names.</summary>
    public static IReadOnlyList<string> Preconditioners { get; } = ["none", "jacobi", "ssor", "ilu0", "ic0", "amg", "amg-reuse"];

    /// <summary>The ordering names.</summary>
    public static IReadOnlyList<string> Orderings { get; } = ["given", "greedy", "diameter-2opt", "grouped-greedy"];

    /// <summary>Systems per group of the 'grouped-greedy' ordering (a 1,000 × 1,000 distance matrix is 8 MB).</summary>
    public const int GroupSize = 1000;

    /// <summary>True when the method carries a recycle space from one system to the next.</summary>
    public bool Recycles => Method is "gcro-dr" or "deflated-cg";

    /// <summary>True when the method or the preconditioner needs symmetric positive definite matrices.</summary>
    public bool NeedsSpd => Method is "cg" or "minres" or "cholesky" or "deflated-cg" || Preconditioner is "ic0" or "amg" or "amg-reuse";

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting, its value and what was expected.</summary>
    public void Validate()
    {
        Choice(nameof(Method), Method, Methods);
        Choice(nameof(Preconditioner), Preconditioner, Preconditioners);
        Choice(nameof(Ordering), Ordering, Orderings);
        if (Method == "cholesky" && Preconditioner != "none")
            throw new ArgumentException($"Preconditioner is '{Preconditioner}'; the direct method 'cholesky' takes 'none'.", nameof(Preconditioner));
        if (Method == "cholesky" && WarmStart)
            throw new ArgumentException("WarmStart is on; the direct method 'cholesky' has no initial guess to warm-start.", nameof(WarmStart));
        if (!(RelativeTolerance > 0 && RelativeTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), RelativeTolerance, "The relative tolerance must lie in (0, 1).");
        if (MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "The iteration cap must be at least 1.");
        if (Restart < (Method == "gcro-dr" ? 3 : 1))
            throw new ArgumentOutOfRangeException(nameof(Restart), Restart, $"The restart length m must be at least {(Method == "gcro-dr" ? 3 : 1)} for '{Method}'.");
        if (Method == "gcro-dr" && (RecycleSize < 1 || RecycleSize > Restart - 2))
            throw new ArgumentOutOfRangeException(nameof(RecycleSize), RecycleSize, $"GCRO-DR needs a recycle size k in 1..m − 2 = {Restart - 2}.");
        if (Method == "deflated-cg" && RecycleSize < 1)
            throw new ArgumentOutOfRangeException(nameof(RecycleSize), RecycleSize, "Deflated CG needs a recycle size k of at least 1.");
    }

    /// <summary>A fresh solver object for <see cref="Method"/> (recycling ones start with an empty space).</summary>
    public IKrylovSolver CreateSolver()
    {
        Validate();
        var stopping = new ConvergenceTest(RelativeTolerance, MaxIterations);
        return Method switch
        {
            "cg" => new ConjugateGradient(stopping),
            "minres" => new Minres(stopping),
            "gmres" => new Gmres(new GmresOptions(Restart) { Stopping = stopping }),
            "bicgstab" => new BiCgStab(stopping),
            "cholesky" => new SparseCholeskySolver(),
            "gcro-dr" => new GcroDr(new GcroDrOptions(Restart, RecycleSize) { Stopping = stopping }),
            _ => new DeflatedCg(new DeflatedCgOptions(RecycleSize) { Stopping = stopping }),
        };
    }

    /// <summary>
    /// The preconditioner <see cref="Preconditioner"/> built for <paramref name="a"/> alone ('amg-reuse' gives a fresh
    /// hierarchy, which <see cref="SweepSolver"/> then reuses), or null for 'none'; set-up failures (a zero pivot, a
    /// matrix that is not SPD) throw <see cref="ArgumentException"/>.
    /// </summary>
    public IPreconditioner? CreatePreconditioner(CsrMatrix a)
    {
        Choice(nameof(Preconditioner), Preconditioner, Preconditioners);
        return Preconditioner switch
        {
            "jacobi" => new JacobiPreconditioner(a),
            "ssor" => new SsorPreconditioner(a),
            "ilu0" => new Ilu0Preconditioner(a),
            "ic0" => new IncompleteCholeskyPreconditioner(a),
            "amg" or "amg-reuse" => new SmoothedAggregationPreconditioner(a),
            _ => null,
        };
    }

    private static void Choice(string name, string value, IReadOnlyList<string> choices)
    {
        if (!choices.Contains(value))
            throw new ArgumentException($"{name} is '{value}'; expected one of {string.Join(", ", choices.Select(c => $"'{c}'"))}.", name);
    }
}
