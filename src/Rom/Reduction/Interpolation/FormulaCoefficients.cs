using Rom.Formulas;
using Rom.Models.SampledSystem;
using Rom.Parameters;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// The online half of an operator EIM whose magic entries come from a formula: A(μ) at the M magic entries is
/// R·κ(c; μ) with R the element-map rows of those entries over the few elements they touch and c those elements'
/// centroids (an <see cref="ElementFormula"/> of its own), and θ(μ) = (Q[p, :])⁻¹ R·κ(c; μ). Plain data
/// (<see cref="FormulaInterpolationData"/>: the formula text, P, R, c and the M × M restricted basis; μ is the parameter
/// <see cref="ParameterName"/>), so a reduced model built on it can be saved and evaluated without the matrices. Built by
/// <see cref="Restrict"/>, or from its data.
/// </summary>
public sealed class FormulaCoefficients
{
    /// <summary>The parameter whose P entries are the formula's mu[0..P−1].</summary>
    public const string ParameterName = "mu";

    private readonly EmpiricalInterpolant _restricted;

    /// <summary>Keeps the data: <paramref name="magicEntries"/> has one map row per magic entry (M × elements touched), <paramref name="restrictedBasis"/> is M × M.</summary>
    public FormulaCoefficients(ElementFormula magicEntries, double[,] restrictedBasis)
    {
        ArgumentNullException.ThrowIfNull(magicEntries);
        ArgumentNullException.ThrowIfNull(restrictedBasis);
        if (magicEntries.ElementMap.Rows != restrictedBasis.GetLength(0))
            throw new ArgumentException($"Got {magicEntries.ElementMap.Rows} magic rows and a {restrictedBasis.GetLength(0)}×{restrictedBasis.GetLength(1)} restricted basis; expected M rows and M × M.", nameof(restrictedBasis));
        MagicEntries = magicEntries;
        _restricted = EmpiricalInterpolant.OnItsPoints(restrictedBasis);
        Data = new FormulaInterpolationData(magicEntries.Conductivity.Text, magicEntries.Conductivity.ParameterCount,
            magicEntries.CentroidsX.ToArray(), magicEntries.CentroidsY.ToArray(), magicEntries.ElementMap, restrictedBasis);
    }

    /// <summary>Compiles the formula of <paramref name="data"/> and checks the sizes (an <see cref="ArgumentException"/> names what does not fit).</summary>
    public FormulaCoefficients(FormulaInterpolationData data)
        : this(new ElementFormula(Formula.Parse((data ?? throw new ArgumentNullException(nameof(data))).Conductivity, data.ParameterCount),
            data.CentroidsX, data.CentroidsY, data.MagicRows), data.RestrictedBasis)
    {
    }

    /// <summary>The plain data of these coefficients.</summary>
    public FormulaInterpolationData Data { get; }

    /// <summary>
    /// The online data of the operator EIM <paramref name="interpolant"/> over the stored values of <paramref name="formula"/>'s
    /// pattern: the formula at its magic entries (<see cref="ElementFormula.AtEntries"/>) and its restricted basis.
    /// </summary>
    public static FormulaCoefficients Restrict(ElementFormula formula, EmpiricalInterpolant interpolant)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(interpolant);
        if (interpolant.Length != formula.ElementMap.Rows)
            throw new ArgumentException($"The interpolant is over {interpolant.Length} values; the element map has {formula.ElementMap.Rows} rows.", nameof(interpolant));
        return new FormulaCoefficients(formula.AtEntries(interpolant.Points), interpolant.RestrictedBasis());
    }

    /// <summary>The formula on the elements the magic entries touch, its map R the element-map rows of those entries.</summary>
    public ElementFormula MagicEntries { get; }

    /// <summary>Number M of terms.</summary>
    public int Size => MagicEntries.ElementMap.Rows;

    /// <summary>A(μ) at the magic entries, R·κ(c; μ); a non-finite κ is an error naming the centroid.</summary>
    public double[] MagicValues(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        return MagicEntries.Values(mu[ParameterName].ToArray());
    }

    /// <summary>θ(μ): the operator EIM coefficients.</summary>
    public double[] Evaluate(Parameter mu) => _restricted.Coefficients(MagicValues(mu));

    /// <summary>The M coefficient functionals θ_m(μ), sharing one evaluation per μ (their data are <see cref="Data"/>).</summary>
    public ParameterFunctional[] Functionals() => InterpolatedCoefficients.Functionals(Evaluate, Size, Data);
}
