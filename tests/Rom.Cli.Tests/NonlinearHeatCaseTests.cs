namespace Rom.Cli.Tests;

public class NonlinearHeatCaseTests : TempFolderTest
{
    [Test]
    public void AdaptiveRomBeatsThePlainRomThroughRomRun()
    {
        string casePath = PathOf("nh.h5");
        Assert.That(Cli.Run("new", "nonlinear-heat", "--out", casePath).ExitCode, Is.EqualTo(0));
        var run = Cli.Run("run", casePath, "--out", PathOf("r.h5"), "--json", "--set", "output.plots=0");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        double bound = 5e-2;
        Assert.That(root.GetProperty("max_rel_error").GetDouble(), Is.LessThanOrEqualTo(bound));
        Assert.That(root.GetProperty("plain_max_rel_error").GetDouble(), Is.GreaterThan(bound), "without enrichment the bound is violated");
        Assert.That(root.GetProperty("full_order_fraction").GetDouble(), Is.LessThan(0.2));
    }

    [Test]
    public void ATighterStatedBoundThanTheRomMeetsFailsTheRun()
    {
        string casePath = PathOf("nh.h5");
        Cli.Run("new", "nonlinear-heat", "--out", casePath);
        var run = Cli.Run("run", casePath, "--out", PathOf("r.h5"), "--set", "output.plots=0", "--set", "reduction.error_bound=1e-6");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("the run failed"));
    }
}
