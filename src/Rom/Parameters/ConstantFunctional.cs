namespace Rom.Parameters;

/// <summary>θ(μ) = Value for every μ: the parameter-independent part of a decomposition.</summary>
public sealed record ConstantFunctional(double Value) : ParameterFunctional
{
    /// <inheritdoc />
    public override double Evaluate(Parameter mu) => Value;
}
