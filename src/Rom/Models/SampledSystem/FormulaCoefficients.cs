using Rom.Formulas;
using Rom.LinearAlgebra;
using Rom.Parameters;
using Rom.Reduction.Interpolation;

namespace Rom.Models.SampledSystem;

/// <summary>
/// The online half of an operator EIM whose magic entries come from a formula: A(μ) at the M magic entries is
/// R·κ(c; μ) with R the element-map rows of those entries over the few elements they touch and c those elements'
/// centroids, and θ(μ) = (Q[p, :])⁻¹ R·κ(c; μ). Plain data (the formula text, P, R, c and the M × M restricted basis;
/// μ is the parameter <see cref="ParameterName"/>), so a reduced model built on it can be saved and evaluated
/// without the matrices. Built by <see cref="ElementFormula.Restrict"/>.
/// </summary>
public sealed class FormulaCoefficients
{
    /// <summary>The parameter whose P entries are the formula's mu[0..P−1].</summary>
    public const string ParameterName = "mu";

    private readonly double[] _x;
    private readonly double[] _y;
    private readonly EmpiricalInterpolant _restricted;

    /// <summary>Checks and keeps the data; <paramref name="magicRows"/> is M × elements, <paramref name="restrictedBasis"/> M × M.</summary>
    public FormulaCoefficients(Formula conductivity, double[] centroidsX, double[] centroidsY, CsrMatrix magicRows, double[,] restrictedBasis)
    {
        ArgumentNullException.ThrowIfNull(conductivity);
        ArgumentNullException.ThrowIfNull(centroidsX);
        ArgumentNullException.ThrowIfNull(centroidsY);
        ArgumentNullException.ThrowIfNull(magicRows);
        ArgumentNullException.ThrowIfNull(restrictedBasis);
        if (centroidsY.Length != centroidsX.Length || magicRows.Cols != centroidsX.Length || magicRows.Rows != restrictedBasis.GetLength(0))
            throw new ArgumentException($"Got {centroidsX.Length} x, {centroidsY.Length} y, {magicRows.Rows}×{magicRows.Cols} magic rows and a {restrictedBasis.GetLength(0)}×{restrictedBasis.GetLength(1)} restricted basis; expected E, E, M×E and M×M.", nameof(magicRows));
        Conductivity = conductivity;
        _x = (double[])centroidsX.Clone();
        _y = (double[])centroidsY.Clone();
        MagicRows = magicRows;
        _restricted = EmpiricalInterpolant.OnItsPoints(restrictedBasis);
    }

    /// <summary>κ(x, y; mu).</summary>
    public Formula Conductivity { get; }

    /// <summary>R: the element-map rows of the magic entries (M × elements touched).</summary>
    public CsrMatrix MagicRows { get; }

    /// <summary>x-coordinates of the centroids of the elements touched.</summary>
    public IReadOnlyList<double> CentroidsX => _x;

    /// <summary>y-coordinates of the centroids of the elements touched.</summary>
    public IReadOnlyList<double> CentroidsY => _y;

    /// <summary>Number M of terms.</summary>
    public int Size => MagicRows.Rows;

    /// <summary>The M × M matrix Q[p_k, m] (a copy).</summary>
    public double[,] RestrictedBasis => _restricted.RestrictedBasis();

    /// <summary>A(μ) at the magic entries, R·κ(c; μ); a non-finite κ is an error naming the centroid.</summary>
    public double[] MagicValues(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        var p = mu[ParameterName].ToArray();
        var kappa = new double[_x.Length];
        for (int e = 0; e < kappa.Length; e++)
        {
            kappa[e] = Conductivity.Evaluate(_x[e], _y[e], p);
            if (!double.IsFinite(kappa[e]))
                throw new ArgumentException($"The conductivity {Conductivity.Text} is {kappa[e]} at ({_x[e]}, {_y[e]}) for {mu}; it must be finite.", nameof(mu));
        }
        var values = new double[Size];
        MagicRows.Apply(kappa, values);
        return values;
    }

    /// <summary>θ(μ): the operator EIM coefficients.</summary>
    public double[] Evaluate(Parameter mu) => _restricted.Coefficients(MagicValues(mu));

    /// <summary>The M coefficient functionals θ_m(μ), sharing one evaluation per μ (their source is this object).</summary>
    public ParameterFunctional[] Functionals() => InterpolatedCoefficients.Functionals(Evaluate, Size, this);
}
