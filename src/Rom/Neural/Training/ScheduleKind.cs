namespace Rom.Neural.Training;

/// <summary>The learning-rate schedule a training run uses.</summary>
public enum ScheduleKind
{
    /// <summary><see cref="ConstantLearningRate"/>.</summary>
    Constant,

    /// <summary><see cref="CosineAnnealing"/> (CosineAnnealingLR).</summary>
    Cosine,

    /// <summary><see cref="StepDecay"/> (StepLR).</summary>
    Step,
}
