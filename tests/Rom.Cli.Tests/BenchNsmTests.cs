namespace Rom.Cli.Tests;

/// <summary><c>rom bench nsm --quick</c>: one row per method with the keys scripts read; the baselines' non-linearity names their rows; bad sizes exit 2 naming the option.</summary>
public class BenchNsmTests
{
    [Test]
    public void Quick_PrintsEveryMethodWithItsFigures()
    {
        var json = Cli.Json("bench", "nsm", "--quick", "--json");
        var rows = json.EnumerateArray().ToList();
        Assert.That(rows.Select(r => $"{r.GetProperty("problem").GetString()} {r.GetProperty("method").GetString()}"), Is.EqualTo(new[]
        {
            "poisson-periodic nsm", "poisson-periodic nsm-sum-of-squares", "poisson-periodic nsm-equivariant", "poisson-periodic pinn-32", "poisson-periodic supervised-32", "poisson-periodic fft",
            "reaction-diffusion-nu0.05 nsm", "reaction-diffusion-nu0.05 nsm-sum-of-squares", "reaction-diffusion-nu0.05 nsm-equivariant", "reaction-diffusion-nu0.05 pinn-32",
            "reaction-diffusion-nu0.05 supervised-32", "reaction-diffusion-nu0.05 etdrk4",
            "navier-stokes-nu0.001-T3-forced nsm", "navier-stokes-nu0.001-T3-forced nsm-sum-of-squares", "navier-stokes-nu0.001-T3-forced nsm-equivariant",
            "navier-stokes-nu0.001-T3-forced pinn-32",
            "navier-stokes-nu0.001-T3-forced supervised-32", "navier-stokes-nu0.001-T3-forced etdrk4",
        }));
        Assert.Multiple(() =>
        {
            foreach (var r in rows)
            {
                Assert.That(r.GetProperty("test_rel_l2").GetDouble(), Is.GreaterThanOrEqualTo(0).And.LessThan(2));
                Assert.That(r.GetProperty("inference_seconds").GetDouble(), Is.GreaterThan(0));
                Assert.That(r.GetProperty("solver_seconds_at_equal_accuracy").GetDouble(), Is.GreaterThan(0));
                Assert.That(r.TryGetProperty("train_seconds", out _), Is.True);
            }
            foreach (var nsm in rows.Where(r => r.GetProperty("method").GetString() is "nsm" or "nsm-equivariant"))
                Assert.That(nsm.GetProperty("inference_seconds_by_resolution").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "64", "128" }));
        });
    }

    [Test]
    public void FnoActivation_NamesTheBaselineAndItsNetwork()
    {
        var row = Cli.Json("bench", "nsm", "--quick", "--problems", "poisson", "--methods", "pinn", "--fno-activation", "relu", "--json").EnumerateArray().Single();
        Assert.That(row.GetProperty("method").GetString(), Is.EqualTo("pinn-32-relu"));
        Assert.That(row.GetProperty("test_rel_l2").GetDouble(), Is.GreaterThan(0).And.LessThan(2));
    }

    [Test]
    public void Torch_TimesOneTrainingStepInRomAndPyTorch()
    {
        var run = Cli.Run("bench", "nsm", "--quick", "--problems", "poisson", "--methods", "nsm", "--torch", "--json");
        if (run.ExitCode != 0 && run.Error.Contains("torch_nsm.py"))
            Assert.Ignore($"PyTorch (Debian's python3-torch) is not available: {run.Error.Trim()}");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var row = System.Text.Json.JsonDocument.Parse(run.Out).RootElement.EnumerateArray().Single();
        Assert.That(row.GetProperty("train_step_seconds").GetDouble(), Is.GreaterThan(0).And.LessThan(10));
        Assert.That(row.GetProperty("torch_train_step_seconds").GetDouble(), Is.GreaterThan(0).And.LessThan(10));
    }

    [Test]
    public void Decay_SetsTheLearningRateSchedule()
    {
        var run = Cli.Run("bench", "nsm", "--quick", "--problems", "poisson", "--methods", "solver", "--decay", "0.5");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("decay 0.5 over the run"));
    }

    [Test]
    public void NavierStokesSlots_SizeTheNetwork()
    {
        var run = Cli.Run("bench", "nsm", "--quick", "--problems", "navier-stokes", "--methods", "nsm", "--steps", "2", "--ns-slots", "4,9");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("4 Chebyshev × 9 Fourier × 9 Fourier slots"));
    }

    [Test]
    public void SupervisedGrid_SetsTheSupervisedBaselinesGrid()
    {
        var run = Cli.Run("bench", "nsm", "--quick", "--problems", "poisson", "--methods", "supervised", "--steps", "2", "--supervised-grid", "48");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("supervised-48").And.Contain("on the 48 × 48 grid"));
    }

    [TestCase("--modes", "8", "--modes is 8")]
    [TestCase("--supervised-grid", "4", "--supervised-grid is 4")]
    [TestCase("--grids", "64,x", "--grids is '64,x'")]
    [TestCase("--methods", "nsm,pinns", "'pinns'")]
    [TestCase("--lr", "-1", "--lr is -1")]
    [TestCase("--decay", "0", "--decay is 0")]
    [TestCase("--decay", "1.5", "--decay is 1.5")]
    [TestCase("--problems", "poisson,heat", "'heat'")]
    [TestCase("--ns-slots", "6,16", "--ns-slots is '6,16'")]
    [TestCase("--ns-slots", "1,15", "--ns-slots is '1,15'")]
    [TestCase("--ns-slots", "6", "--ns-slots is '6'")]
    [TestCase("--ns-slots", "6,x", "two integers are needed")]
    [TestCase("--nu", "0.01,0", "--nu is '0.01,0'")]
    [TestCase("--fno-activation", "swish", "--fno-activation is 'swish'; expected one of gelu, relu, tanh")]
    public void BadSizes_ExitTwoNamingTheOption(string option, string value, string named)
    {
        var run = Cli.Run("bench", "nsm", "--quick", option, value);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain(named));
    }
}
