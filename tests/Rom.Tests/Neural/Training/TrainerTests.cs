using Rom.Neural.Training;
using StopReason = Rom.Neural.Training.StopReason;

namespace Rom.Tests.Neural.Training;

/// <summary>The trainer on a tiny FNO: it learns, it is deterministic, it resumes bit for bit, it stops on NaN.</summary>
public class TrainerTests
{
    private static readonly NeuralDataset<float> Training = TinyProblem.Data(16, 1);
    private static readonly NeuralDataset<float> Validation = TinyProblem.Data(8, 2);

    [TestCase(LossKind.L2)]
    [TestCase(LossKind.H1)]
    public void ReducesTheLossByALargeFactor(LossKind loss)
    {
        var model = TinyProblem.Model();
        TrainingOptions options = TinyProblem.Options with { Epochs = 40, LearningRate = 3e-2, Loss = loss };
        var before = Trainer<float>.Evaluate(model, Validation, UnitGaussianNormalizer<float>.Fit(Training.Inputs),
            UnitGaussianNormalizer<float>.Fit(Training.Targets), 8);
        TrainingResult<float> result = new Trainer<float>(model, options).Train(Training, Validation);
        Assert.That(result.StopReason, Is.EqualTo(StopReason.Completed), result.Message);
        Assert.That(result.EpochsRun, Is.EqualTo(options.Epochs));
        Assert.That(result.History, Has.Count.EqualTo(options.Epochs));
        TestContext.Out.WriteLine($"before {before}; " + string.Join("; ", result.History.Select(r => $"{r.Epoch} {r.TrainLoss:G3} {r.ValidationL2:G3} {r.ValidationH1:G3}")));
        Assert.That(result.History[^1].TrainLoss, Is.LessThan(result.History[0].TrainLoss / 5));
        Assert.That(result.TestL2, Is.LessThan(before.L2 / 8));
        Assert.That(result.TestH1, Is.LessThan(before.H1 / 4));
        // The best epoch's weights are left in the model, and its metrics reported.
        var after = Trainer<float>.Evaluate(model, Validation, result.State.InputNormalizer, result.State.OutputNormalizer, 3);
        Assert.That(after.L2, Is.EqualTo(result.TestL2).Within(1e-5));
        Assert.That(result.History.Min(r => r.ValidationL2), Is.EqualTo(result.TestL2));
    }

    [Test]
    public void SameSeedGivesTheSameWeights()
    {
        var first = TinyProblem.Model();
        var second = TinyProblem.Model();
        TrainingResult<float> a = new Trainer<float>(first, TinyProblem.Options).Train(Training, Validation);
        TrainingResult<float> b = new Trainer<float>(second, TinyProblem.Options).Train(Training, Validation);
        Assert.That(TinyProblem.Weights(second), Is.EqualTo(TinyProblem.Weights(first)));
        Assert.That(b.History.Select(r => r.TrainLoss), Is.EqualTo(a.History.Select(r => r.TrainLoss)));
        var third = TinyProblem.Model();
        new Trainer<float>(third, TinyProblem.Options with { Seed = 12 }).Train(Training, Validation);
        Assert.That(TinyProblem.Weights(third), Is.Not.EqualTo(TinyProblem.Weights(first)));
    }

    [Test]
    public void EachEpochHandsItsStateOver_AndTheSecondOneResumesToTheSameEnd()
    {
        var model = TinyProblem.Model();
        var states = new List<TrainingState<float>>();
        TrainingResult<float> whole = new Trainer<float>(model, TinyProblem.Options).Train(Training, Validation, epochCompleted: states.Add);
        Assert.That(states.Select(s => s.EpochsCompleted), Is.EqualTo(Enumerable.Range(1, TinyProblem.Options.Epochs)));
        Assert.That(states[^1].History, Is.EqualTo(whole.History));

        var resumed = TinyProblem.Model();
        new Trainer<float>(resumed, TinyProblem.Options).Train(Training, Validation, states[1]);
        Assert.That(TinyProblem.Weights(resumed), Is.EqualTo(TinyProblem.Weights(model)));
    }

    [Test]
    public void InterruptedAndResumedRunMatchesAnUninterruptedOneBitForBit()
    {
        var straight = TinyProblem.Model();
        TrainingResult<float> whole = new Trainer<float>(straight, TinyProblem.Options).Train(Training, Validation);

        var interrupted = TinyProblem.Model();
        using var cancel = new CancellationTokenSource();
        var stopAfterTwo = new Reporter(p => { if (p.EndOfEpoch && p.Epoch == 2) cancel.Cancel(); });
        TrainingResult<float> half = new Trainer<float>(interrupted, TinyProblem.Options).Train(Training, Validation, null, stopAfterTwo, cancel.Token);
        Assert.That(half.StopReason, Is.EqualTo(StopReason.Cancelled));
        Assert.That(half.State.EpochsCompleted, Is.EqualTo(2));

        var resumed = TinyProblem.Model(); // fresh: everything comes from the state
        TrainingResult<float> rest = new Trainer<float>(resumed, TinyProblem.Options).Train(Training, Validation, half.State);
        Assert.That(rest.StopReason, Is.EqualTo(StopReason.Completed));
        Assert.That(TinyProblem.Weights(resumed), Is.EqualTo(TinyProblem.Weights(straight)));
        foreach ((string name, Tensor<float> w) in whole.State.Weights)
            Assert.That(rest.State.Weights[name].Data, Is.EqualTo(w.Data), name);
        foreach ((string name, Tensor<float> s) in whole.State.OptimizerState)
            Assert.That(rest.State.OptimizerState[name].Data, Is.EqualTo(s.Data), name);
        Assert.That(rest.History.Select(r => (r.TrainLoss, r.ValidationL2, r.ValidationH1, r.LearningRate)),
            Is.EqualTo(whole.History.Select(r => (r.TrainLoss, r.ValidationL2, r.ValidationH1, r.LearningRate))));
        Assert.That(rest.BestEpoch, Is.EqualTo(whole.BestEpoch));
    }

    [Test]
    public void NonFiniteLossStopsWithTheLastGoodWeights()
    {
        // Outputs not normalised and no shuffle, so the targets are used as given and sample 9 lies in batch 3.
        NeuralDataset<float> training = TinyProblem.Data(16, 1);
        var model = TinyProblem.Model();
        float[][]? afterFirstEpoch = null;
        var poison = new Reporter(p =>
        {
            if (p.EndOfEpoch && p.Epoch == 1)
            {
                afterFirstEpoch = TinyProblem.Weights(model);
                training.Targets.Data[9 * 64 + 5] = float.NaN;
            }
        });
        TrainingOptions options = TinyProblem.Options with { Shuffle = false, NormalizeOutputs = false };
        TrainingResult<float> result = new Trainer<float>(model, options).Train(training, Validation, null, poison);
        Assert.That(result.StopReason, Is.EqualTo(StopReason.NonFiniteLoss));
        Assert.That((result.FailedEpoch, result.FailedBatch), Is.EqualTo((2, 3)));
        Assert.That(result.Message, Does.Contain("epoch 2, batch 3 of 4").And.Contain("after epoch 1"));
        Assert.That(result.EpochsRun, Is.EqualTo(1));
        Assert.That(TinyProblem.Weights(model), Is.EqualTo(afterFirstEpoch));
        Assert.That(result.State.EpochsCompleted, Is.EqualTo(1));
    }

    [Test]
    public void ReportsEveryBatchAndEpoch()
    {
        var reports = new List<TrainingProgress>();
        new Trainer<float>(TinyProblem.Model(), TinyProblem.Options with { Epochs = 2 }).Train(Training, Validation, null, new Reporter(reports.Add));
        Assert.That(reports, Has.Count.EqualTo(2 * (4 + 1)));
        TrainingProgress last = reports[^1];
        Assert.That((last.Epoch, last.Epochs, last.Batch, last.Batches, last.EndOfEpoch), Is.EqualTo((2, 2, 4, 4, true)));
        Assert.That(last.ValidationL2, Is.Not.Null);
        Assert.That(reports[0].ValidationL2, Is.Null);
        Assert.That(reports.All(r => r.SamplesPerSecond > 0 && r.LearningRate > 0));
        Assert.That(last.Remaining, Is.EqualTo(TimeSpan.Zero));
    }

    /// <summary>A synchronous IProgress (System.Progress posts to the thread pool).</summary>
    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
