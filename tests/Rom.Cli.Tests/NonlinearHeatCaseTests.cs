namespace Rom.Cli.Tests;

public class NonlinearHeatCaseTests : TempFolderTest
{
    [Test]
    public void AdaptiveRomBeatsThePlainRomThroughRomRun()
    {
        string casePath = Cli.New("nonlinear-heat", PathOf("nh.h5"));
        var root = Cli.Json("run", casePath, "--out", PathOf("r.h5"), "--json", "--set", "output.plots=0");
        double bound = 5e-2;
        Assert.That(root.GetProperty("max_rel_error").GetDouble(), Is.LessThanOrEqualTo(bound));
        Assert.That(root.GetProperty("plain_max_rel_error").GetDouble(), Is.GreaterThan(bound), "without enrichment the bound is violated");
        Assert.That(root.GetProperty("full_order_fraction").GetDouble(), Is.LessThan(0.2));
    }

    [Test]
    public void ATighterStatedBoundThanTheRomMeetsFailsTheRun()
    {
        string casePath = Cli.New("nonlinear-heat", PathOf("nh.h5"));
        var run = Cli.Run("run", casePath, "--out", PathOf("r.h5"), "--set", "output.plots=0", "--set", "reduction.error_bound=1e-6");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain("the run failed"));
    }
}
