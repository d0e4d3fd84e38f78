namespace Rom.Reduction.Greedy;

/// <summary>When <see cref="WeakGreedy"/> stops; it stops at the first rule met.</summary>
/// <param name="MaxExtensions">Most extensions (for a reduced basis started empty: the largest basis size; default 50).</param>
/// <param name="AbsoluteTolerance">Stop when the largest estimated error is ≤ this (default 0: no rule).</param>
/// <param name="RelativeTolerance">Stop when the largest estimated error is ≤ this times the first largest one (default 0: no rule).</param>
public sealed record GreedyOptions(int MaxExtensions = 50, double AbsoluteTolerance = 0, double RelativeTolerance = 0)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (MaxExtensions < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxExtensions), MaxExtensions, "The extension cap must be non-negative.");
        if (!(AbsoluteTolerance >= 0 && double.IsFinite(AbsoluteTolerance)))
            throw new ArgumentOutOfRangeException(nameof(AbsoluteTolerance), AbsoluteTolerance, "The absolute tolerance must be finite and non-negative.");
        if (!(RelativeTolerance >= 0 && RelativeTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), RelativeTolerance, "The relative tolerance must lie in [0, 1).");
    }
}
