using Rom.Cases.Kinds;
using Rom.Cases.Neural;
using Rom.Neural.Training;

namespace Rom.Cli.Tests;

public class TrainCommandTests : TempFolderTest
{
    private static string TestData => Path.Combine(Cli.RepoRoot, "cases", "data", "darcy_test_16.h5");

    /// <summary>A small fno case whose training and test sets are neuraloperator's 50 test samples (copied into data/).</summary>
    private string Case(params string[] overrides)
    {
        Directory.CreateDirectory(PathOf("data"));
        File.Copy(TestData, PathOf("data/darcy_test_16.h5"), overwrite: true);
        string path = PathOf("fno.h5");
        Hdf5File.Write(path, Rom.Cases.CaseDocument.Create(new FnoKind(), "small",
        [
            "data.train_file=data/darcy_test_16.h5", "model.n_modes=4,4", "model.hidden_channels=4", "model.n_layers=1",
            "training.batch_size=16", "training.learning_rate=0.01", "training.epochs=2", "output.plots=0", .. overrides,
        ]));
        return path;
    }

    /// <summary>The test samples at 32×32 (each value repeated 2 × 2), a resolution test file with targets.</summary>
    private string Upsampled()
    {
        var root = Hdf5File.Read(TestData);
        var up = new DataGroup();
        foreach (string name in new[] { "x", "y" })
        {
            var a = root.Datasets[name];
            var values = a.AsDoubles();
            int n = a.Shape[0];
            var fine = new double[n * 32 * 32];
            for (int s = 0; s < n; s++)
                for (int i = 0; i < 32; i++)
                    for (int j = 0; j < 32; j++)
                        fine[(s * 32 + i) * 32 + j] = values[(s * 16 + i / 2) * 16 + j / 2];
            up.Datasets[name] = DataArray.Of(fine, n, 32, 32);
        }
        string path = PathOf("data/darcy_test_32.h5");
        Hdf5File.Write(path, up);
        return path;
    }

    private static Dictionary<string, double[]> Parameters(string modelPath) =>
        Hdf5File.Read(modelPath).Groups["parameters"].Datasets.ToDictionary(d => d.Key, d => d.Value.AsDoubles());

    [Test]
    public void Train_WritesTheModelRecordPlotsAndOneJsonObject_AndNoCheckpoint()
    {
        string casePath = Case("data.resolution_test_files=data/darcy_test_32.h5");
        Upsampled();
        string model = PathOf("out/model.h5");
        var run = Cli.Run("train", casePath, "--out", model, "--json", "--set", "output.plots=1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var o = JsonDocument.Parse(run.Out).RootElement;
        var (loaded, record) = NeuralModelFile.Read(model);
        Assert.Multiple(() =>
        {
            foreach (string key in new[] { "parameters", "epochs", "seconds", "train_loss", "test_rel_l2", "test_h1", "best_epoch", "samples_per_second" })
                Assert.That(o.TryGetProperty(key, out _), key);
            Assert.That(o.GetProperty("model").GetString(), Is.EqualTo(model));
            Assert.That(o.GetProperty("epochs").GetInt64(), Is.EqualTo(2));
            Assert.That(o.GetProperty("parameters").GetInt64(), Is.EqualTo(loaded.ParameterCount));
            Assert.That(o.GetProperty("test_rel_l2").GetDouble(), Is.EqualTo(record!.History["test_l2"][^1]), "the model is the last epoch's");
            Assert.That(o.GetProperty("test_h1").GetDouble(), Is.EqualTo(record.History["test_h1"][^1]));
            var resolution = o.GetProperty("resolution_tests").EnumerateArray().Single();
            Assert.That(resolution.GetProperty("resolution").GetString(), Is.EqualTo("32×32"));
            Assert.That(resolution.GetProperty("rel_l2").GetDouble(), Is.GreaterThan(0));
            Assert.That(resolution.GetProperty("h1").GetDouble(), Is.GreaterThan(0));
            foreach (string series in TrainingHistory.Names)
                Assert.That(record.History[series], Has.Length.EqualTo(2), series);
            Assert.That(record.CaseFile, Is.EqualTo(PathOf("fno.h5")));
            Assert.That(loaded.OutputNormalizer, Is.Not.Null, "targets normalised by default");
            foreach (string plot in new[] { "model-loss.svg", "model-loss.png", "model-samples.png", "model-resolution.svg", "model-resolution.png" })
                Assert.That(File.Exists(PathOf("out/" + plot)), plot);
            Assert.That(File.Exists(model + ".partial"), Is.False, "the checkpoint is removed");
            // Redirected stderr: one plain line per epoch.
            Assert.That(run.Error.Split('\n').Count(l => l.StartsWith("[train]", StringComparison.Ordinal)), Is.EqualTo(2), run.Error);
        });
    }

    [Test]
    public void AnInterruptedRunResumes_ToTheWeightsOfAnUninterruptedOne()
    {
        string casePath = Case("training.epochs=4");
        string reference = PathOf("reference.h5"), model = PathOf("model.h5");
        var whole = Cli.Run("train", casePath, "--out", reference);
        Assert.That(whole.ExitCode, Is.EqualTo(0), whole.ToString());

        var stopped = StopAfterEpoch(casePath, model, 2);
        Assert.That(stopped.StopReason, Is.EqualTo(StopReason.Cancelled));
        Assert.That(File.Exists(model), Is.False);
        Assert.That(NeuralCheckpointFile.Read(model + ".partial").State.EpochsCompleted, Is.EqualTo(2));

        var resumed = Cli.Run("train", casePath, "--out", model, "--json");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString());
        Assert.That(resumed.Error, Does.Contain("resuming from epoch 2"));
        Assert.That(resumed.Error.Split('\n').Count(l => l.StartsWith("[train]", StringComparison.Ordinal)), Is.EqualTo(2), "epochs 3 and 4 only");
        Assert.That(File.Exists(model + ".partial"), Is.False);
        var expected = Parameters(reference);
        var actual = Parameters(model);
        Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys));
        foreach (var (name, values) in expected)
            Assert.That(actual[name], Is.EqualTo(values), name);
        var (_, a) = NeuralModelFile.Read(reference);
        var (_, b) = NeuralModelFile.Read(model);
        Assert.That(b!.History["test_l2"], Is.EqualTo(a!.History["test_l2"]));
        Assert.That(b.History["train_loss"], Is.EqualTo(a.History["train_loss"]));
    }

    /// <summary>Trains through the library entry point and stops, as Ctrl+C stops the command, at the end of epoch <paramref name="epoch"/>.</summary>
    private static FnoTrainingReport StopAfterEpoch(string casePath, string model, int epoch)
    {
        using var cancel = new CancellationTokenSource();
        return FnoTraining.Run(new FnoTrainingRequest(casePath, model)
        {
            TrainingProgress = new Reporter(p => { if (p.EndOfEpoch && p.Epoch == epoch) cancel.Cancel(); }),
            Cancellation = cancel.Token,
        });
    }

    [Test]
    public void ACheckpointOfOtherSettings_IsRefused_NamingIt()
    {
        string casePath = Case(), model = PathOf("model.h5");
        StopAfterEpoch(casePath, model, 1);
        var run = Cli.Run("train", casePath, "--out", model, "--set", "training.learning_rate=0.02");
        AssertBadInput(run, model + ".partial", "other settings", "delete");
        Assert.That(File.Exists(model), Is.False);
        Assert.That(File.Exists(model + ".partial"), "the checkpoint is left alone");
    }

    [Test]
    public void Interrupted_ExitsWith130_AndSaysHowToResume()
    {
        string casePath = Case(), model = PathOf("model.h5");
        StopAfterEpoch(casePath, model, 1);
        // Ctrl+C as the command sees it: its context's token, here cancelled before the resumed run's first batch.
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = RomApp.Run(["train", casePath, "--out", model], new CliContext(stdout, stderr, false) { Cancellation = interrupt.Token });
        Assert.That(code, Is.EqualTo(ExitCodes.Interrupted), stderr.ToString());
        Assert.That(stderr.ToString(), Does.Contain("resuming from epoch 1").And.Contain("Checkpoint of epoch 1 kept").And.Contain("same command to resume"));
        Assert.That(File.Exists(model), Is.False);
        Assert.That(NeuralCheckpointFile.Read(model + ".partial").State.EpochsCompleted, Is.EqualTo(1));
    }

    [Test]
    public void NonLinearitySetting_ReachesTheTrainedModel()
    {
        string model = PathOf("relu.h5");
        var run = Cli.Run("train", Case("model.non_linearity=relu"), "--out", model);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(NeuralModelFile.Read(model).Model.Options.NonLinearity, Is.EqualTo("relu"));
        Assert.That(Hdf5File.Read(model).Groups["architecture"].Attributes["non_linearity"].AsStrings()[0], Is.EqualTo("relu"));
    }

    [Test]
    public void NonFiniteLoss_ExitsOne_NamingEpochAndBatch_WritingNoModel()
    {
        string model = PathOf("model.h5");
        var run = Cli.Run("train", Case("training.learning_rate=1e30", "training.schedule=constant"), "--out", model);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        var errors = run.Error.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), run.ToString());
        Assert.That(errors[0], Does.Match(@"at epoch \d+, batch \d+ of \d+").And.Contain("No model file written"));
        Assert.That(File.Exists(model), Is.False);
    }

    [Test]
    public void BadInput_ExitsTwo_WithOneLine_AndWritesNothing()
    {
        string model = PathOf("model.h5");
        string casePath = Case();
        AssertBadInput(Cli.Run("train", casePath, "--out", model, "--set", "model.n_modes=20,20"), "resolution 16×16", "n_modes = [20, 20]");
        AssertBadInput(Cli.Run("train", casePath, "--out", model, "--set", "model.in_channels=2"), "/x", "1 channels", "model.in_channels = 2");
        AssertBadInput(Cli.Run("train", casePath, "--out", model, "--set", "model.factorization=banana"),
            "model.factorization", "banana", "'dense'", "'cp'", "'tucker'", "'tt'");
        AssertBadInput(Cli.Run("train", casePath, "--out", model, "--set", "model.non_linearity=swish"),
            "model.non_linearity", "swish", "'gelu'", "'relu'", "'tanh'");

        var root = Hdf5File.Read(TestData);
        var x = root.Datasets["x"].AsDoubles();
        x[3 * 256 + 5] = double.NaN;
        root.Datasets["x"] = DataArray.Of(x, 50, 16, 16);
        Hdf5File.Write(PathOf("data/nan.h5"), root);
        AssertBadInput(Cli.Run("train", casePath, "--out", model, "--set", "data.train_file=data/nan.h5"), PathOf("data/nan.h5"), "/x[3]", "NaN");

        string sweep = Cli.New("sweep", PathOf("sweep.h5"));
        AssertBadInput(Cli.Run("train", sweep, "--out", model), "'sweep'", "'fno'");
        Assert.That(File.Exists(model) || File.Exists(model + ".partial"), Is.False);
    }

    private static void AssertBadInput(Cli.Outcome run, params string[] mentions)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.ToString());
        Assert.That(lines[0], Does.StartWith("error: "), run.ToString());
        foreach (var m in mentions)
            Assert.That(lines[0], Does.Contain(m), run.ToString());
    }

    /// <summary>A synchronous progress sink (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
