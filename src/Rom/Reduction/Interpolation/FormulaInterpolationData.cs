using Rom.LinearAlgebra;
using Rom.Parameters;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// The data of an operator EIM's coefficients from a formula (<see cref="FormulaCoefficients"/>): the conductivity
/// formula's text and parameter count P, the centroids of the elements the magic entries touch, the element-map rows R of
/// those entries (M × elements) and the M × M restricted basis.
/// </summary>
/// <param name="Conductivity">The formula κ(x, y; mu[0..P−1]) as text.</param>
/// <param name="ParameterCount">P, the number of entries of mu the formula reads.</param>
/// <param name="CentroidsX">x-coordinates of the elements' centroids.</param>
/// <param name="CentroidsY">y-coordinates of the elements' centroids.</param>
/// <param name="MagicRows">R: one row per magic entry, one column per element.</param>
/// <param name="RestrictedBasis">Q[p_k, m] at row k, column m.</param>
public sealed record FormulaInterpolationData(
    string Conductivity, int ParameterCount, double[] CentroidsX, double[] CentroidsY, CsrMatrix MagicRows, double[,] RestrictedBasis)
    : InterpolationData
{
    /// <summary>The <see cref="Kind"/> of these data.</summary>
    public const string KindName = "formula-eim";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    public override int Size => MagicRows.Rows;

    /// <summary>The functionals; the formula is compiled here, so a malformed one is an <see cref="ArgumentException"/> naming the character.</summary>
    public override ParameterFunctional[] Functionals() => new FormulaCoefficients(this).Functionals();
}
