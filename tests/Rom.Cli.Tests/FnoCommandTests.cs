using Rom.Neural;
using Rom.Neural.Models;
using Rom.Tensors;

namespace Rom.Cli.Tests;

public class FnoCommandTests : TempFolderTest
{
    private static string TestData => Path.Combine(Cli.RepoRoot, "cases", "data", "darcy_test_16.h5");

    private static NeuralOperatorModel Model(int modes = 8) =>
        new(new Fno<float>(new FnoOptions { Modes = [modes, modes], HiddenChannels = 8, Layers = 2, Seed = 3 }), null, new UnitGaussianNormalizer<float>([0.005f], [0.003f]));

    private string SaveModel(NeuralOperatorModel model)
    {
        string path = PathOf("model.h5");
        NeuralModelFile.Write(path, model);
        return path;
    }

    [Test]
    public void NewFno_WritesACaseThatRunRefersToTrain()
    {
        string path = PathOf("fno.h5");
        var made = Cli.Run("new", "fno", "--out", path, "--set", "model.n_modes=8,8");
        Assert.That(made.ExitCode, Is.EqualTo(0), made.ToString());
        Assert.That(made.Out, Does.Contain("rom train"));
        var info = Cli.Run("info", path);
        Assert.That(info.Out, Does.Contain("model.n_modes").And.Contain("[8, 8]").And.Contain("training.loss"));
        var run = Cli.Run("run", path);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("rom train"));
    }

    [Test]
    public void ShippedCase_HasNeuraloperatorsDarcyExampleSettings_AndItsData()
    {
        var info = Cli.Run("info", Path.Combine(Cli.RepoRoot, "cases", "fno-darcy16.h5"));
        Assert.That(info.ExitCode, Is.EqualTo(0), info.ToString());
        foreach (var (key, value) in new[] { ("model.n_modes", "[8, 8]"), ("model.hidden_channels", "24"), ("training.batch_size", "64"),
                     ("training.learning_rate", "0.01"), ("training.optimizer", "'adamw'"), ("training.schedule", "'cosine'"), ("training.epochs", "30"),
                     ("data.train_file", "'data/darcy_train_16.h5'") })
            Assert.That(info.Out, Does.Match($@"{key.Replace(".", @"\.")}\s+{System.Text.RegularExpressions.Regex.Escape(value)}\n"), key);
    }

    [Test]
    public void Predict_WritesPredictionsAndRelL2_EqualToTheLibrarysPredictions()
    {
        var model = Model();
        string modelPath = SaveModel(model), outPath = PathOf("out/pred.h5");
        var json = Cli.Json("predict", modelPath, "--input", TestData, "--out", outPath, "--json");
        var predictions = Hdf5File.Read(outPath);
        var x = Hdf5File.Read(TestData).Datasets["x"];
        var expected = model.Predict(new Tensor<float>([50, 1, 16, 16], [.. x.AsDoubles().Select(v => (float)v)]));
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("samples").GetInt64(), Is.EqualTo(50));
            Assert.That(json.GetProperty("resolution").GetString(), Is.EqualTo("16×16"));
            Assert.That(json.GetProperty("rel_l2").GetDouble(), Is.GreaterThan(0));
            Assert.That(predictions.Attributes["format"].AsStrings()[0], Is.EqualTo("rom-predictions"));
            Assert.That(predictions.Attributes["input_file"].AsStrings()[0], Is.EqualTo(Path.GetFullPath(TestData)));
            Assert.That(predictions.Groups["model"].Attributes["file"].AsStrings()[0], Is.EqualTo(Path.GetFullPath(modelPath)));
            var p = predictions.Datasets["predictions"];
            Assert.That(p.Type, Is.EqualTo(DataType.Float32));
            Assert.That(p.Shape, Is.EqualTo(new[] { 50, 16, 16 }));
            // rom predict runs batches of 32, the reference one batch of 50: GEMM blocking may change the last bit.
            Assert.That(p.AsDoubles().Select(v => (float)v), Is.EqualTo(expected.Data).Within(1e-4).Percent);
        });
        var table = Cli.Run("predict", modelPath, "--input", TestData, "--out", outPath);
        Assert.That(table.Out, Does.Contain("mean relative L2 error").And.Contain("16×16"));
    }

    [Test]
    public void Predict_AtAnotherResolution_WithoutTargets()
    {
        var root = new DataGroup();
        root.Datasets["x"] = DataArray.Of(Enumerable.Range(0, 2 * 32 * 32).Select(i => (double)(i % 3 == 0 ? 1 : 0)).ToArray(), 2, 32, 32);
        string data = PathOf("x32.h5");
        Hdf5File.Write(data, root);
        var json = Cli.Json("predict", SaveModel(Model()), "--input", data, "--out", PathOf("p.h5"), "--json");
        Assert.That(json.GetProperty("resolution").GetString(), Is.EqualTo("32×32"));
        Assert.That(json.TryGetProperty("rel_l2", out _), Is.False, "no targets, no error");
        Assert.That(Hdf5File.Read(PathOf("p.h5")).Datasets["predictions"].Shape, Is.EqualTo(new[] { 2, 32, 32 }));
    }

    [Test]
    public void Predict_BadInput_ExitsTwoWithOneLine_AndWritesNothing()
    {
        string outPath = PathOf("p.h5");
        string caseFile = Cli.New("fno", PathOf("case.h5"));
        AssertBadInput(Cli.Run("predict", caseFile, "--input", TestData, "--out", outPath), "'fno-model'", "'rom-case'");
        AssertBadInput(Cli.Run("predict", SaveModel(Model(modes: 20)), "--input", TestData, "--out", outPath), "resolution 16×16", "[20, 20]");

        var root = Hdf5File.Read(TestData);
        var y = root.Datasets["y"].AsDoubles();
        y[7 * 256 + 3] = double.PositiveInfinity;
        root.Datasets["y"] = DataArray.Create(DataType.Float32, y, [50, 16, 16]);
        string bad = PathOf("bad.h5");
        Hdf5File.Write(bad, root);
        AssertBadInput(Cli.Run("predict", SaveModel(Model()), "--input", bad, "--out", outPath), bad, "/y[7]");
        Assert.That(File.Exists(outPath), Is.False);
    }

    [Test]
    public void Info_DescribesAModelFile()
    {
        var info = Cli.Run("info", SaveModel(Model()));
        Assert.That(info.ExitCode, Is.EqualTo(0), info.ToString());
        Assert.That(info.Out, Does.Contain("Rom model file").And.Contain("FNO, 2-D").And.Contain("hidden_channels").And.Contain("[8, 8]")
            .And.Contain($"{Model().ParameterCount:N0} real scalars").And.Contain("output normaliser").And.Contain("Training: not recorded"));
    }

    private static void AssertBadInput(Cli.Outcome run, params string[] mentions)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.ToString());
        foreach (var m in mentions)
            Assert.That(lines[0], Does.Contain(m), run.ToString());
    }
}
