namespace Rom.Parameters;

/// <summary>The set of admissible parameters: a box given by one <see cref="ParameterRange"/> per named component.</summary>
public sealed class ParameterSpace
{
    /// <summary>Creates a space from ranges with distinct names.</summary>
    public ParameterSpace(IEnumerable<ParameterRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        Ranges = ranges.ToArray();
        var duplicate = Ranges.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Parameter '{duplicate.Key}' is defined twice.", nameof(ranges));
        TotalDimension = Ranges.Sum(r => r.Dimension);
    }

    /// <summary>The named ranges, in order.</summary>
    public IReadOnlyList<ParameterRange> Ranges { get; }

    /// <summary>Sum of the dimensions of all components: the length of <see cref="ToVector"/>.</summary>
    public int TotalDimension { get; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the component, entry and value when μ is not in the space.</summary>
    public void Validate(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        foreach (var r in Ranges)
        {
            if (!mu.Has(r.Name))
                throw new ArgumentException($"Parameter '{r.Name}' is missing.", nameof(mu));
            var v = mu[r.Name];
            if (v.Length != r.Dimension)
                throw new ArgumentException($"Parameter '{r.Name}' has {v.Length} values, expected {r.Dimension}.", nameof(mu));
            for (int i = 0; i < v.Length; i++)
                if (!(v[i] >= r.Lower && v[i] <= r.Upper))
                    throw new ArgumentException($"Parameter '{r.Name}'[{i}] = {v[i]} is outside its range [{r.Lower}, {r.Upper}].", nameof(mu));
        }
        var unknown = mu.Names.FirstOrDefault(n => Ranges.All(r => r.Name != n));
        if (unknown is not null)
            throw new ArgumentException($"Parameter '{unknown}' is not part of this space ({string.Join(", ", Ranges.Select(r => r.Name))}).", nameof(mu));
    }

    /// <summary>True when μ has every component with the right dimension and all entries in range.</summary>
    public bool Contains(Parameter mu)
    {
        try { Validate(mu); return true; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Concatenates the components of μ in the order of <see cref="Ranges"/>.</summary>
    public double[] ToVector(Parameter mu)
    {
        var flat = new double[TotalDimension];
        int offset = 0;
        foreach (var r in Ranges)
        {
            mu[r.Name].CopyTo(flat.AsSpan(offset, r.Dimension));
            offset += r.Dimension;
        }
        return flat;
    }

    /// <summary>Splits a flat vector (as from <see cref="ToVector"/>) into a parameter.</summary>
    public Parameter FromVector(ReadOnlySpan<double> flat)
    {
        if (flat.Length != TotalDimension)
            throw new ArgumentException($"The vector has {flat.Length} entries, expected {TotalDimension}.", nameof(flat));
        var values = new Dictionary<string, double[]>();
        int offset = 0;
        foreach (var r in Ranges)
        {
            values[r.Name] = flat.Slice(offset, r.Dimension).ToArray();
            offset += r.Dimension;
        }
        return new Parameter(values);
    }

    /// <summary>Lower and upper bound of every entry of the flat vector.</summary>
    public (double Lower, double Upper)[] FlatBounds() =>
        Ranges.SelectMany(r => Enumerable.Repeat((r.Lower, r.Upper), r.Dimension)).ToArray();
}
