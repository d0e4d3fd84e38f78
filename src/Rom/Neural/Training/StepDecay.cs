namespace Rom.Neural.Training;

/// <summary>torch.optim.lr_scheduler.StepLR in closed form: lr(e) = lr₀ · γ^⌊e / step_size⌋.</summary>
public sealed class StepDecay : ILearningRateSchedule
{
    /// <summary>The schedule from <paramref name="initial"/>, multiplied by <paramref name="gamma"/> every <paramref name="stepSize"/> epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A step size below 1.</exception>
    public StepDecay(double initial, int stepSize, double gamma)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        Initial = initial;
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>The learning rate at epoch 0, lr₀.</summary>
    public double Initial { get; }

    /// <summary>The epochs between two decays (step_size).</summary>
    public int StepSize { get; }

    /// <summary>The factor of each decay (gamma).</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public double LearningRate(int epoch) => Initial * Math.Pow(Gamma, epoch / StepSize);
}
