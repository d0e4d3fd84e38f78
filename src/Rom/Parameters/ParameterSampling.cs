namespace Rom.Parameters;

/// <summary>Seeded samplers of a <see cref="ParameterSpace"/>: the same seed always gives the same parameters.</summary>
public static class ParameterSampling
{
    /// <summary>Draws each entry independently and uniformly in its range.</summary>
    public static IReadOnlyList<Parameter> Uniform(ParameterSpace space, int count, int seed) =>
        Sample(space, count, seed, (random, lower, upper, _, _) => lower + (upper - lower) * random.NextDouble());

    /// <summary>Draws each entry so that its logarithm is uniform in [log Lower, log Upper]; every lower bound must be positive.</summary>
    public static IReadOnlyList<Parameter> LogUniform(ParameterSpace space, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        var bad = space.Ranges.FirstOrDefault(r => r.Lower <= 0);
        if (bad is not null)
            throw new ArgumentException($"Log-uniform sampling needs positive bounds, but '{bad.Name}' has lower bound {bad.Lower}.", nameof(space));
        return Sample(space, count, seed, (random, lower, upper, _, _) =>
            Math.Exp(Math.Log(lower) + (Math.Log(upper) - Math.Log(lower)) * random.NextDouble()));
    }

    /// <summary>Latin hypercube: along every entry, the samples fall one in each of <paramref name="count"/> equal strata.</summary>
    public static IReadOnlyList<Parameter> LatinHypercube(ParameterSpace space, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        var strata = new int[space.TotalDimension][];
        var permute = new Random(seed);
        for (int d = 0; d < strata.Length; d++)
        {
            strata[d] = Enumerable.Range(0, Math.Max(count, 0)).ToArray();
            permute.Shuffle(strata[d]);
        }
        return Sample(space, count, unchecked(seed * 31 + 7), (random, lower, upper, sample, entry) =>
            lower + (upper - lower) * (strata[entry][sample] + random.NextDouble()) / count);
    }

    /// <summary>The tensor grid with <paramref name="pointsPerEntry"/> equispaced values (ends included) along every entry.</summary>
    public static IReadOnlyList<Parameter> Grid(ParameterSpace space, int pointsPerEntry)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (pointsPerEntry < 1)
            throw new ArgumentOutOfRangeException(nameof(pointsPerEntry), pointsPerEntry, "A grid needs at least one point per entry.");
        var bounds = space.FlatBounds();
        long total = (long)Math.Pow(pointsPerEntry, bounds.Length);
        if (total > 10_000_000)
            throw new ArgumentOutOfRangeException(nameof(pointsPerEntry), pointsPerEntry, $"A grid of {pointsPerEntry}^{bounds.Length} points is too large.");
        var result = new List<Parameter>((int)total);
        var flat = new double[bounds.Length];
        for (long index = 0; index < total; index++)
        {
            long rest = index;
            for (int d = 0; d < bounds.Length; d++)
            {
                int k = (int)(rest % pointsPerEntry);
                rest /= pointsPerEntry;
                var (lower, upper) = bounds[d];
                flat[d] = pointsPerEntry == 1 ? 0.5 * (lower + upper) : lower + (upper - lower) * k / (pointsPerEntry - 1);
            }
            result.Add(space.FromVector(flat));
        }
        return result;
    }

    private delegate double EntrySampler(Random random, double lower, double upper, int sample, int entry);

    private static IReadOnlyList<Parameter> Sample(ParameterSpace space, int count, int seed, EntrySampler draw)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "The number of samples must be non-negative.");
        var random = new Random(seed);
        var bounds = space.FlatBounds();
        var result = new List<Parameter>(count);
        var flat = new double[bounds.Length];
        for (int s = 0; s < count; s++)
        {
            for (int d = 0; d < bounds.Length; d++)
                flat[d] = draw(random, bounds[d].Lower, bounds[d].Upper, s, d);
            result.Add(space.FromVector(flat));
        }
        return result;
    }
}
