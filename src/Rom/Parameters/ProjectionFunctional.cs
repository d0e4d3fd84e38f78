namespace Rom.Parameters;

/// <summary>θ(μ) = μ[Name][Index]: one entry of one parameter component.</summary>
public sealed record ProjectionFunctional(string Name, int Index) : ParameterFunctional
{
    /// <inheritdoc />
    public override double Evaluate(Parameter mu) => mu[Name][Index];
}
