using Rom.Models.ThermalBump;
using Rom.Parameters;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// The online half of the bump's empirical interpolation: θ(μ) = (Q[p, :])⁻¹ g(x_p; c, w) with
/// g(x; c, w) = exp(−|x − c|²/w²) at the centroids x_p of the M magic triangles. Built from plain data
/// (<see cref="BumpInterpolationData"/>: the points, the M × M restricted basis; the centre and width are the parameters
/// <see cref="ThermalBumpModel.CentreName"/> and <see cref="ThermalBumpModel.WidthName"/>), so a reduced model built on it
/// can be saved and evaluated without the mesh.
/// </summary>
public sealed class BumpCoefficients
{
    private readonly double[] _x;
    private readonly double[] _y;
    // The interpolant of the restricted basis on its own M points: its Coefficients solve Q[p, :] θ = g[p].
    private readonly EmpiricalInterpolant _restricted;

    /// <summary>Checks and keeps the data; their restricted basis is q_m(x_{p_k}) at row k, column m.</summary>
    public BumpCoefficients(BumpInterpolationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (pointsX, pointsY, restrictedBasis) = data;
        ArgumentNullException.ThrowIfNull(pointsX);
        ArgumentNullException.ThrowIfNull(pointsY);
        ArgumentNullException.ThrowIfNull(restrictedBasis);
        int m = pointsX.Length;
        if (pointsY.Length != m || restrictedBasis.GetLength(0) != m || restrictedBasis.GetLength(1) != m)
            throw new ArgumentException($"Got {pointsX.Length} x, {pointsY.Length} y and a {restrictedBasis.GetLength(0)}×{restrictedBasis.GetLength(1)} restricted basis; expected M, M and M×M.", nameof(restrictedBasis));
        _x = (double[])pointsX.Clone();
        _y = (double[])pointsY.Clone();
        _restricted = EmpiricalInterpolant.OnItsPoints(restrictedBasis);
        Data = data;
    }

    /// <summary>The plain data these coefficients were built from.</summary>
    public BumpInterpolationData Data { get; }

    /// <summary>Number M of terms.</summary>
    public int Size => _x.Length;

    /// <summary>θ(μ): the interpolation coefficients of the bump at μ.</summary>
    public double[] Evaluate(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        var g = new double[Size];
        for (int k = 0; k < g.Length; k++) g[k] = ThermalBumpModel.Gaussian(_x[k], _y[k], mu);
        return _restricted.Coefficients(g);
    }

    /// <summary>The M coefficient functionals θ_m(μ), sharing one evaluation per μ (their data are <see cref="Data"/>).</summary>
    public ParameterFunctional[] Functionals() => InterpolatedCoefficients.Functionals(Evaluate, Size, Data);
}
