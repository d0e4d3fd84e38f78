using System.Diagnostics;
using Rom.Krylov;
using Rom.Krylov.Recycling;
using Rom.LinearAlgebra;
using Rom.Models;

namespace Rom.Sweeps;

/// <summary>
/// Solves a family of systems one after the other, as a dataset generator does (SKR, Wang et al., ICLR 2024): the
/// order is computed once and deterministically from the fields, then each system is solved in turn with one solver
/// object, so a recycling method carries its space from each system to the next, optionally warm-started from the
/// nearest system solved so far. A solver works on one <see cref="SweepShard"/> of the order and can save and
/// restore its <see cref="SweepState"/>, so a stopped run resumes with bitwise the same results.
/// </summary>
public sealed class SweepSolver
{
    private readonly IKrylovSolver _solver;
    // Field distances between all systems, kept only for warm starts.
    private readonly double[,]? _distances;
    // Solutions of the systems solved so far in this run, by index, for warm starts.
    private readonly SortedDictionary<int, double[]> _solved = [];
    // A reused preconditioner ('amg-reuse'), built from the system at position Start, so a restored run rebuilds the same one.
    private IPreconditioner? _first;

    /// <summary>
    /// Checks the options against the family (SPD methods need an SPD family), computes the order and positions the
    /// solver at the start of <paramref name="shard"/> (the whole sweep when null). Throws <see cref="ArgumentException"/>.
    /// </summary>
    public SweepSolver(ISystemFamily family, SweepOptions options, SweepShard? shard = null)
    {
        Check(family, options);
        Family = family;
        Options = options;
        Shard = shard ?? SweepShard.All;
        (Start, End) = Shard.Positions(family.Count);
        NextPosition = Start;
        var fields = options.Ordering == "given" && !options.WarmStart ? null : Enumerable.Range(0, family.Count).Select(family.Field).ToArray();
        double[,]? distances = options.Ordering is "greedy" or "diameter-2opt" || options.WarmStart ? SystemOrdering.FrobeniusDistances(fields!) : null;
        Order = options.Ordering switch
        {
            "greedy" => SystemOrdering.GreedyChain(distances!),
            "diameter-2opt" => SystemOrdering.DiameterChainTwoOpt(distances!),
            "grouped-greedy" => SystemOrdering.GroupedGreedyChain(fields!, SweepOptions.GroupSize),
            _ => Enumerable.Range(0, family.Count).ToArray(),
        };
        _distances = options.WarmStart ? distances : null;
        _solver = options.Solver.CreateSolver();
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless the options suit the family (SPD methods need an SPD family; warm
    /// starts need the full solutions stored): what the constructor checks before any system is built or ordered.
    /// </summary>
    public static void Check(ISystemFamily family, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Solver.NeedsSpd && !family.IsSymmetricPositiveDefinite)
            throw new ArgumentException($"Method '{options.Solver.Method}' with preconditioner '{options.Solver.Preconditioner}' needs symmetric positive definite matrices, " +
                $"and the family '{family.Name}' is not declared SPD; use {Or(KrylovSolvers.Methods.Where(m => !m.NeedsSpd).Select(m => m.Name))} " +
                $"with {Or(KrylovSolvers.Preconditioners.Where(p => !p.NeedsSpd).Select(p => p.Name))}.", nameof(options));
        if (options.WarmStart && family.StoredGrid is not null)
            throw new ArgumentException($"WarmStart is on, and the family '{family.Name}' stores its solutions subsampled, so a resumed sweep " +
                "could not restore the full solutions it starts from; solve its systems without warm start.", nameof(SweepOptions.WarmStart));
    }

    /// <summary>The systems being solved.</summary>
    public ISystemFamily Family { get; }

    /// <summary>The settings of the sweep.</summary>
    public SweepOptions Options { get; }

    /// <summary>The shard of the order this solver works on.</summary>
    public SweepShard Shard { get; }

    /// <summary>The order of the whole sweep: Order[p] is the index of the system at position p.</summary>
    public IReadOnlyList<int> Order { get; }

    /// <summary>First position of the shard.</summary>
    public int Start { get; }

    /// <summary>One past the last position of the shard.</summary>
    public int End { get; }

    /// <summary>Position of the next system to solve.</summary>
    public int NextPosition { get; private set; }

    /// <summary>Values per sample solution: the family's <see cref="ISystemFamily.StoredGrid"/> points, or its unknowns.</summary>
    public int StoredLength => Family.StoredGrid?.Points ?? Family.Unknowns;

    /// <summary>True when every system of the shard is solved.</summary>
    public bool IsFinished => NextPosition >= End;

    /// <summary>
    /// Solves the system at <see cref="NextPosition"/> and moves on; numerical trouble is reported in the sample, whose
    /// solution is restricted to the family's <see cref="ISystemFamily.StoredGrid"/> when it has one.
    /// </summary>
    public SweepSample SolveNext()
    {
        if (IsFinished)
            throw new InvalidOperationException($"Shard {Shard} of the sweep is finished (positions {Start}..{End - 1}).");
        int position = NextPosition, index = Order[position];
        var (a, b) = Family.System(index);
        int from = NearestSolved(index);
        var clock = Stopwatch.StartNew();
        IPreconditioner? preconditioner;
        try
        {
            preconditioner = CreatePreconditioner(position, a);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Preconditioner '{Options.Solver.Preconditioner}' cannot be built for system {index}: {e.Message}", nameof(SolverSettings.Preconditioner), e);
        }
        var result = _solver.Solve(a, b, preconditioner, from >= 0 ? _solved[from] : null);
        double seconds = clock.Elapsed.TotalSeconds;
        if (_distances is not null)
            _solved[index] = result.Solution;
        NextPosition++;
        var stored = Family.StoredGrid?.RestrictInterior(result.Solution) ?? result.Solution;
        return new SweepSample(index, position, stored, result.Iterations, result.MatrixVectorProducts,
            RelativeResidual(a, b, result.Solution), seconds, result.Reason, result.Message, from);
    }

    // The system's preconditioner; a reused kind ('amg-reuse') is built once, from the first system of the shard.
    private IPreconditioner? CreatePreconditioner(int position, CsrMatrix a)
    {
        var kind = Options.Solver.PreconditionerKind;
        if (kind.Reuse is null)
            return kind.Build(a);
        _first ??= kind.Build(position == Start ? a : Family.System(Order[Start]).A)!;
        return position == Start ? _first : kind.Reuse(_first, a);
    }

    /// <summary>The state to save with the samples solved so far; <see cref="Restore"/> continues from it.</summary>
    public SweepState SaveState() =>
        new(NextPosition, _solver is IRecyclingSolver recycling ? recycling.ExportRecycleSpace() : []);

    /// <summary>
    /// Continues a stopped run of the same sweep: <paramref name="solved"/> must be exactly the samples at positions
    /// Start..state.NextPosition − 1 (they feed warm starts), and the recycle space is imported. Throws
    /// <see cref="ArgumentException"/> when the state does not belong to this sweep and shard.
    /// </summary>
    public void Restore(SweepState state, IReadOnlyList<SweepSample> solved)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(solved);
        if (state.NextPosition < Start || state.NextPosition > End)
            throw new ArgumentException($"The saved next position {state.NextPosition} lies outside shard {Shard} (positions {Start}..{End}).", nameof(state));
        if (solved.Count != state.NextPosition - Start)
            throw new ArgumentException($"{solved.Count} solved samples for a state at position {state.NextPosition}; expected {state.NextPosition - Start}, one per position from {Start}.", nameof(solved));
        for (int k = 0; k < solved.Count; k++)
        {
            var sample = solved[k];
            if (sample.Position != Start + k || sample.Index != Order[Start + k] || sample.Solution.Length != StoredLength)
                throw new ArgumentException($"Solved sample {k} is system {sample.Index} at position {sample.Position} with {sample.Solution.Length} values; " +
                    $"expected system {Order[Start + k]} at position {Start + k} with {StoredLength}.", nameof(solved));
        }
        if (_solver is IRecyclingSolver recycling)
        {
            if (state.RecycleSpace.Any(v => v.Length != Family.Unknowns))
                throw new ArgumentException($"The saved recycle space does not have vectors of length {Family.Unknowns}.", nameof(state));
            recycling.ImportRecycleSpace(state.RecycleSpace);
        }
        else if (state.RecycleSpace.Count > 0)
            throw new ArgumentException($"The state carries a recycle space of {state.RecycleSpace.Count} vectors, but '{Options.Solver.Method}' does not recycle.", nameof(state));
        _solved.Clear();
        if (_distances is not null)
            foreach (var sample in solved) _solved[sample.Index] = sample.Solution;
        NextPosition = state.NextPosition;
    }

    /// <summary>‖b − A x‖/‖b‖ (0 when b = 0), computed here rather than trusted from the solver.</summary>
    public static double RelativeResidual(CsrMatrix a, ReadOnlySpan<double> b, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = new double[a.Rows];
        a.Apply(x, r);
        for (int i = 0; i < r.Length; i++) r[i] = b[i] - r[i];
        double bNorm = Vectors.Norm(b);
        return bNorm == 0 ? Vectors.Norm(r) : Vectors.Norm(r) / bNorm;
    }

    // "a, b or c".
    private static string Or(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }

    // The solved system nearest to 'index' by field distance (ties: lowest index), or −1 without warm start or before the first solve.
    private int NearestSolved(int index)
    {
        if (_distances is null) return -1;
        int best = -1;
        foreach (int j in _solved.Keys)
            if (best < 0 || _distances[index, j] < _distances[index, best]) best = j;
        return best;
    }
}
