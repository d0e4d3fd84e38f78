namespace Rom.Krylov;

/// <summary>Stopping settings shared by Rom's Krylov solvers.</summary>
/// <param name="RelativeTolerance">Stop when ‖b − A x‖ ≤ RelativeTolerance · ‖b‖.</param>
/// <param name="MaxIterations">Iteration cap; the result says <see cref="StopReason.MaxIterations"/> when it is hit.</param>
public record KrylovOptions(double RelativeTolerance = 1e-10, int MaxIterations = 10_000)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public virtual void Validate()
    {
        if (!(RelativeTolerance > 0 && RelativeTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), RelativeTolerance, "The relative tolerance must lie in (0, 1).");
        if (MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "The iteration cap must be at least 1.");
    }
}
