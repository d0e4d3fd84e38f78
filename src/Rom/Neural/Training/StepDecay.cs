namespace Rom.Neural.Training;

/// <summary>torch.optim.lr_scheduler.StepLR in closed form: lr(e) = lr₀ · γ^⌊e / step_size⌋.</summary>
/// <param name="initial">lr₀.</param>
/// <param name="stepSize">The epochs between two decays.</param>
/// <param name="gamma">The factor of each decay.</param>
/// <exception cref="ArgumentOutOfRangeException">A step size below 1.</exception>
public sealed class StepDecay(double initial, int stepSize, double gamma) : ILearningRateSchedule
{
    /// <summary>The learning rate at epoch 0, lr₀.</summary>
    public double Initial { get; } = initial;

    /// <summary>The epochs between two decays (step_size).</summary>
    public int StepSize { get; } = Checked.AtLeast(stepSize, 1);

    /// <summary>The factor of each decay (gamma).</summary>
    public double Gamma { get; } = gamma;

    /// <inheritdoc />
    public double LearningRate(int epoch) => Initial * Math.Pow(Gamma, epoch / StepSize);
}
