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

    /// <summary>Solves <paramref name="problem"/> from the reference's initial state (φ as <see cref="GpObjective.InitialParameters"/>, U = 0).</summary>
    public GpSolution Solve(GpPdeProblem problem)
    {
        var clock = Stopwatch.StartNew();
        var o = _options;
        var objective = new GpObjective(problem, o.Kernel, o.Components, o.BoundaryWeight, o.Jitter, _provider);
        var phi0 = objective.InitialParameters(o.FrequencyScale);
        int p = objective.ParameterCount, n = problem.Grid.Count, noise = objective.NoiseIndex;
        if (o.SourceSpectrumWeights)
        {
            var frequencies = SpectralMixtureKernel.InitialParameters(o.Components, o.FrequencyScale)[(2 * o.Components)..];
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
            // A nonlinear PDE's J can have several local minima in U: Gauss–Newton then starts from the field of the
            // lowest J* seen (the optimiser's iterate or better), so that a rejected trial step cannot drag U into
            // another basin for the rest of the run. For a linear PDE the start only speeds up CGLS; the last is nearest.
            bool keepBest = problem.Nonlinearity is not null;
            double warmObjective = double.PositiveInfinity;
            var full = (double[])phi0.Clone();
            var fullGradient = new double[p];
            double Profiled(double[] theta, double[] gradient)
            {
                theta.CopyTo(full, 0);
                var factors = objective.Factorize(full);
                if (!factors.IsPositiveDefinite)
                {
                    gradient.AsSpan().Fill(double.NaN);
                    return double.NaN;
                }
                var solve = factors.SolveField(warm, o.FieldTolerance);
                last = factors.Evaluate(solve.Field, fullGradient, []);
                if (!keepBest || last.Total < warmObjective)
                    (warm, warmObjective) = (solve.Field, last.Total);
                fullGradient.AsSpan(0, noise).CopyTo(gradient);
                return last.Total;
            }
            var thetas = phi0[..noise];
            result = o.Optimizer == GpOptimizerKind.ProfiledAdam
                ? AdamOptimizer.Minimize(Profiled, thetas, o.OptimizerSettings, Residual)
                : LbfgsOptimizer.Minimize(Profiled, thetas, o.OptimizerSettings, Residual);
            result.X.CopyTo(full, 0);
            result = result with { X = (double[])full.Clone() };
        }
        var phi = result.X[..p];
        var final = objective.Factorize(phi);
        field ??= final.SolveField(warm, o.FinalFieldTolerance).Field;
        var terms = final.Evaluate(field, [], []);
        var kernels = Enumerable.Range(0, problem.Grid.Dimensions).Select(d => objective.Kernel(phi, d)).ToArray();
        return new GpSolution(field, phi, kernels, terms, result, clock.Elapsed.TotalSeconds);
    }
}
