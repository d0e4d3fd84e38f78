namespace Rom.Sweeps;

/// <summary>
/// Shard <see cref="Number"/> of <see cref="Count"/> (1-based, as in <c>--shard 2/4</c>): a contiguous block of
/// positions of the sweep's order. The shards 1..Count of a sweep cover every position exactly once.
/// </summary>
/// <param name="Number">Which shard, 1..Count.</param>
/// <param name="Count">How many shards the order is split into.</param>
public readonly record struct SweepShard(int Number, int Count)
{
    /// <summary>The whole sweep as one shard.</summary>
    public static SweepShard All => new(1, 1);

    /// <summary>
    /// The positions [Start, End) of this shard in an order of <paramref name="systems"/> systems:
    /// Start = ⌊(Number − 1)·systems/Count⌋, End = ⌊Number·systems/Count⌋. Throws when the shard is not 1..Count or
    /// there are fewer systems than shards.
    /// </summary>
    public (int Start, int End) Positions(int systems)
    {
        if (Count < 1 || Number < 1 || Number > Count)
            throw new ArgumentException($"The shard is {Number}/{Count}; expected i/n with 1 ≤ i ≤ n.", nameof(Number));
        if (systems < Count)
            throw new ArgumentException($"The sweep has {systems} systems for {Count} shards; expected at least one system per shard.", nameof(Count));
        return ((int)((long)(Number - 1) * systems / Count), (int)((long)Number * systems / Count));
    }

    /// <summary>"i/n".</summary>
    public override string ToString() => $"{Number}/{Count}";
}
