using Rom.Cases.Kinds;
using Rom.Cases.Neural;
using Rom.Cases.Running;
using Rom.Cases.Settings;
using Rom.IO.Formats;
using Rom.IO.Hdf5;
using Rom.Neural;
using Rom.Neural.Models;

namespace Rom.Cases.Tests.Neural;

public class FnoCaseTests : TempFolderTest
{
    private static string ShippedData(string name)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rom.sln")))
            dir = dir.Parent;
        return Path.Combine(dir!.FullName, "cases", "data", name);
    }

    /// <summary>A case in the test folder whose data/ holds neuraloperator's 50 test samples as both sets.</summary>
    private string Case(params string[] overrides)
    {
        Directory.CreateDirectory(PathOf("data"));
        File.Copy(ShippedData("darcy_test_16.h5"), PathOf("data/darcy_test_16.h5"), overwrite: true);
        string path = PathOf("fno.h5");
        Hdf5File.Write(path, CaseDocument.Create(new FnoKind(), "test", ["data.train_file=data/darcy_test_16.h5", "model.n_modes=4,4", "model.hidden_channels=4", "model.n_layers=1", .. overrides]));
        return path;
    }

    private static FnoCaseData Load(string path, params string[] overrides)
    {
        var (document, settings) = CaseRunner.Prepare(path, overrides);
        return FnoCase.Load(document, settings);
    }

    private string WriteData(string name, Action<DataGroup> fill)
    {
        var root = new DataGroup();
        fill(root);
        string path = PathOf(name);
        Hdf5File.Write(path, root);
        return path;
    }

    [Test]
    public void NeuraloperatorLayout_BoolInputsAndFloatTargets_RelativeToTheCaseFolder()
    {
        var data = Load(Case(), "data.test_samples=10");
        Assert.Multiple(() =>
        {
            Assert.That(data.Train.Layout, Is.EqualTo("neuraloperator"));
            Assert.That(data.Train.Inputs.Shape, Is.EqualTo(new[] { 50, 1, 16, 16 }));
            Assert.That(data.Train.Inputs.Data.Distinct().Order(), Is.EqualTo(new float[] { 0, 1 }));
            Assert.That(data.Train.Targets!.Shape, Is.EqualTo(new[] { 50, 1, 16, 16 }));
            Assert.That(data.Test.Samples, Is.EqualTo(10));
            Assert.That(data.Model.Modes, Is.EqualTo(new[] { 4, 4 }));
            Assert.That(data.Training.Loss, Is.EqualTo("h1"));
            Assert.That(data.ResolutionTests, Is.Empty);
        });
    }

    [Test]
    public void SweepLayout_RowsOnTheGrid()
    {
        WriteData("sweep.h5", root =>
        {
            root.Attributes["grid"] = DataArray.Of(new long[] { 9, 9 });
            root.Datasets["inputs"] = DataArray.Of(Enumerable.Range(0, 3 * 81).Select(i => (double)(i % 7)).ToArray(), 3, 81);
            root.Datasets["solutions"] = DataArray.Of(Enumerable.Range(0, 3 * 81).Select(i => i * 0.01).ToArray(), 3, 81);
        });
        var data = Load(Case("data.resolution_test_files=sweep.h5"));
        var sweep = data.ResolutionTests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sweep.Layout, Is.EqualTo("sweep"));
            Assert.That(sweep.Inputs.Shape, Is.EqualTo(new[] { 3, 1, 9, 9 }));
            Assert.That(sweep.Targets!.Data[81 + 10], Is.EqualTo(0.91f).Within(1e-6));
            Assert.That(sweep.ResolutionText, Is.EqualTo("9×9"));
        });
    }

    [Test]
    public void NonFiniteValue_NamesFileDatasetAndSample()
    {
        string bad = WriteData("bad.h5", root =>
        {
            var y = new double[4 * 16 * 16];
            y[2 * 256 + 17] = double.NaN;
            root.Datasets["x"] = DataArray.Of(new double[4 * 256], 4, 16, 16);
            root.Datasets["y"] = DataArray.Of(y, 4, 16, 16);
        });
        var error = Assert.Throws<CaseInputException>(() => Load(Case("data.test_file=bad.h5")));
        Assert.That(error!.Message, Does.Contain(bad).And.Contain("/y[2]").And.Contain("NaN"));
    }

    [Test]
    public void ResolutionBelowTheModes_IsBadInput()
    {
        var error = Assert.Throws<CaseInputException>(() => Load(Case("model.n_modes=20,20")));
        Assert.That(error!.Message, Does.Contain("/x").And.Contain("resolution 16×16").And.Contain("n_modes = [20, 20]"));
    }

    [Test]
    public void ChannelsOrAxesDisagreeingWithTheModel_AreBadInput()
    {
        Assert.That(Assert.Throws<CaseInputException>(() => Load(Case("model.in_channels=2")))!.Message,
            Does.Contain("/x").And.Contain("1 channels").And.Contain("model.in_channels = 2"));
        // A 1-D model reads [50, 16, 16] as [samples, channels, X]: 16 channels where it takes 1.
        Assert.That(Assert.Throws<CaseInputException>(() => Load(Case("model.n_modes=4")))!.Message,
            Does.Contain("/x").And.Contain("16 channels").And.Contain("model.in_channels = 1"));
        Assert.That(Assert.Throws<CaseInputException>(() => Load(Case("model.n_modes=4,4,4")))!.Message,
            Does.Contain("/x").And.Contain("[50, 16, 16]").And.Contain("3-D"));
    }

    [Test]
    public void MultigridSettings_ReachTheModel_AndUnsuitableOnesAreNamed()
    {
        var data = Load(Case("model.mg_levels=1", "model.mg_padding=0.125"));
        Assert.That((data.Model.MultigridLevels, data.Model.MultigridPadding), Is.EqualTo((1, 0.125)));
        Assert.That(Load(Case()).Model.MultigridLevels, Is.Zero);
        Assert.That(Assert.Throws<CaseInputException>(() => Load(Case("model.mg_levels=3")))!.Message,
            Does.Contain("/x").And.Contain("resolution 16×16").And.Contain("divides by 4^3 = 64").And.Contain("model.mg_levels = 3"));
        Assert.That(Assert.Throws<CaseInputException>(() => Load(Case("model.mg_levels=2", "model.n_modes=6,6")))!.Message,
            Does.Contain("multigrid patches 4×4").And.Contain("of every multigrid patch"));
        Assert.That(Assert.Throws<CaseInputException>(() => Load(Case(), "model.mg_levels=16"))!.Message,
            Does.Contain("model.mg_levels").And.Contain("0 (off) … 15"));
        Assert.That(Assert.Throws<CaseInputException>(() => Load(Case(), "model.mg_padding=1"))!.Message,
            Does.Contain("model.mg_padding").And.Contain("[0, 1)"));
        Assert.That(Assert.Throws<CaseInputException>(() => Load(Case(), "model.mg_levels=1", "model.n_modes=4"))!.Message,
            Does.Contain("model.mg_levels").And.Contain("2-D"));
    }

    [Test]
    public void UnknownFactorization_IsRefusedBySettings()
    {
        var error = Assert.Throws<CaseInputException>(() => Load(Case(), "model.factorization=banana"));
        Assert.That(error!.Message, Does.Contain("model.factorization").And.Contain("banana").And.Contain("'dense'"));
    }

    [Test]
    public void MissingDataset_NamesBothLayouts()
    {
        WriteData("other.h5", root => root.Datasets["u"] = DataArray.Of([1.0]));
        var error = Assert.Throws<CaseInputException>(() => Load(Case("data.test_file=other.h5")));
        Assert.That(error!.Message, Does.Contain("other.h5").And.Contain("'x'").And.Contain("/inputs"));
    }

    [Test]
    public void RunRefers_ToRomTrain()
    {
        var (document, settings) = CaseRunner.Prepare(Case(), []);
        var error = Assert.Throws<CaseInputException>(() => document.Kind.Run(new CaseRun(document, settings, new Progress<ProgressUpdate>())));
        Assert.That(error!.Message, Does.Contain("rom train"));
    }

    [Test]
    public void Training_IsOneCall_AndItsModelFileRecordsTheCase()
    {
        string path = Case("training.epochs=1", "output.plots=0");
        string model = PathOf("model.h5");
        var report = FnoTraining.Run(new FnoTrainingRequest(path, model));
        var (loaded, record) = NeuralModelFile.Read(model);
        var document = CaseDocument.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(report.Completed, report.Message);
            Assert.That(report.Summary.Single(s => s.Key == "test_rel_l2").Value, Is.TypeOf<double>().And.GreaterThan(0));
            Assert.That(report.Summary.Single(s => s.Key == "epochs").Value, Is.EqualTo(1L));
            Assert.That(record!.CaseSha256, Is.EqualTo(document.Sha256));
            Assert.That(CaseSettings.Read(record.Settings!, FnoCase.Settings).Integer("training.epochs"), Is.EqualTo(1));
            Assert.That(record.History["train_loss"], Has.Length.EqualTo(1));
            Assert.That(loaded.OutputNormalizer, Is.Not.Null);
            Assert.That(loaded.InputNormalizer, Is.Null, "training.normalize_inputs defaults to 0");
            Assert.That(File.Exists(model + ".partial"), Is.False);
        });
    }

    [Test]
    public void TrainerOptions_FollowTheCase()
    {
        var (document, settings) = CaseRunner.Prepare(Case(), ["training.optimizer=adam", "training.schedule=step", "training.step_size=7",
            "training.gamma=0.25", "training.loss=l2", "training.normalize_inputs=1", "training.shuffle=0", "training.seed=5"]);
        var options = FnoTrainer.Options(FnoCase.Training(settings));
        Assert.Multiple(() =>
        {
            Assert.That(options.Optimizer, Is.EqualTo(Rom.Neural.Training.OptimizerKind.Adam));
            Assert.That(options.Schedule, Is.EqualTo(Rom.Neural.Training.ScheduleKind.Step));
            Assert.That((options.StepSize, options.Gamma, options.Seed), Is.EqualTo((7, 0.25, 5)));
            Assert.That(options.Loss, Is.EqualTo(Rom.Neural.Training.LossKind.L2));
            Assert.That((options.NormalizeInputs, options.NormalizeOutputs, options.Shuffle, options.KeepBestModel), Is.EqualTo((true, true, false, false)));
        });
    }

    /// <summary>Trains for real, then reports a non-finite loss in the epoch after the last one it completed.</summary>
    private sealed class DivergingAfterTraining : IFnoTrainer
    {
        public FnoTrainingResult Train(FnoCaseData data, FnoTrainingRun run)
        {
            var result = new FnoTrainer().Train(data, run);
            int epoch = result.Training.EpochsRun + 1;
            return result with
            {
                Training = result.Training with
                {
                    StopReason = Rom.Neural.Training.StopReason.NonFiniteLoss,
                    Message = $"the training loss is NaN at epoch {epoch}, batch 3 of 4; the model holds the weights after epoch {epoch - 1}.",
                    FailedEpoch = epoch,
                    FailedBatch = 3,
                },
            };
        }
    }

    [Test]
    public void NonFiniteLoss_WritesNoModel_AndKeepsTheLastCheckpoint()
    {
        string model = PathOf("model.h5");
        var report = FnoTraining.Run(new FnoTrainingRequest(Case("training.epochs=1", "output.plots=0"), model) { Trainer = new DivergingAfterTraining() });
        Assert.Multiple(() =>
        {
            Assert.That(report.StopReason, Is.EqualTo(Rom.Neural.Training.StopReason.NonFiniteLoss));
            Assert.That(report.Message, Does.Contain("epoch 2, batch 3").And.Contain("Checkpoint of epoch 1 kept in " + model + ".partial"));
            Assert.That(File.Exists(model), Is.False);
            Assert.That(NeuralCheckpointFile.Read(model + ".partial").State.EpochsCompleted, Is.EqualTo(1));
        });
    }
}
