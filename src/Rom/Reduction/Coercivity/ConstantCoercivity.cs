using Rom.Parameters;

namespace Rom.Reduction.Coercivity;

/// <summary>
/// α_LB(μ) = <paramref name="Value"/> for every μ: e.g. the sampled bound α_S − ε̂ of an operator EIM (see
/// <c>SampledSystemInterpolation</c>: sampled, not a guarantee). Plain data, so a reduced model that uses it can be saved.
/// </summary>
/// <param name="Value">The bound (positive for a usable model).</param>
public sealed record ConstantCoercivity(double Value) : ICoercivityBound
{
    /// <inheritdoc />
    public double LowerBound(Parameter mu, ReadOnlySpan<double> theta) => Value;
}
