namespace Rom.Models.FiniteElements;

/// <summary>
/// Radon's 7-point rule on a triangle, exact for polynomials of degree ≤ 5 (Dunavant 1985, rule of degree 5):
/// barycentric points and weights that sum to one (multiply by the area).
/// </summary>
internal static class TriangleQuadrature
{
    private static readonly double Sqrt15 = Math.Sqrt(15);
    private static readonly double A1 = (6 - Sqrt15) / 21;
    private static readonly double A2 = (6 + Sqrt15) / 21;
    private static readonly double W1 = (155 - Sqrt15) / 1200;
    private static readonly double W2 = (155 + Sqrt15) / 1200;

    /// <summary>Barycentric coordinates (λ₁, λ₂, λ₃) of the points.</summary>
    public static readonly (double L1, double L2, double L3)[] Points =
    [
        (1.0 / 3, 1.0 / 3, 1.0 / 3),
        (A1, A1, 1 - 2 * A1), (A1, 1 - 2 * A1, A1), (1 - 2 * A1, A1, A1),
        (A2, A2, 1 - 2 * A2), (A2, 1 - 2 * A2, A2), (1 - 2 * A2, A2, A2),
    ];

    /// <summary>Weights relative to the triangle area.</summary>
    public static readonly double[] Weights = [9.0 / 40, W1, W1, W1, W2, W2, W2];
}
