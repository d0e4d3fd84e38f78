using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>
/// One way of evaluating the residual dual norm ‖r(μ)‖_{X'} of a reduced model online, composed into the reductor as
/// pyMOR composes a residual reductor: while the basis grows, the reductor appends the residual's Riesz representers to
/// what <see cref="Start"/> returns; on the final basis, <see cref="Build"/> turns what the reductor provides into this
/// estimator's online data (<see cref="ResidualNormData"/>, plain arrays named by <see cref="Name"/>), and
/// <see cref="Online"/> evaluates them. Settings an estimator has are its own (e.g. the sketch's rows).
/// </summary>
public interface IResidualEstimator
{
    /// <summary>Its name in the setting <c>reduction.estimator</c> and in saved data.</summary>
    string Name { get; }

    /// <summary>Whether the bound it gives holds only with probability 1 − δ per parameter (δ is the data's failure probability).</summary>
    bool Probabilistic { get; }

    /// <summary>
    /// Whether its data are fitted to the final basis, so that the model truncated to fewer basis vectors no longer has
    /// the accuracy they were built for (the interpolated estimator); smaller models are then truncations of the exact data.
    /// </summary>
    bool FittedToBasis { get; }

    /// <summary>The representers' data the reductor grows with the basis, in the inner product of X; their data are exact.</summary>
    IResidualRepresenters Start(CsrMatrix product, double rangeTolerance);

    /// <summary>This estimator's online data on the final basis, from what the reductor provides.</summary>
    ResidualNormData Build(ResidualEstimatorInput input);

    /// <summary>Throws an <see cref="ArgumentException"/> when the matrix of <paramref name="data"/> does not have this estimator's shape.</summary>
    void Validate(ResidualNormData data);

    /// <summary>The rows of the data's matrix that its first <paramref name="terms"/> columns need (for truncation).</summary>
    int TruncatedRows(ResidualNormData data, int terms);

    /// <summary>The online evaluator of <paramref name="data"/> (checked).</summary>
    IOnlineResidualNorm Online(ResidualNormData data);
}
