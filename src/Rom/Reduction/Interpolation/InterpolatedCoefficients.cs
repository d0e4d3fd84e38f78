using Rom.Parameters;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// The coefficients θ_m(μ), m = 0..M−1, of an empirical interpolant as affine coefficient functionals. All M of
/// one μ share one evaluation (the field at the magic points and one small solve), remembered per thread.
/// </summary>
public static class InterpolatedCoefficients
{
    /// <summary>
    /// M functionals; functional m returns entry m of what <paramref name="compute"/> returns for μ.
    /// <paramref name="data"/> (optional) are the plain data that define them, kept as <see cref="InterpolatedCoefficient.Data"/>
    /// so that the functionals can be saved and rebuilt.
    /// </summary>
    public static ParameterFunctional[] Functionals(Func<Parameter, double[]> compute, int count, InterpolationData? data = null)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var cache = new Cache(compute);
        return Enumerable.Range(0, count).Select(m => (ParameterFunctional)new InterpolatedCoefficient(cache, m, data)).ToArray();
    }

    /// <summary>Remembers, per thread, the coefficients of the last parameter, so the M functionals of one μ cost one solve.</summary>
    internal sealed class Cache(Func<Parameter, double[]> compute)
    {
        private readonly ThreadLocal<(Parameter? Mu, double[] Theta)> _last = new(() => (null, []));

        public double[] For(Parameter mu)
        {
            var (last, theta) = _last.Value;
            if (ReferenceEquals(mu, last)) return theta;
            theta = compute(mu);
            _last.Value = (mu, theta);
            return theta;
        }
    }
}

/// <summary>θ_m(μ): entry <see cref="Index"/> of the coefficients one evaluation of the interpolant computes for μ.</summary>
public sealed record InterpolatedCoefficient : ParameterFunctional
{
    private readonly InterpolatedCoefficients.Cache _cache;

    internal InterpolatedCoefficient(InterpolatedCoefficients.Cache cache, int index, InterpolationData? data)
    {
        _cache = cache;
        Index = index;
        Data = data;
    }

    /// <summary>Which coefficient m this is.</summary>
    public int Index { get; }

    /// <summary>The plain data that define the coefficients, or null when they are not data (e.g. read from carried matrices).</summary>
    public InterpolationData? Data { get; }

    /// <inheritdoc />
    public override double Evaluate(Parameter mu) => _cache.For(mu)[Index];
}
