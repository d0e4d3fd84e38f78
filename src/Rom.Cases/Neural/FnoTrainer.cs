using Rom.Neural;
using Rom.Neural.Models;
using Rom.Neural.Training;

namespace Rom.Cases.Neural;

/// <summary>
/// <see cref="IFnoTrainer"/> over Rom.Neural's <see cref="Trainer{T}"/> in float32: the case's <c>training.*</c>
/// settings become <see cref="TrainingOptions"/>, the test set is the validation set of every epoch, and the model
/// keeps the weights of the last epoch (as neuraloperator's trainer; picking the epoch with the lowest test error
/// would tune on the test set).
/// </summary>
public sealed class FnoTrainer : IFnoTrainer
{
    /// <inheritdoc />
    public FnoTrainingResult Train(FnoCaseData data, FnoTrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(run);
        var network = new Fno<float>(data.Model);
        var trainer = new Trainer<float>(network, Options(data.Training));
        var result = trainer.Train(Dataset(data.Train), Dataset(data.Test), run.Resume, run.Progress, run.Cancellation, run.EpochCompleted);
        return new FnoTrainingResult(new NeuralOperatorModel(network, result.State.InputNormalizer, result.State.OutputNormalizer), result);
    }

    /// <summary>The trainer's options for a case's training settings (cosine: to 0 over the epochs).</summary>
    public static TrainingOptions Options(FnoTrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TrainingOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            LearningRate = settings.LearningRate,
            WeightDecay = settings.WeightDecay,
            Optimizer = settings.Optimizer == "adam" ? OptimizerKind.Adam : OptimizerKind.AdamW,
            Schedule = settings.Schedule switch
            {
                "cosine" => ScheduleKind.Cosine,
                "step" => ScheduleKind.Step,
                _ => ScheduleKind.Constant,
            },
            StepSize = settings.StepSize,
            Gamma = settings.Gamma,
            Loss = settings.Loss == "l2" ? LossKind.L2 : LossKind.H1,
            Seed = settings.Seed,
            Shuffle = settings.Shuffle,
            NormalizeInputs = settings.NormalizeInputs,
            NormalizeOutputs = settings.NormalizeOutputs,
            KeepBestModel = false,
        }.Checked();
    }

    /// <summary>A data file's fields as the trainer's dataset.</summary>
    /// <exception cref="ArgumentException">The file has no targets.</exception>
    public static NeuralDataset<float> Dataset(FieldData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new NeuralDataset<float>(data.Inputs, data.Targets ?? throw new ArgumentException($"{data.Path} has no targets.", nameof(data)));
    }
}
