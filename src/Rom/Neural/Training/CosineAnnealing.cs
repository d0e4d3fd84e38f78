namespace Rom.Neural.Training;

/// <summary>
/// torch.optim.lr_scheduler.CosineAnnealingLR in closed form: lr(e) = η_min + (lr₀ − η_min)(1 + cos(π e / T_max)) / 2,
/// falling from lr₀ at epoch 0 to η_min at epoch T_max (and, as the closed form, rising again after it).
/// </summary>
public sealed class CosineAnnealing : ILearningRateSchedule
{
    /// <summary>The schedule from <paramref name="initial"/> (lr₀) over <paramref name="period"/> (T_max) epochs down to <paramref name="minimum"/> (η_min).</summary>
    /// <exception cref="ArgumentOutOfRangeException">T_max below 1.</exception>
    public CosineAnnealing(double initial, int period, double minimum = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Initial = initial;
        Period = period;
        Minimum = minimum;
    }

    /// <summary>The learning rate at epoch 0, lr₀.</summary>
    public double Initial { get; }

    /// <summary>The number of epochs from lr₀ to η_min, T_max.</summary>
    public int Period { get; }

    /// <summary>The smallest learning rate, η_min.</summary>
    public double Minimum { get; }

    /// <inheritdoc />
    public double LearningRate(int epoch) =>
        Minimum + (Initial - Minimum) * (1 + Math.Cos(Math.PI * epoch / Period)) / 2;
}
