namespace Rom.Reduction.Residuals;

/// <summary>Settings of the sketched residual norm (<see cref="SketchedResidualEstimator"/>, <see cref="SketchedResidualNorm"/>).</summary>
/// <param name="Rows">Rows k of the Gaussian sketch: online cost k·J multiply-adds (default 64).</param>
/// <param name="FailureProbability">
/// δ: for each parameter, the probability that the sketched norm falls below the true one (default 1e-12). Smaller δ
/// or fewer rows make the bound looser, never wrong more often than δ.
/// </param>
/// <param name="Seed">Seed of the Gaussian draws, so a model is reproducible (default 0).</param>
public sealed record SketchOptions(int Rows = 64, double FailureProbability = 1e-12, int Seed = 0)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (Rows < 1)
            throw new ArgumentOutOfRangeException(nameof(Rows), Rows, "The sketch needs at least one row.");
        if (!(FailureProbability > 0 && FailureProbability <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(FailureProbability), FailureProbability, "The failure probability δ must lie in (0, ½]: a bound that fails more often than not certifies nothing.");
    }
}
