namespace Rom.Reduction.Residuals;

/// <summary>
/// The offline part of the residual dual norm ‖r(μ)‖_{X'} = ‖Σ_j y_j(μ) ξ_j‖_X, where ξ_j are the X-Riesz
/// representers of the residual's affine terms (ξ_0 of f, then those of A_q v_n) and y_j(μ) their coefficients:
/// grown one representer at a time as the basis grows, its data are exact online data (a small matrix). An
/// <see cref="IResidualEstimator"/> starts one for the reductor and builds its own online data from it.
/// </summary>
public interface IResidualRepresenters
{
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

    /// <summary>The exact online data for all representers appended so far.</summary>
    ResidualNormData ToData();
}
