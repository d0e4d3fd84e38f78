namespace Rom.Reduction.Snapshots;

/// <summary>Truncation rules of <see cref="Pod"/>: the smallest number of modes that satisfies every rule is kept.</summary>
/// <param name="RelativeEnergyTolerance">Keep modes until Σ discarded σ² / Σ σ² ≤ this (default 1e-10; 1: no relative rule).</param>
/// <param name="AbsoluteErrorTolerance">Keep modes until (Σ discarded σ²)^½, the Frobenius projection error, is ≤ this (default 0: no rule).</param>
/// <param name="MaxModes">Never keep more modes than this (default: no limit).</param>
/// <param name="RankTolerance">
/// Modes with σ ≤ RankTolerance · σ_max are noise and always discarded (default 1e-7: the method of snapshots
/// squares σ, so it resolves singular values only down to about √ε · σ_max).
/// </param>
public sealed record PodOptions(
    double RelativeEnergyTolerance = 1e-10,
    double AbsoluteErrorTolerance = 0,
    int MaxModes = int.MaxValue,
    double RankTolerance = 1e-7)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (!(RelativeEnergyTolerance >= 0 && RelativeEnergyTolerance <= 1))
            throw new ArgumentOutOfRangeException(nameof(RelativeEnergyTolerance), RelativeEnergyTolerance, "The relative energy tolerance must lie in [0, 1].");
        if (!(AbsoluteErrorTolerance >= 0 && double.IsFinite(AbsoluteErrorTolerance)))
            throw new ArgumentOutOfRangeException(nameof(AbsoluteErrorTolerance), AbsoluteErrorTolerance, "The absolute error tolerance must be finite and non-negative.");
        if (MaxModes < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxModes), MaxModes, "The mode cap must be non-negative.");
        if (!(RankTolerance >= 0 && RankTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(RankTolerance), RankTolerance, "The rank tolerance must lie in [0, 1).");
    }
}
