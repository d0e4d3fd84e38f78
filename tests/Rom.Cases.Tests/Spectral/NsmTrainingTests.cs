using Rom.Cases.Kinds;
using Rom.Cases.Running;
using Rom.Cases.Spectral;
using Rom.IO.Formats;
using Rom.IO.Hdf5;
using Rom.Neural.Training;
using Rom.SpectralSolvers;

namespace Rom.Cases.Tests.Spectral;

/// <summary>
/// <see cref="NsmTraining"/>: a small nsm case trains into a model file whose network reproduces the reported error; an
/// interrupted run keeps its checkpoint and, run again, resumes to the same weights as an uninterrupted one; a checkpoint
/// of other settings is refused; bad settings name their key.
/// </summary>
public class NsmTrainingTests : TempFolderTest
{
    private string Case(params string[] overrides)
    {
        string path = PathOf("nsm.h5");
        Hdf5File.Write(path, CaseDocument.Create(new NsmKind(), "test",
            ["problem.equation=reaction-diffusion", "model.modes=6,16", "model.width=4", "model.depth=1", "training.steps=30",
             "training.evaluate_every=10", "training.test_samples=4", "training.batch_size=4", "output.plots=0", .. overrides]));
        return path;
    }

    [TestCase("model.shift_equivariant=0")]
    [TestCase("model.shift_equivariant=1")]
    public void Training_WritesAModelWhoseNetworkGivesTheReportedError(string layers)
    {
        var report = NsmTraining.Run(new NsmTrainingRequest(Case(layers), PathOf("m.h5")));
        Assert.That(report.StopReason, Is.EqualTo(StopReason.Completed), report.Message);
        Assert.That(File.Exists(report.CheckpointPath), Is.False, "the checkpoint is removed");
        var saved = NsmModelFile.Read(PathOf("m.h5"));
        var problem = saved.Problem.Create(saved.Architecture.Modes);
        var options = new SpectralTrainingOptions { TestSamples = 4 };
        var (test, references) = SpectralTrainer.TestSet(problem, options);
        double error = SpectralTrainer.Evaluate(saved.Network(), problem, test, references);
        double reported = (double)report.Summary.Single(i => i.Key == "test_rel_l2").Value;
        Assert.Multiple(() =>
        {
            Assert.That(saved.Architecture.ShiftEquivariant, Is.EqualTo(layers.EndsWith('1')));
            Assert.That(error, Is.EqualTo(reported).Within(1e-6 * reported));
            Assert.That(saved.Training!.History["step"], Is.EqualTo(new double[] { 10, 20, 30 }));
            Assert.That(report.Summary.Select(i => i.Key), Is.SupersetOf(new[] { "problem", "method", "steps", "seconds", "test_rel_l2" }));
        });
    }

    [Test]
    public void InterruptedTraining_ResumesToTheWeightsOfAnUninterruptedRun()
    {
        string path = Case();
        NsmTraining.Run(new NsmTrainingRequest(path, PathOf("whole.h5")));
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(u => { if (u.Stage == "train" && u.Fraction >= 1.0 / 3) cancel.Cancel(); });
        var stopped = NsmTraining.Run(new NsmTrainingRequest(path, PathOf("split.h5")) { Progress = progress, Cancellation = cancel.Token });
        Assert.That(stopped.StopReason, Is.EqualTo(StopReason.Cancelled), stopped.Message);
        Assert.That(File.Exists(PathOf("split.h5.partial")), Is.True);
        var resumed = NsmTraining.Run(new NsmTrainingRequest(path, PathOf("split.h5")));
        Assert.That(resumed.ResumedFromStep, Is.EqualTo(10));
        var a = NsmModelFile.Read(PathOf("whole.h5")).Weights;
        var b = NsmModelFile.Read(PathOf("split.h5")).Weights;
        Assert.Multiple(() =>
        {
            foreach (var (name, w) in a)
                Assert.That(b[name].Data, Is.EqualTo(w.Data), name);
        });
    }

    [Test]
    public void CheckpointOfOtherSettings_IsRefused()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(u => { if (u.Stage == "train") cancel.Cancel(); });
        NsmTraining.Run(new NsmTrainingRequest(Case(), PathOf("m.h5")) { Progress = progress, Cancellation = cancel.Token });
        Assert.That(() => NsmTraining.Run(new NsmTrainingRequest(Case("model.width=5"), PathOf("m.h5"))),
            Throws.InstanceOf<CaseInputException>().With.Message.Contains("other settings"));
    }

    [Test]
    public void Divergence_StopsWithTheLastGoodCheckpointKept()
    {
        var report = NsmTraining.Run(new NsmTrainingRequest(Case("problem.equation=poisson", "model.modes=16,16", "training.learning_rate=1e4", "training.evaluate_every=1"), PathOf("m.h5")));
        Assert.Multiple(() =>
        {
            Assert.That(report.StopReason, Is.EqualTo(StopReason.NonFiniteLoss));
            Assert.That(report.Message, Does.Contain("step 2").And.Contain("checkpoint of step 1"));
            Assert.That(File.Exists(PathOf("m.h5")), Is.False, "no model file");
            Assert.That(NsmModelFile.ReadCheckpoint(PathOf("m.h5.partial")).State.StepsCompleted, Is.EqualTo(1));
        });
    }

    [TestCase("problem.diffusion=0", "problem.diffusion")]
    [TestCase("model.modes=6,3", "model.modes")]
    [TestCase("problem.reaction=nan", "problem.reaction")]
    public void BadSettings_NameTheirKey(string setting, string key)
    {
        Assert.That(() => NsmTraining.Run(new NsmTrainingRequest(Case(setting), PathOf("m.h5"))),
            Throws.InstanceOf<CaseInputException>().With.Message.Contains(key));
        Assert.That(File.Exists(PathOf("m.h5")), Is.False);
    }

    /// <summary>A synchronous progress sink (System.Progress posts to the thread pool).</summary>
    private sealed class Progress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }
}
