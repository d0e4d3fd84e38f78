namespace Rom.Neural.Training;

/// <summary>
/// torch.optim.lr_scheduler.CosineAnnealingLR in closed form: lr(e) = η_min + (lr₀ − η_min)(1 + cos(π e / T_max)) / 2,
/// falling from lr₀ at epoch 0 to η_min at epoch T_max (and, as the closed form, rising again after it).
/// </summary>
/// <param name="initial">lr₀.</param>
/// <param name="period">T_max, the epochs from lr₀ down to η_min.</param>
/// <param name="minimum">η_min.</param>
/// <exception cref="ArgumentOutOfRangeException">T_max below 1.</exception>
public sealed class CosineAnnealing(double initial, int period, double minimum = 0) : ILearningRateSchedule
{
    /// <summary>The learning rate at epoch 0, lr₀.</summary>
    public double Initial { get; } = initial;

    /// <summary>The number of epochs from lr₀ to η_min, T_max.</summary>
    public int Period { get; } = Checked.AtLeast(period, 1);

    /// <summary>The smallest learning rate, η_min.</summary>
    public double Minimum { get; } = minimum;

    /// <inheritdoc />
    public double LearningRate(int epoch) =>
        Minimum + (Initial - Minimum) * (1 + Math.Cos(Math.PI * epoch / Period)) / 2;
}
