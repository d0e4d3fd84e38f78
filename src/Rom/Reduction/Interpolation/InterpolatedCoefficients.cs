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
    /// <paramref name="source"/> (optional) is the object that computes them, kept as <see cref="InterpolatedCoefficient.Source"/>
    /// so that a writer can recognise data it knows how to save.
    /// </summary>
    public static ParameterFunctional[] Functionals(Func<Parameter, double[]> compute, int count, object? source = null)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var cache = new Cache(compute);
        return Enumerable.Range(0, count).Select(m => (ParameterFunctional)new InterpolatedCoefficient(cache, m, source)).ToArray();
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

    internal InterpolatedCoefficient(InterpolatedCoefficients.Cache cache, int index, object? source)
    {
        _cache = cache;
        Index = index;
        Source = source;
    }

    /// <summary>Which coefficient m this is.</summary>
    public int Index { get; }

    /// <summary>The object that computes the coefficients, if the creator named one (else null).</summary>
    public object? Source { get; }

    /// <inheritdoc />
    public override double Evaluate(Parameter mu) => _cache.For(mu)[Index];
}
