namespace Rom.Neural.Training;

/// <summary>The same learning rate every epoch.</summary>
public sealed class ConstantLearningRate(double learningRate) : ILearningRateSchedule
{
    /// <summary>The learning rate.</summary>
    public double Value { get; } = learningRate;

    /// <inheritdoc />
    public double LearningRate(int epoch) => Value;
}
