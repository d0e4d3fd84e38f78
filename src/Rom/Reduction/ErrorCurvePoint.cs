namespace Rom.Reduction;

/// <summary>True relative errors ‖u − V u_N‖_X / ‖u‖_X and relative bounds Δ/‖u‖_X at the test parameters, for one basis size.</summary>
/// <param name="BasisSize">N.</param>
/// <param name="Errors">The true relative error at each test parameter.</param>
/// <param name="Bounds">The relative error bound at each test parameter.</param>
public sealed record ErrorCurvePoint(int BasisSize, double[] Errors, double[] Bounds);
