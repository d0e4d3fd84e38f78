using System.Diagnostics;
using Rom.LinearAlgebra.Dense;

namespace Rom.GaussianProcesses;

/// <summary>
/// Solves a PDE L u + N(u) = f (N an optional pointwise nonlinearity) with GP-HM (Fang et al., "Solving high frequency
/// and multi-scale PDEs with Gaussian processes", ICLR 2024): a spectral-mixture product kernel over a tensor grid, the
/// grid values as unknowns, and the negative log joint of <see cref="GpObjective"/> minimised over the values, every
/// kernel parameter and the log noises. Beyond the reference, <see cref="GpOptimizerKind.ProfiledLbfgs"/> solves for U
/// exactly at each φ (by Gauss–Newton for a nonlinear PDE), leaving the optimiser 3Q parameters per axis plus two noises.
/// </summary>
public sealed class GpPdeSolver
{
    private readonly GpSolverOptions _options;
    private readonly IDenseProvider? _provider;

    /// <summary>Creates a solver; throws <see cref="ArgumentException"/> for settings out of range.</summary>
    public GpPdeSolver(GpSolverOptions options, IDenseProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _provider = provider;
    }

    /// <summary>
    /// Solves <paramref name="problem"/> from the reference's initial state (φ as <see cref="GpObjective.InitialParameters"/>,
    /// U = 0), and with <see cref="GpSolverOptions.Restarts"/> R &gt; 1 also from R − 1 starts whose initial frequencies
    /// are shifted by r/R of their spacing; keeps the solution of lowest J among those that did not diverge.
    /// </summary>
    public GpSolution Solve(GpPdeProblem problem)
    {
        var clock = Stopwatch.StartNew();
        var o = _options;
        var objective = new GpObjective(problem, o.Kernel, o.Components, o.BoundaryWeight, o.Jitter, _provider, o.FoldFrequencies);
        var starts = new List<GpSolution>();
        for (int r = 0; r < o.Restarts; r++)
            starts.Add(SolveFrom(objective, (double)r / o.Restarts));
        var best = starts.Where(s => !s.Failed).MinBy(s => s.Terms.Total) ?? starts[0];
        return best with
        {
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
            Start = starts.IndexOf(best),
            StartObjectives = [.. starts.Select(s => s.Terms.Total)],
        };
    }

    /// <summary>One start: initial frequencies shifted by <paramref name="offset"/> of their spacing.</summary>
    private GpSolution SolveFrom(GpObjective objective, double offset)
    {
        var clock = Stopwatch.StartNew();
        var o = _options;
        var problem = objective.Problem;
        var phi0 = objective.InitialParameters(o.FrequencyScale, offset);
        int p = objective.ParameterCount, n = problem.Grid.Count, noise = objective.NoiseIndex;
        if (o.SourceSpectrumWeights)
        {
            var frequencies = SpectralMixtureKernel.InitialParameters(o.Components, o.FrequencyScale, offset)[(2 * o.Components)..];
            for (int d = 0; d < problem.Grid.Dimensions; d++)
                SourceSpectrum.LogWeights(problem, d, frequencies).CopyTo(phi0, 3 * o.Components * d);
        }
        phi0[noise] = o.LogBoundaryPrecision;
        phi0[noise + 1] = o.LogEquationPrecision;
        GpObjectiveTerms? last = null;
        double Residual() => last?.RelativeResidual ?? double.NaN;
        OptimizationResult result;
        double[]? field = null, warm = null; // joint: the optimiser's field; profiled: solved at the final φ below
        if (o.Optimizer is GpOptimizerKind.JointAdam or GpOptimizerKind.JointLbfgs)
        {
            double Joint(double[] x, double[] gradient)
            {
                last = objective.Factorize(x.AsSpan(0, p)).Evaluate(x.AsSpan(p), gradient.AsSpan(0, p), gradient.AsSpan(p));
                return last.Total;
            }
            var start = phi0.Concat(new double[n]).ToArray();
            result = o.Optimizer == GpOptimizerKind.JointAdam
                ? AdamOptimizer.Minimize(Joint, start, o.OptimizerSettings, Residual)
                : LbfgsOptimizer.Minimize(Joint, start, o.OptimizerSettings, Residual);
            field = result.X[p..];
        }
        else
        {
            (result, warm) = MinimizeProfiled(objective, phi0, Residual, t => last = t);
        }
        var phi = result.X[..p];
        var final = objective.Factorize(phi);
        GpObjectiveTerms terms;
        if (field is null)
        {
            var profile = final.Profile(warm, o.FinalFieldTolerance, []);
            (terms, field) = (profile.Terms, profile.Solve.Field);
        }
        else
            terms = final.Evaluate(field, [], []);
        var kernels = Enumerable.Range(0, problem.Grid.Dimensions).Select(d => objective.Kernel(phi, d)).ToArray();
        return new GpSolution(field, phi, kernels, terms, result, clock.Elapsed.TotalSeconds, 0, [terms.Total]);
    }

    /// <summary>
    /// Minimises the profiled objective J*(θ) = min_U J(U, θ) over the kernel parameters θ (the noises held at φ₀'s),
    /// in stages of <see cref="GpSolverOptions.PruneInterval"/> iterations with a <see cref="ComponentPruning"/> attempt
    /// after each, kept when J* falls; returns the result over all stages (φ whole) and the field of the last solve kept.
    /// </summary>
    private (OptimizationResult Result, double[]? Field) MinimizeProfiled(GpObjective objective, double[] phi0, Func<double> residual,
        Action<GpObjectiveTerms> observe)
    {
        var o = _options;
        var clock = Stopwatch.StartNew();
        int axes = objective.Problem.Grid.Dimensions;
        // A nonlinear PDE's J can have several local minima in U: Gauss–Newton then starts from the field of the
        // lowest J* seen (the optimiser's iterate or better), so that a rejected trial step cannot drag U into
        // another basin for the rest of the run. For a linear PDE the start only speeds up CGLS; the last is nearest.
        bool keepBest = objective.Problem.Nonlinearity is not null;
        double[]? warm = null;
        double warmObjective = double.PositiveInfinity;
        var full = (double[])phi0.Clone();
        var fullGradient = new double[objective.ParameterCount];
        int[] active = ComponentPruning.ActiveParameters(full, o.Components, axes);

        double Solve(double[] phi)
        {
            var factors = objective.Factorize(phi);
            if (!factors.IsPositiveDefinite)
                return double.NaN;
            var (terms, solve) = factors.Profile(warm, o.FieldTolerance, fullGradient);
            observe(terms);
            if (!keepBest || terms.Total < warmObjective)
                (warm, warmObjective) = (solve.Field, terms.Total);
            return terms.Total;
        }
        double Profiled(double[] theta, double[] gradient)
        {
            for (int i = 0; i < active.Length; i++)
                full[active[i]] = theta[i];
            double value = Solve(full);
            for (int i = 0; i < active.Length; i++)
                gradient[i] = double.IsNaN(value) ? double.NaN : fullGradient[active[i]];
            return value;
        }

        var history = new List<OptimizationRecord>();
        int used = 0;
        OptimizationResult stage;
        while (true)
        {
            int budget = o.MaxIterations - used;
            var settings = o.OptimizerSettings with
            {
                MaxIterations = o.PruneRatio > 0 ? Math.Min(budget, o.PruneInterval) : budget,
                StartSeconds = clock.Elapsed.TotalSeconds, // the stages share the solve's clock and time limit
            };
            var start = active.Select(i => full[i]).ToArray();
            stage = o.Optimizer == GpOptimizerKind.ProfiledAdam
                ? AdamOptimizer.Minimize(Profiled, start, settings, residual)
                : LbfgsOptimizer.Minimize(Profiled, start, settings, residual);
            history.AddRange(stage.History.Where(r => used == 0 || r.Iteration > 0)
                .Select(r => r with { Iteration = r.Iteration + used }));
            for (int i = 0; i < active.Length; i++)
                full[active[i]] = stage.X[i];
            used += stage.Iterations;
            if (stage.Failed || used >= o.MaxIterations || o.PruneRatio == 0
                || (o.TimeLimitSeconds > 0 && clock.Elapsed.TotalSeconds >= o.TimeLimitSeconds))
                break;
            var pruned = ComponentPruning.Prune(full, o.Components, axes, o.PruneRatio);
            var (keptWarm, keptObjective) = (warm, warmObjective);
            if (pruned is not null && Solve(pruned) < stage.Objective)
            {
                pruned.CopyTo(full, 0);
                active = ComponentPruning.ActiveParameters(full, o.Components, axes);
            }
            else
            {
                (warm, warmObjective) = (keptWarm, keptObjective);
                if (stage.Iterations < settings.MaxIterations)
                    break; // the optimiser stopped on its own and nothing more can be pruned
            }
        }
        // Objective stays the last stage's: the history drops later stages' iteration-0 records, so after a prune followed
        // by a stage that stops at once, the history's last entry is the J from before the prune.
        return (stage with { X = (double[])full.Clone(), Iterations = used, History = history }, warm);
    }
}
