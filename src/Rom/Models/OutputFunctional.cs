namespace Rom.Models;

/// <summary>A linear quantity of interest s(u) = lᵀu with a name, e.g. the mean temperature.</summary>
/// <param name="Name">Short name used in results files and tables.</param>
/// <param name="Weights">The vector l, one weight per unknown.</param>
public sealed record OutputFunctional(string Name, double[] Weights)
{
    /// <summary>The name of the compliance output s = fᵀu.</summary>
    public const string ComplianceName = "compliance";

    /// <summary>Evaluates lᵀu.</summary>
    public double Evaluate(ReadOnlySpan<double> u) => Rom.LinearAlgebra.Vectors.Dot(Weights, u);

    /// <summary>
    /// The outputs of a model known by its matrices: the compliance fᵀu first (for symmetric A(μ) its reduced bound is
    /// the sharper ‖r‖²_{X'}/α_LB), then <paramref name="given"/>; throws <see cref="ArgumentException"/> naming
    /// <paramref name="given"/> when an output has another length than f, repeats a name or takes the compliance's.
    /// </summary>
    public static IReadOnlyList<OutputFunctional> WithCompliance(double[] rightHandSide, IReadOnlyList<OutputFunctional>? given)
    {
        ArgumentNullException.ThrowIfNull(rightHandSide);
        var outputs = new List<OutputFunctional> { new(ComplianceName, (double[])rightHandSide.Clone()) };
        foreach (var output in given ?? [])
        {
            if (output.Weights.Length != rightHandSide.Length)
                throw new ArgumentException($"Output '{output.Name}' has {output.Weights.Length} weights; expected one per unknown ({rightHandSide.Length}).", nameof(given));
            if (outputs.Any(o => o.Name == output.Name))
                throw new ArgumentException($"Output name '{output.Name}' is used twice (the compliance f·u is always output '{ComplianceName}').", nameof(given));
            outputs.Add(output with { Weights = (double[])output.Weights.Clone() });
        }
        return outputs;
    }
}
