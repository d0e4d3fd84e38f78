using Rom.Parameters;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// What defines the coefficients θ_m(μ) of an empirical interpolation online, as plain data (what a saved reduced model
/// stores): each kind names itself and rebuilds its coefficient functionals, whose
/// <see cref="InterpolatedCoefficient.Data"/> it is.
/// </summary>
public abstract record InterpolationData
{
    /// <summary>The name of this kind of data, as the coefficients of a saved model name it (e.g. "bump-eim").</summary>
    public abstract string Kind { get; }

    /// <summary>Number M of coefficients.</summary>
    public abstract int Size { get; }

    /// <summary>The M coefficient functionals θ_m(μ) these data define, sharing one evaluation per μ.</summary>
    public abstract ParameterFunctional[] Functionals();
}
