namespace Rom.Cases.Sweeps;

/// <summary>
/// The shards <paramref name="First"/>..<paramref name="Last"/> of <paramref name="Count"/> that a file holds, as its
/// <c>@shard</c> says: "i/n" for one shard (a whole sweep is "1/1"), "a-b/n" for a partial merge of a..b.
/// </summary>
public readonly record struct ShardSpan(int First, int Last, int Count)
{
    /// <summary>Whether the span is the whole sweep, 1..n.</summary>
    public bool IsWhole => First == 1 && Last == Count;

    /// <summary>Reads "i/n" or "a-b/n" (1 ≤ a ≤ b ≤ n); anything else is a <see cref="CaseInputException"/> naming <paramref name="field"/>.</summary>
    public static ShardSpan Parse(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        var run = parts[0].Split('-');
        if (parts.Length == 2 && run.Length is 1 or 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && int.TryParse(run[0], NumberStyles.None, CultureInfo.InvariantCulture, out int first)
            && int.TryParse(run[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int last)
            && 1 <= first && first <= last && last <= n)
            return new ShardSpan(first, last, n);
        throw new CaseInputException(field, $"'{text}'", "i/n with 1 ≤ i ≤ n, or a-b/n with 1 ≤ a ≤ b ≤ n (a partial merge)");
    }

    /// <summary>"i/n" or "a-b/n".</summary>
    public override string ToString() => First == Last ? $"{First}/{Count}" : $"{First}-{Last}/{Count}";
}
