using Rom.Parameters;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// The data of the thermal bump's EIM coefficients (<see cref="BumpCoefficients"/>): the centroids of the M magic triangles
/// and the M × M restricted basis; the bump's centre and width are parameters of μ.
/// </summary>
/// <param name="PointsX">x-coordinates of the M interpolation points.</param>
/// <param name="PointsY">y-coordinates of the M interpolation points.</param>
/// <param name="RestrictedBasis">q_m(x_{p_k}) at row k, column m.</param>
public sealed record BumpInterpolationData(double[] PointsX, double[] PointsY, double[,] RestrictedBasis) : InterpolationData
{
    /// <summary>The <see cref="Kind"/> of these data.</summary>
    public const string KindName = "bump-eim";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    public override int Size => PointsX.Length;

    /// <inheritdoc />
    public override ParameterFunctional[] Functionals() => new BumpCoefficients(this).Functionals();
}
