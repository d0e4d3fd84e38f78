namespace Rom.Reduction.Residuals;

/// <summary>
/// Offline part of the residual dual norm ‖r(μ)‖_{X'} = ‖Σ_j y_j(μ) ξ_j‖_X, where ξ_j are the X-Riesz
/// representers of the residual's affine terms (ξ_0 of f, then those of A_q v_n) and y_j(μ) their coefficients.
/// Grown one representer at a time; its online data are a small matrix.
/// </summary>
public interface IResidualNormEstimator
{
    /// <summary>How this estimator evaluates the norm online.</summary>
    ResidualEstimatorKind Kind { get; }

    /// <summary>Number of representers appended so far.</summary>
    int Count { get; }

    /// <summary>Appends the Riesz representer ξ_j of the next affine term of the residual.</summary>
    void Append(ReadOnlySpan<double> representer);

    /// <summary>Appends several representers in order; implementations may process them together.</summary>
    void AppendBlock(IReadOnlyList<double[]> representers)
    {
        foreach (var representer in representers)
            Append(representer);
    }

    /// <summary>The online data for all representers appended so far.</summary>
    ResidualNormData ToData();
}
