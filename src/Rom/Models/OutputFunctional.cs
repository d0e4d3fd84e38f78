namespace Rom.Models;

/// <summary>A linear quantity of interest s(u) = lᵀu with a name, e.g. the mean temperature.</summary>
/// <param name="Name">Short name used in results files and tables.</param>
/// <param name="Weights">The vector l, one weight per unknown.</param>
public sealed record OutputFunctional(string Name, double[] Weights)
{
    /// <summary>Evaluates lᵀu.</summary>
    public double Evaluate(ReadOnlySpan<double> u) => Rom.LinearAlgebra.Vectors.Dot(Weights, u);
}
