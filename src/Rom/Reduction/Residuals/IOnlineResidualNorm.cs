namespace Rom.Reduction.Residuals;

/// <summary>Online evaluation of ‖Σ_j y_j ξ_j‖_X from <see cref="ResidualNormData"/>: cost independent of n, no allocation.</summary>
public interface IOnlineResidualNorm
{
    /// <summary>Length of the scratch buffer <see cref="Evaluate"/> needs.</summary>
    int WorkLength { get; }

    /// <summary>Returns ‖Σ_j y_j ξ_j‖_X for coefficients y (length J).</summary>
    double Evaluate(ReadOnlySpan<double> y, Span<double> work);
}
