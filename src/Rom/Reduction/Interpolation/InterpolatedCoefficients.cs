using Rom.Parameters;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// The coefficients θ_m(μ), m = 0..M−1, of an empirical interpolant as affine coefficient functionals. All M of
/// one μ share one evaluation (the field at the magic points and one small solve), remembered per thread.
/// </summary>
public static class InterpolatedCoefficients
{
    /// <summary>M functionals; functional m returns entry m of what <paramref name="compute"/> returns for μ.</summary>
    public static ParameterFunctional[] Functionals(Func<Parameter, double[]> compute, int count)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var cache = new Cache(compute);
        return Enumerable.Range(0, count).Select(m => (ParameterFunctional)new Coefficient(cache, m)).ToArray();
    }

    /// <summary>θ_m(μ): entry m of the coefficients the cache computes for μ.</summary>
    private sealed record Coefficient(Cache Cache, int Index) : ParameterFunctional
    {
        public override double Evaluate(Parameter mu) => Cache.For(mu)[Index];
    }

    /// <summary>Remembers, per thread, the coefficients of the last parameter, so the M functionals of one μ cost one solve.</summary>
    private sealed class Cache(Func<Parameter, double[]> compute)
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
