using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Training;

/// <summary>
/// How to train. The defaults are neuraloperator 1.0's Darcy configuration (config/darcy_config.yaml with
/// scripts/train_darcy.py): 300 epochs, batches of 16, AdamW at lr 5e-3 with weight decay 1e-4, StepLR every 60
/// epochs by 0.5, the H¹ training loss, inputs encoded and outputs not.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The number of epochs (n_epochs).</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Samples per mini-batch (batch_size); the last batch of an epoch may be smaller. Also the evaluation batch.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>The initial learning rate (learning_rate).</summary>
    public double LearningRate { get; init; } = 5e-3;

    /// <summary>The weight decay λ (weight_decay): L2 for Adam, decoupled for AdamW.</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>The optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    /// <summary>The learning-rate schedule (scheduler).</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Step;

    /// <summary>The cosine schedule's T_max (scheduler_T_max); null means <see cref="Epochs"/>.</summary>
    public int? CosinePeriod { get; init; }

    /// <summary>The cosine schedule's η_min.</summary>
    public double MinimumLearningRate { get; init; }

    /// <summary>The step schedule's epochs between decays (step_size).</summary>
    public int StepSize { get; init; } = 60;

    /// <summary>The step schedule's factor (gamma).</summary>
    public double Gamma { get; init; } = 0.5;

    /// <summary>The training loss (training_loss).</summary>
    public LossKind Loss { get; init; } = LossKind.H1;

    /// <summary>Visit the training samples in a new seeded order each epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The seed of the shuffles: epoch e (from 0) uses System.Random(Seed + e).</summary>
    public int Seed { get; init; }

    /// <summary>Encode the inputs with a <see cref="UnitGaussianNormalizer{T}"/> fitted on the training inputs (encode_input).</summary>
    public bool NormalizeInputs { get; init; } = true;

    /// <summary>Encode the targets likewise (encode_output): training compares encoded values, evaluation decodes.</summary>
    public bool NormalizeOutputs { get; init; }

    /// <summary>At the end of a completed run, leave in the model the weights of the epoch with the lowest validation relative L2.</summary>
    public bool KeepBestModel { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public TrainingOptions Checked()
    {
        Check(Epochs >= 1, nameof(Epochs), Epochs, "≥ 1");
        Check(BatchSize >= 1, nameof(BatchSize), BatchSize, "≥ 1");
        Check(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "> 0");
        Check(WeightDecay >= 0 && double.IsFinite(WeightDecay), nameof(WeightDecay), WeightDecay, "≥ 0");
        Check(Enum.IsDefined(Optimizer), nameof(Optimizer), Optimizer, "adam or adamw");
        Check(Enum.IsDefined(Schedule), nameof(Schedule), Schedule, "constant, cosine or step");
        Check(Enum.IsDefined(Loss), nameof(Loss), Loss, "l2 or h1");
        Check(CosinePeriod is null or >= 1, nameof(CosinePeriod), CosinePeriod!, "≥ 1");
        Check(MinimumLearningRate >= 0, nameof(MinimumLearningRate), MinimumLearningRate, "≥ 0");
        Check(StepSize >= 1, nameof(StepSize), StepSize, "≥ 1");
        Check(Gamma > 0, nameof(Gamma), Gamma, "> 0");
        return this;
    }

    /// <summary>The schedule these options describe.</summary>
    public ILearningRateSchedule CreateSchedule() => Schedule switch
    {
        ScheduleKind.Cosine => new CosineAnnealing(LearningRate, CosinePeriod ?? Epochs, MinimumLearningRate),
        ScheduleKind.Step => new StepDecay(LearningRate, StepSize, Gamma),
        _ => new ConstantLearningRate(LearningRate),
    };

    /// <summary>The optimiser these options describe, over <paramref name="parameters"/>.</summary>
    public Adam<T> CreateOptimizer<T>(IEnumerable<Parameter<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T> =>
        Optimizer == OptimizerKind.AdamW
            ? new AdamW<T>(parameters, LearningRate, WeightDecay)
            : new Adam<T>(parameters, LearningRate, WeightDecay);

    private static void Check(bool ok, string name, object value, string expected)
    {
        if (!ok)
            throw new ArgumentException($"{name} = {value}, expected {expected}.", name);
    }
}
