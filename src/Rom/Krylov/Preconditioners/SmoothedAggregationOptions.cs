namespace Rom.Krylov.Preconditioners;

/// <summary>Settings of the smoothed-aggregation algebraic multigrid preconditioner.</summary>
/// <param name="StrengthThreshold">θ of the finest level: j is strongly connected to i when |a_ij| ≥ θ_l √(|a_ii a_jj|), with θ_l = θ·0.5^l on level l (Vaněk, Mandel &amp; Brezina), so coarse levels, whose connections are weaker, still aggregate.</param>
/// <param name="CoarsestSize">Stop coarsening at or below this many unknowns and solve there by dense Cholesky.</param>
/// <param name="MaxLevels">Largest number of levels, the finest included.</param>
/// <param name="PreSmoothingSweeps">Forward Gauss–Seidel sweeps before the coarse-grid correction.</param>
/// <param name="PostSmoothingSweeps">Backward Gauss–Seidel sweeps after it (equal counts keep the V-cycle symmetric for CG).</param>
/// <param name="SpectralRadiusSteps">Lanczos steps estimating ρ(D⁻¹A) for the prolongator smoothing weight ω = 4/(3ρ).</param>
public sealed record SmoothedAggregationOptions(
    double StrengthThreshold = 0.08,
    int CoarsestSize = 200,
    int MaxLevels = 10,
    int PreSmoothingSweeps = 1,
    int PostSmoothingSweeps = 1,
    int SpectralRadiusSteps = 20)
{
    /// <summary>Largest coarsest level the dense Cholesky solve accepts when coarsening stops early.</summary>
    public const int MaxDirectSize = 5000;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        Require.That(StrengthThreshold >= 0 && StrengthThreshold < 1, StrengthThreshold, "The strength threshold θ must lie in [0, 1).");
        Require.That(CoarsestSize >= 1 && CoarsestSize <= MaxDirectSize, CoarsestSize, $"The coarsest size must lie in 1..{MaxDirectSize}.");
        Require.AtLeast(MaxLevels, 1, "There must be at least one level.");
        Require.AtLeast(PreSmoothingSweeps, 0, "The sweep count must be non-negative.");
        Require.AtLeast(PostSmoothingSweeps, 0, "The sweep count must be non-negative.");
        Require.AtLeast(SpectralRadiusSteps, 1, "At least one Lanczos step is needed.");
    }
}
