namespace Rom.Models.NonlinearHeat;

/// <summary>
/// Settings of <see cref="NonlinearHeatModel"/>: mesh, implicit Euler time grid, conductivity κ(u) = κ₀(1 + βu²),
/// a Gaussian source of width w moving across the square, and Newton's stopping rule.
/// </summary>
/// <param name="SquaresPerSide">Squares per side of the structured mesh of (0,1)² (default 20).</param>
/// <param name="Steps">Number of implicit Euler steps (default 150).</param>
/// <param name="TimeStep">Step length Δt (default 0.01).</param>
/// <param name="Kappa0">Conductivity κ₀ at u = 0 (default 1).</param>
/// <param name="Beta">Strength β of the temperature dependence κ₀βu² (default 1).</param>
/// <param name="Amplitude">Peak source strength A (default 300).</param>
/// <param name="Width">Gaussian width w in exp(−|x − x₀|²/w²) (default 0.08).</param>
/// <param name="SourceStartX">x of the source centre at t = 0 (default 0.2).</param>
/// <param name="SourceStartY">y of the source centre at t = 0 (default 0.2).</param>
/// <param name="SourceEndX">x of the source centre at the final time (default 0.8).</param>
/// <param name="SourceEndY">y of the source centre at the final time (default 0.8).</param>
/// <param name="SourceStations">
/// The path is sampled at this many equally spaced fixed Gaussians whose amplitudes are piecewise-linear hats in
/// time, so the load is Σ_k c_k(t) g_k, affine in time (default 7).
/// </param>
/// <param name="NewtonTolerance">Newton stops when ‖R‖ ≤ this · ‖R₀‖ (default 1e-10).</param>
/// <param name="MaxNewtonIterations">Newton gives up after this many iterations (default 25).</param>
public sealed record NonlinearHeatOptions(
    int SquaresPerSide = 20,
    int Steps = 150,
    double TimeStep = 0.01,
    double Kappa0 = 1,
    double Beta = 1,
    double Amplitude = 300,
    double Width = 0.08,
    double SourceStartX = 0.2,
    double SourceStartY = 0.2,
    double SourceEndX = 0.8,
    double SourceEndY = 0.8,
    int SourceStations = 7,
    double NewtonTolerance = 1e-10,
    int MaxNewtonIterations = 25)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        Require.AtLeast(SquaresPerSide, 2, "Need at least 2 squares per side (one interior node).");
        Require.AtLeast(Steps, 1, "Need at least one time step.");
        Require.PositiveFinite(TimeStep, "The time step must be positive and finite.");
        Require.PositiveFinite(Kappa0, "κ₀ must be positive and finite.");
        Require.That(Beta >= 0 && double.IsFinite(Beta), Beta, "β must be non-negative (κ stays positive) and finite.");
        Require.That(double.IsFinite(Amplitude), Amplitude, "The amplitude must be finite.");
        Require.PositiveFinite(Width, "The width must be positive and finite.");
        Require.AtLeast(SourceStations, 2, "Need at least 2 stations along the source path.");
        Require.Fraction(NewtonTolerance, "The Newton tolerance must lie in (0, 1).");
        Require.AtLeast(MaxNewtonIterations, 1, "Need at least one Newton iteration.");
    }
}
