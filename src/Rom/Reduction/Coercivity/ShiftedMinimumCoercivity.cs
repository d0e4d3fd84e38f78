using Rom.Parameters;

namespace Rom.Reduction.Coercivity;

/// <summary>
/// α_LB(μ) = min_i μ_name[i] − <paramref name="Shift"/>: the bound of a diffusion problem whose conductivity is at
/// least the smallest block value minus a known perturbation (e.g. h·ε̂ for an EIM-interpolated bump, see
/// <c>ThermalBumpInterpolation</c>). Plain data, so a reduced model that uses it can be saved and evaluated later.
/// </summary>
/// <param name="ParameterName">The parameter whose smallest entry bounds the conductivity.</param>
/// <param name="Shift">What is subtracted from that minimum (non-negative).</param>
public sealed record ShiftedMinimumCoercivity(string ParameterName, double Shift) : ICoercivityBound
{
    /// <inheritdoc />
    public double LowerBound(Parameter mu, ReadOnlySpan<double> theta) => Minimum(mu) - Shift;

    /// <summary>min_i μ_name[i], the bound before the shift.</summary>
    public double Minimum(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        double min = double.PositiveInfinity;
        foreach (double v in mu[ParameterName]) min = Math.Min(min, v);
        return min;
    }
}
