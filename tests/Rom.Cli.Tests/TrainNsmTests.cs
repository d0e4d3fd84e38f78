namespace Rom.Cli.Tests;

/// <summary>
/// <c>rom new nsm</c>, <c>rom train</c> and <c>rom predict</c> on it: the JSON objects scripts read, the files, and bad input
/// as exit 2.
/// </summary>
public class TrainNsmTests : TempFolderTest
{
    private string NewCase(params string[] settings)
    {
        string path = PathOf("nsm.h5");
        string[] small = ["model.width=4", "model.depth=1", "training.steps=20", "training.evaluate_every=10", "training.test_samples=4", "training.batch_size=4", .. settings];
        var run = Cli.Run(["new", "nsm", "--out", path, .. Cli.Set(small)]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Contain("rom train"));
        return path;
    }

    [TestCase("poisson", "poisson-periodic", "model.modes=16,16")]
    [TestCase("reaction-diffusion", "reaction-diffusion-nu0.05", "model.modes=6,16")]
    [TestCase("navier-stokes", "navier-stokes-nu0.001-T3-forced", "model.modes=3,7,7")]
    public void Train_PrintsOneJsonObjectAndWritesTheModelAndPlots(string equation, string problem, string modes)
    {
        string path = NewCase($"problem.equation={equation}", "problem.diffusion=0.05", modes);
        var o = Cli.Json("train", path, "--out", PathOf("m.h5"), "--json");
        Assert.Multiple(() =>
        {
            Assert.That(o.GetProperty("problem").GetString(), Is.EqualTo(problem));
            Assert.That(o.GetProperty("method").GetString(), Is.EqualTo("spectral"));
            Assert.That(o.GetProperty("steps").GetInt64(), Is.EqualTo(20));
            Assert.That(o.GetProperty("seconds").GetDouble(), Is.GreaterThan(0));
            Assert.That(o.GetProperty("test_rel_l2").GetDouble(), Is.GreaterThan(0).And.LessThan(10));
            Assert.That(File.Exists(PathOf("m.h5")), Is.True);
            Assert.That(File.Exists(PathOf("m.h5.partial")), Is.False);
            Assert.That(o.GetProperty("plots").EnumerateArray().Select(p => p.GetString()), Has.Some.EndsWith("m-samples.png").And.Some.EndsWith("m-loss.svg"));
        });
    }

    [TestCase("problem.diffusion=-0.1", "problem.diffusion")]
    [TestCase("model.modes=8,8", "model.modes")]
    [TestCase("training.loss=pinn", "training.loss")]
    [TestCase("problem.viscosity=0", "problem.viscosity")]
    public void BadInput_ExitsTwoNamingTheSetting(string setting, string key)
    {
        string path = NewCase("problem.equation=poisson");
        var run = Cli.Run("train", path, "--out", PathOf("m.h5"), "--set", setting);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain(key));
        Assert.That(File.Exists(PathOf("m.h5")), Is.False);
    }

    [Test]
    public void RunningAnNsmCase_PointsAtTrain()
    {
        var run = Cli.Run("run", NewCase());
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("rom train"));
    }

    [Test]
    public void Predict_WritesValuesOnTheRequestedGridAndComparesWithTheSolver()
    {
        string path = NewCase("problem.equation=poisson", "model.modes=16,16");
        Assert.That(Cli.Run("train", path, "--out", PathOf("m.h5"), "--set", "output.plots=0").ExitCode, Is.EqualTo(0));
        var fields = new double[3 * 12 * 12];
        for (int i = 0; i < fields.Length; i++)
            fields[i] = Math.Sin(2 * Math.PI * (i / 144 + 1) * (i % 12) / 12.0) + Math.Cos(2 * Math.PI * (i / 12 % 12) / 12.0);
        var data = new DataGroup();
        data.Datasets["x"] = DataArray.Of(fields, 3, 12, 12);
        Hdf5File.Write(PathOf("sources.h5"), data);
        var json = Cli.Json("predict", PathOf("m.h5"), "--input", PathOf("sources.h5"), "--out", PathOf("p.h5"), "--resolution", "40", "--json");
        var predictions = Hdf5File.Read(PathOf("p.h5")).Datasets["predictions"];
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("problem").GetString(), Is.EqualTo("poisson-periodic"));
            Assert.That(json.GetProperty("samples").GetInt64(), Is.EqualTo(3));
            Assert.That(json.GetProperty("rel_l2").GetDouble(), Is.GreaterThan(0));
            Assert.That(predictions.Shape, Is.EqualTo(new[] { 3, 40, 40 }));
        });

        fields[144 + 5] = double.NaN;
        data.Datasets["x"] = DataArray.Of(fields, 3, 12, 12);
        Hdf5File.Write(PathOf("bad.h5"), data);
        var bad = Cli.Run("predict", PathOf("m.h5"), "--input", PathOf("bad.h5"), "--out", PathOf("q.h5"));
        Assert.That(bad.ExitCode, Is.EqualTo(2), bad.ToString());
        Assert.That(bad.Error, Does.Contain("sample 1, point 5 is NaN"));
        Assert.That(File.Exists(PathOf("q.h5")), Is.False);
    }
}
