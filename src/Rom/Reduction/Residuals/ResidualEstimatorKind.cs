namespace Rom.Reduction.Residuals;

/// <summary>How the dual norm of the residual ‖r(μ)‖_{X'} is evaluated online.</summary>
public enum ResidualEstimatorKind
{
    /// <summary>The expanded quadratic form of Gram matrices; cancellation limits it to about √ε relative.</summary>
    Classical,

    /// <summary>Coefficients in an orthonormal basis of the residual's range (Buhr et al. 2014); accurate to about ε relative.</summary>
    Stable,

    /// <summary>
    /// Casenave, Ern, Lelièvre (2014): ‖r‖² is the sum of local energy densities r_i (X r)_i, approximated by
    /// empirical interpolation from M points; accurate to about ε relative but an approximation (the EIM error,
    /// see <see cref="InterpolatedResidualNorm"/>), at online cost O(M·J).
    /// </summary>
    Interpolated,

    /// <summary>
    /// A Gaussian sketch of <see cref="Stable"/> (Balabanov &amp; Nouy 2019, see <see cref="SketchedResidualNorm"/>):
    /// accurate to about ε relative, online cost O(k·J), and an upper bound with probability 1 − δ per parameter.
    /// </summary>
    Sketched,
}
