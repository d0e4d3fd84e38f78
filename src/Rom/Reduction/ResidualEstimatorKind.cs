namespace Rom.Reduction;

/// <summary>How the dual norm of the residual ‖r(μ)‖_{X'} is evaluated online.</summary>
public enum ResidualEstimatorKind
{
    /// <summary>The expanded quadratic form of Gram matrices; cancellation limits it to about √ε relative.</summary>
    Classical,

    /// <summary>Coefficients in an orthonormal basis of the residual's range (Buhr et al. 2014); accurate to about ε relative.</summary>
    Stable,
}
