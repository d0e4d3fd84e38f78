namespace Rom.Parameters;

/// <summary>A scalar function θ(μ) of the parameter, such as a coefficient of an affine decomposition.</summary>
public abstract record ParameterFunctional
{
    /// <summary>Evaluates θ(μ).</summary>
    public abstract double Evaluate(Parameter mu);
}
