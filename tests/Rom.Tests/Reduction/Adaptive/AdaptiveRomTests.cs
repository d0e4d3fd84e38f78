using Rom.Models.NonlinearHeat;
using Rom.Reduction.Adaptive;

namespace Rom.Tests.Reduction.Adaptive;

public class AdaptiveRomTests
{
    // The bound both ROMs are held to: max_k ‖u_k − u_k^FOM‖/‖u_k^FOM‖ over all 150 steps.
    private const double ErrorBound = 5e-2;
    private const double Tolerance = 1e-2;

    // Default model: 20×20 squares, 150 steps, Gaussian source moving from (0.2, 0.2) to (0.8, 0.8), κ = 1 + u².
    private static readonly Lazy<(NonlinearHeatModel Model, NonlinearHeatTrajectory Trajectory, double Seconds)> Reference = new(() =>
    {
        var model = new NonlinearHeatModel();
        var clock = Stopwatch.StartNew();
        var trajectory = model.SolveTrajectory();
        return (model, trajectory, clock.Elapsed.TotalSeconds);
    });

    /// <summary>The first 15% of the states: the source has barely left its start, so they miss the later states.</summary>
    private static IReadOnlyList<double[]> Training(NonlinearHeatTrajectory trajectory) =>
        trajectory.States.Take(trajectory.States.Count * 15 / 100).ToArray();

    private static (AdaptiveRom Rom, AdaptiveRomResult Result, double Error) Run(double tolerance)
    {
        var (model, trajectory, fullSeconds) = Reference.Value;
        var clock = Stopwatch.StartNew();
        var rom = new AdaptiveRom(model, Training(trajectory), new AdaptiveRomOptions(IndicatorTolerance: tolerance));
        var result = rom.Run();
        double seconds = clock.Elapsed.TotalSeconds;
        double error = result.MaxRelativeError(trajectory.States);
        TestContext.Out.WriteLine($"τ = {tolerance}: FOM {fullSeconds:f2} s, ROM {seconds:f2} s; full-order steps {result.FullOrderStepCount}/{result.FullOrder.Count}; " +
                                  $"r {result.BasisSizes[0]}→{result.BasisSizes[^1]}, DEIM points {result.InterpolationSizes[0]}→{result.InterpolationSizes[^1]}; " +
                                  $"max relative error {error:e3}; reduced mesh {((ReducedMesh)rom.ReducedMesh).Triangles.Count}/{model.Mesh.TriangleCount} triangles");
        return (rom, result, error);
    }

    [Test]
    public void AdaptiveRomStaysAccurateWithFewFullOrderSteps()
    {
        var (_, result, error) = Run(Tolerance);
        Assert.That(error, Is.LessThan(ErrorBound));
        Assert.That(result.FullOrderStepCount, Is.LessThan(0.2 * result.FullOrder.Count));
        Assert.That(result.FullOrderStepCount, Is.GreaterThan(0), "the moving source must force enrichment");
        Assert.That(result.BasisSizes[^1], Is.GreaterThan(result.BasisSizes[0]));
        Assert.That(result.InterpolationSizes[^1], Is.GreaterThan(result.InterpolationSizes[0]));
        for (int k = 0; k < result.FullOrder.Count; k++)
            Assert.That(result.FullOrder[k], Is.EqualTo(result.Indicators[k] > Tolerance), $"step {k}");
    }

    [Test]
    public void WithoutEnrichmentTheSameRomViolatesTheBound()
    {
        var (_, result, error) = Run(double.PositiveInfinity);
        Assert.That(result.FullOrderStepCount, Is.Zero);
        Assert.That(result.BasisSizes, Is.All.EqualTo(result.BasisSizes[0]));
        Assert.That(!(error <= ErrorBound), $"error {error}");
    }

    [Test]
    public void IndicatorTracksTheErrorOfTheUnenrichedRom()
    {
        var (_, result, _) = Run(double.PositiveInfinity);
        var states = Reference.Value.Trajectory.States;
        // From round-off level (1e-5) until the error reaches 0.5, η stays within a factor 5 of it.
        int compared = 0;
        for (int k = 0; k < result.FullOrder.Count; k++)
        {
            var u = result.State(k + 1);
            double error = Math.Sqrt(u.Select((v, i) => (v - states[k + 1][i]) * (v - states[k + 1][i])).Sum() / states[k + 1].Sum(x => x * x));
            if (error > 0.5) break;
            Assert.That(result.Indicators[k] / error, Is.InRange(0.2, 5.0), $"step {k}: η = {result.Indicators[k]:e2}, error = {error:e2}");
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(30));
    }

    [Test]
    public void OnlineEvaluationTouchesOnlyTrianglesAroundTheSamples()
    {
        var (rom, _, _) = Run(Tolerance);
        var mesh = (ReducedMesh)rom.ReducedMesh;
        // On this mesh every node lies in at most 6 triangles, so the reduced mesh grows with the samples, not with n.
        Assert.That(mesh.Triangles.Count, Is.LessThanOrEqualTo(6 * mesh.Samples.Count));
    }

    [Test]
    public void RejectsBadInput()
    {
        var model = Reference.Value.Model;
        Assert.Throws<ArgumentException>(() => new AdaptiveRom(model, []));
        Assert.Throws<ArgumentException>(() => new AdaptiveRom(model, [new double[3]]));
        Assert.Throws<ArgumentException>(() => new AdaptiveRom(model, [new double[model.Mesh.NodeCount]]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveRom(model, Training(Reference.Value.Trajectory), new AdaptiveRomOptions(IndicatorTolerance: 0)));
    }
}
