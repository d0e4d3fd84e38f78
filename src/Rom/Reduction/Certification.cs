using System.Diagnostics;
using Rom.LinearAlgebra;
using Rom.Models;
using Rom.Parameters;

namespace Rom.Reduction;

/// <summary>
/// Measures a reduced model against the full-order model on test parameters: true errors, bounds, effectivities and
/// times (<see cref="Run"/>), and the same against a second truth the model was not built on (<see cref="AgainstAnotherTruth"/>).
/// </summary>
public static class Certification
{
    /// <summary>
    /// Relative errors below this are round-off in the full-order reference itself (a direct solve is accurate to
    /// about κ(A)·ε ≈ 1e-12 on the shipped cases), so a bound is not held against them.
    /// </summary>
    public const double ReferenceAccuracy = 1e-11;

    /// <summary>Most basis sizes sampled for the error-versus-N curve.</summary>
    private const int CurvePoints = 40;

    /// <summary>Windows over which the online time per parameter is averaged; the median window is reported.</summary>
    private const int OnlineWindows = 15;

    /// <summary>Minimum wall time of one window.</summary>
    private static readonly TimeSpan OnlineWindow = TimeSpan.FromSeconds(0.03);

    /// <summary>Warm-up before the windows: see <see cref="OnlineSecondsPerParameter"/>.</summary>
    private static readonly TimeSpan OnlineWarmUp = TimeSpan.FromSeconds(0.6);

    /// <summary>
    /// Certifies the reduced basis <paramref name="built"/> of <paramref name="model"/> on <paramref name="test"/>: full-order
    /// solves with <paramref name="solver"/>, the online time, then errors and bounds against the basis size. Smaller bases
    /// are truncations of the model, or of its exact residual data where its estimator was fitted to the final basis.
    /// </summary>
    public static CertificationResult Run(IAffineModel model, ReducedBasisResult built, SpdSolverFactory solver, IReadOnlyList<Parameter> test,
        Action<CertificationStep>? monitor = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(built);
        ArgumentNullException.ThrowIfNull(solver);
        Require.NotEmpty(test, "Certification needs at least one test parameter.");
        var truth = FullOrderSolutions(model, solver, test, monitor);
        double onlineSeconds = OnlineSecondsPerParameter(built.Model, test);
        var curve = ErrorCurve(built.Model, model, truth.Solutions, test, monitor,
            built.Reductor.Estimator.FittedToBasis ? built.Reductor.Reduce() : null);
        return new CertificationResult(test, curve, onlineSeconds, truth.SecondsPerSolve, Outputs(built.Model, model, truth.Solutions, test));
    }

    /// <summary>Every output of <paramref name="model"/> against the reduced model's outputs and bounds at the test parameters.</summary>
    public static IReadOnlyList<OutputCertification> Outputs(ReducedModel rom, IFullOrderModel model, IReadOnlyList<double[]> truth, IReadOnlyList<Parameter> test)
    {
        ArgumentNullException.ThrowIfNull(rom);
        ArgumentNullException.ThrowIfNull(model);
        var solutions = test.Select(rom.Solve).ToArray();
        return model.Outputs.Select((output, k) =>
        {
            var values = truth.Select(u => output.Evaluate(u)).ToArray();
            var errors = values.Select((s, i) => Math.Abs(s - solutions[i].Outputs[k])).ToArray();
            return new OutputCertification(output.Name, values, errors, solutions.Select(x => x.OutputBounds[k]).ToArray());
        }).ToArray();
    }

    /// <summary>Solves the full-order model at every test parameter.</summary>
    public static FullOrderTruth FullOrderSolutions(IAffineModel model, SpdSolverFactory solver, IReadOnlyList<Parameter> test,
        Action<CertificationStep>? monitor = null)
    {
        var solutions = new List<double[]>();
        var seconds = new List<double>();
        foreach (var mu in test)
        {
            monitor?.Invoke(new CertificationStep("truth", (double)solutions.Count / test.Count, $"full-order solve {solutions.Count + 1} of {test.Count}"));
            var clock = Stopwatch.StartNew();
            var a = (CsrMatrix)model.AffineOperator.At(mu);
            var u = new double[model.Dimension];
            solver(a).Solve(model.RightHandSide(mu), u);
            seconds.Add(clock.Elapsed.TotalSeconds);
            solutions.Add(u);
        }
        return new FullOrderTruth(solutions, seconds.Count == 0 ? 0 : Median(seconds));
    }

    /// <summary>
    /// Wall time of one online solve with its error bound: the mean over the test set, repeated for at least 30 ms, in
    /// each of 15 windows, of which the median is returned (a window slowed by another process on a shared machine does
    /// not set the figure, as in the full-order <see cref="FullOrderTruth.SecondsPerSolve"/>). A 0.6 s warm-up comes first: the
    /// runtime first runs quickly compiled code and swaps in the optimised compile only after a method has been called
    /// for a while (tiered compilation), which made the first 0.3 s of calls about 3× slower.
    /// </summary>
    public static double OnlineSecondsPerParameter(ReducedModel rom, IReadOnlyList<Parameter> test)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < OnlineWarmUp)
            foreach (var mu in test) rom.Solve(mu);
        var windows = new double[OnlineWindows];
        for (int w = 0; w < windows.Length; w++)
        {
            long count = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < OnlineWindow)
                foreach (var mu in test)
                {
                    rom.Solve(mu);
                    count++;
                }
            windows[w] = clock.Elapsed.TotalSeconds / count;
        }
        return Median(windows);
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// Errors and bounds for basis sizes 1..N (at most 40 of them, N always included). The sizes below N are
    /// truncations of <paramref name="truncated"/> (default <paramref name="rom"/>): a model whose estimator was
    /// trained on the full basis only (the interpolated one) passes the same basis with an exact estimator here.
    /// </summary>
    public static IReadOnlyList<ErrorCurvePoint> ErrorCurve(ReducedModel rom, IFullOrderModel model, IReadOnlyList<double[]> truth,
        IReadOnlyList<Parameter> test, Action<CertificationStep>? monitor = null, ReducedModel? truncated = null)
    {
        var x = model.EnergyProduct;
        var norms = truth.Select(u => EnergyNorm(x, u)).ToArray();
        int n = rom.BasisSize, stride = Math.Max(1, (n + CurvePoints - 1) / CurvePoints);
        var sizes = Enumerable.Range(1, n).Where(k => k % stride == 0 || k == n).ToArray();
        var curve = new List<ErrorCurvePoint>();
        foreach (int size in sizes)
        {
            monitor?.Invoke(new CertificationStep("certify", (double)size / n, $"errors at N = {size}"));
            var sized = size == n ? rom : (truncated ?? rom).Truncate(size);
            var errors = new double[test.Count];
            var bounds = new double[test.Count];
            for (int i = 0; i < test.Count; i++)
            {
                var solution = sized.Solve(test[i]);
                var e = sized.Reconstruct(solution.Coefficients);
                for (int j = 0; j < e.Length; j++) e[j] = truth[i][j] - e[j];
                errors[i] = EnergyNorm(x, e) / norms[i];
                bounds[i] = solution.ErrorBound / norms[i];
            }
            curve.Add(new ErrorCurvePoint(size, errors, bounds));
        }
        return curve;
    }

    /// <summary>
    /// The reduced solution at μ against a truth u the reduced model was not built on (the non-affine operator behind an
    /// EIM): the relative error ‖u − V u_N‖_X/‖u‖_X and the relative bound (Δ + δ)/‖u‖_X, where
    /// δ = <paramref name="modelErrorBound"/>(‖u_N‖₂ + Δ) bounds the distance between the two truths given a bound of
    /// ‖u_M‖_X (the basis is X-orthonormal, so ‖V u_N‖_X = ‖u_N‖₂ and ‖u_M‖_X ≤ ‖u_N‖₂ + Δ).
    /// </summary>
    public static (double Error, double Bound) AgainstAnotherTruth(ReducedModel rom, ILinearOperator x, ReadOnlySpan<double> u, Parameter mu,
        Func<double, double> modelErrorBound)
    {
        ArgumentNullException.ThrowIfNull(rom);
        ArgumentNullException.ThrowIfNull(modelErrorBound);
        var solution = rom.Solve(mu);
        var e = rom.Reconstruct(solution.Coefficients);
        for (int j = 0; j < e.Length; j++) e[j] = u[j] - e[j];
        double norm = EnergyNorm(x, u);
        double delta = solution.ErrorBound;
        return (EnergyNorm(x, e) / norm, (delta + modelErrorBound(Vectors.Norm(solution.Coefficients) + delta)) / norm);
    }

    /// <summary>
    /// Why a certification against a second truth (see <see cref="AgainstAnotherTruth"/>) fails, or null when it holds:
    /// the largest EIM error seen on the test set must stay within the estimate <paramref name="eimEstimate"/> the
    /// bound was built with (else <paramref name="premiseFailure"/> says what to do), and every error within its bound
    /// Δ + EIM part. <paramref name="test"/> names one test item ("test matrix"), <paramref name="truth"/> the truth
    /// compared with ("the carried matrix").
    /// </summary>
    public static string? SecondTruthFailure(double maxTestEim, double eimEstimate, string premiseFailure,
        IReadOnlyList<double> errors, IReadOnlyList<double> bounds, string test, string truth)
    {
        if (maxTestEim > eimEstimate)
            return $"EIM error {maxTestEim:0.00E+00} at a {test} exceeds the training estimate ε̂ = {eimEstimate:0.00E+00}: {premiseFailure}";
        int violated = Enumerable.Range(0, errors.Count).FirstOrDefault(i => errors[i] > bounds[i], -1);
        return violated < 0 ? null : $"at {test} {violated} the error vs {truth} {errors[violated]:0.00E+00} exceeds Δ + EIM part {bounds[violated]:0.00E+00}";
    }

    /// <summary>‖v‖_X = √(vᵀ X v).</summary>
    public static double EnergyNorm(ILinearOperator x, ReadOnlySpan<double> v)
    {
        var xv = new double[v.Length];
        x.Apply(v, xv);
        return Math.Sqrt(Math.Max(Vectors.Dot(v, xv), 0));
    }
}
