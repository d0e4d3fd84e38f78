using Rom.Reduction.Snapshots;

namespace Rom.Reduction.Adaptive;

/// <summary>Settings of <see cref="AdaptiveRom"/>.</summary>
/// <param name="IndicatorTolerance">
/// τ: a reduced step whose indicator exceeds this is replaced by one full-order step and the bases are enriched
/// (default 1e-2; +∞ gives the plain, never enriched POD–DEIM ROM).
/// </param>
/// <param name="StatePod">Truncation of the initial state POD (default: <see cref="PodOptions"/> defaults, relative energy 1e-10).</param>
/// <param name="ForcePod">
/// Truncation of the initial internal-force POD that feeds Q-DEIM (default: <see cref="PodOptions"/> defaults; at 1e-8
/// the 20 × 20 benchmark keeps one mode too few and the interpolated force is unstable from the second step).
/// </param>
/// <param name="ExtraSamplesPerSide">
/// The indicator also samples the interior nodes nearest to a k × k grid of cell centres of the square, k = this
/// (default 6), so it sees regions the interpolation points do not cover.
/// </param>
/// <param name="NewtonTolerance">Reduced Newton stops when ‖r‖ ≤ this · ‖r₀‖ (default 1e-9).</param>
/// <param name="MaxNewtonIterations">A reduced Newton that needs more iterations counts as failed and triggers a full step (default 25).</param>
/// <param name="EnrichmentTolerance">A new vector is appended when its part orthogonal to the basis exceeds this times its norm (default 1e-10).</param>
public sealed record AdaptiveRomOptions(
    double IndicatorTolerance = 1e-2,
    PodOptions? StatePod = null,
    PodOptions? ForcePod = null,
    int ExtraSamplesPerSide = 6,
    double NewtonTolerance = 1e-9,
    int MaxNewtonIterations = 25,
    double EnrichmentTolerance = 1e-10)
{
    /// <summary>The state POD truncation in effect.</summary>
    public PodOptions StatePodOrDefault => StatePod ?? new PodOptions();

    /// <summary>The force POD truncation in effect.</summary>
    public PodOptions ForcePodOrDefault => ForcePod ?? new PodOptions();

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        Require.That(IndicatorTolerance > 0, IndicatorTolerance, "τ must be positive (+∞ switches enrichment off).");
        StatePodOrDefault.Validate();
        ForcePodOrDefault.Validate();
        Require.AtLeast(ExtraSamplesPerSide, 0, "The extra sample grid size must be non-negative.");
        Require.Fraction(NewtonTolerance, "The Newton tolerance must lie in (0, 1).");
        Require.AtLeast(MaxNewtonIterations, 1, "Need at least one Newton iteration.");
        Require.Fraction(EnrichmentTolerance, "The enrichment tolerance must lie in (0, 1).");
    }
}
