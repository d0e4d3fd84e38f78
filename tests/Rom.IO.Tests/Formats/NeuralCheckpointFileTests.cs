using Rom.Neural.Training;

namespace Rom.IO.Tests.Formats;

public class NeuralCheckpointFileTests : TempFolderTest
{
    private static readonly FnoOptions Small = new() { HiddenChannels = 4, Modes = [3, 3], Layers = 1, Seed = 2 };

    /// <summary>A state as the trainer leaves it after two epochs of a small FNO: real and complex weights, the optimiser's scalar step.</summary>
    private static TrainingState<float> State()
    {
        var network = new Fno<float>(Small);
        var optimizer = new AdamW<float>(network.Parameters, 1e-3, 1e-4);
        var weights = network.Parameters.ToDictionary(p => p.Name, p => p.Value.Clone());
        EpochRecord[] history = [new(1, 0.9, 0.5, 0.6, 1e-3, 1.25), new(2, 0.7, 0.4, 0.45, 5e-4, 1.5)];
        return new TrainingState<float>(2, weights, optimizer.ExportState(), weights, 2, 0.4, history, 2.75,
            null, new UnitGaussianNormalizer<float>([0.5f], [0.25f]));
    }

    [Test]
    public void RoundTrip_KeepsTheStateBitForBit()
    {
        var state = State();
        string path = PathOf("m.h5.partial");
        NeuralCheckpointFile.Write(path, new NeuralCheckpoint("id-1", Small, state, new NeuralTrainingRecord { CaseFile = "case.h5", RomVersion = "test" }));
        var read = NeuralCheckpointFile.Read(path);
        Assert.Multiple(() =>
        {
            Assert.That(read.TrainingId, Is.EqualTo("id-1"));
            Assert.That(read.Architecture.Modes, Is.EqualTo(Small.Modes));
            Assert.That(read.Architecture with { Modes = Small.Modes }, Is.EqualTo(Small));
            Assert.That(read.Record.CaseFile, Is.EqualTo("case.h5"));
            Assert.That(read.State.EpochsCompleted, Is.EqualTo(2));
            Assert.That((read.State.BestEpoch, read.State.BestValidationL2, read.State.Seconds), Is.EqualTo((2, 0.4, 2.75)));
            Assert.That(read.State.History, Is.EqualTo(state.History));
            Assert.That(read.State.InputNormalizer, Is.Null);
            Assert.That(read.State.OutputNormalizer!.Mean, Is.EqualTo(new[] { 0.5f }));
            foreach (var (saved, loaded) in new[] { (state.Weights, read.State.Weights), (state.OptimizerState, read.State.OptimizerState), (state.BestWeights!, read.State.BestWeights!) })
            {
                Assert.That(loaded.Keys, Is.EquivalentTo(saved.Keys));
                foreach (var (name, tensor) in saved)
                {
                    Assert.That(loaded[name].SameShape(tensor), $"{name}: {loaded[name].ShapeText} vs {tensor.ShapeText}");
                    Assert.That(loaded[name].Data, Is.EqualTo(tensor.Data), name);
                }
            }
        });
        Assert.That(state.Weights.Values.Any(t => t.IsComplex), "the spectral weights are complex");
    }

    [Test]
    public void AModelFile_IsNotACheckpoint()
    {
        string path = PathOf("model.h5");
        NeuralModelFile.Write(path, new NeuralOperatorModel(new Fno<float>(Small)));
        var error = Assert.Throws<DataFileException>(() => NeuralCheckpointFile.Read(path));
        Assert.That(error!.Message, Does.Contain("'rom-model'").And.Contain("'rom-checkpoint'").And.Contain("'fno-checkpoint'"));
    }
}
