using MathNet.Numerics.Distributions;
using Rom.Spectral.Chebyshev;

namespace Rom.Models.Darcy;

/// <summary>
/// The Gaussian random field of the FNO paper's Darcy data (Li et al., "Fourier Neural Operator for Parametric Partial
/// Differential Equations", ICLR 2021; the GRF.m of its data generator in neuraloperator/neuraloperator,
/// data_generation/darcy): g ~ N(0, τ^(2α−2)(−Δ + τ²I)^(−α)) on [0, 1]² with the Neumann Laplacian and zero mean,
/// drawn as its Karhunen–Loève series truncated to the s × s lowest modes,
/// g(x, y) = Σ_{k₀,k₁ = 0}^{s−1} c_k ξ_k φ_{k₀}(x) φ_{k₁}(y), ξ_k standard normal,
/// c_k = τ^(α−1)(π²|k|² + τ²)^(−α/2) with c₀ = 0, and the L²-orthonormal cosines φ₀ = 1, φ_k(x) = √2 cos(πkx).
/// The generator evaluates the series at cell centres by MATLAB's idct2; here it is evaluated at the s × s vertices
/// x_j = j/(s − 1), boundary included, as two type-I cosine transforms (<see cref="ChebyshevTransform"/>). Values are
/// stored with axis 0 (x) fastest: g(x_i, y_j) at i + s·j; noise ξ_k likewise at k₀ + s·k₁.
/// </summary>
public static class CosineRandomField
{
    /// <summary>c_k = τ^(α−1)(π²(k₀² + k₁²) + τ²)^(−α/2), the standard deviation of the field's coefficient of φ_{k₀}φ_{k₁}; 0 for k = 0.</summary>
    public static double ModeDeviation(int k0, int k1, double alpha, double tau) =>
        k0 == 0 && k1 == 0 ? 0 : Math.Pow(tau, alpha - 1) * Math.Pow(Math.PI * Math.PI * ((double)k0 * k0 + (double)k1 * k1) + tau * tau, -alpha / 2);

    /// <summary>Draws the noise ξ (s² standard normals, in storage order) from <paramref name="random"/> and returns g on the s × s vertices.</summary>
    public static double[] Sample(int s, double alpha, double tau, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckSize(s);
        var xi = new double[s * s];
        Normal.Samples(random, xi, 0, 1);
        return FromNoise(xi, s, alpha, tau);
    }

    /// <summary>g on the s × s vertices for the given noise ξ (s² values, ξ_k at k₀ + s·k₁).</summary>
    public static double[] FromNoise(ReadOnlySpan<double> xi, int s, double alpha, double tau)
    {
        CheckSize(s);
        if (xi.Length != s * s)
            throw new ArgumentException($"ξ has {xi.Length} values; expected s² = {s * s}.", nameof(xi));
        if (!(alpha > 0 && double.IsFinite(alpha)) || !(tau > 0 && double.IsFinite(tau)))
            throw new ArgumentOutOfRangeException(nameof(alpha), $"α = {alpha} and τ = {tau} must be positive and finite.");
        var coefficients = new double[s * s];
        for (int k1 = 0; k1 < s; k1++)
            for (int k0 = 0; k0 < s; k0++)
                coefficients[k0 + s * k1] = ModeDeviation(k0, k1, alpha, tau) * Weight(k0) * Weight(k1) * xi[k0 + s * k1];
        // Σ_k a_k cos(πkj/(s − 1)) along axis 0 (contiguous lines), then along axis 1 through a transpose and back.
        var transform = new ChebyshevTransform(s, s);
        var lines = new double[s * s];
        transform.CoefficientsToValues(coefficients, lines);
        Transpose(lines, coefficients, s);
        transform.CoefficientsToValues(coefficients, lines);
        var g = new double[s * s];
        Transpose(lines, g, s);
        return g;
    }

    // φ_k = Weight(k)·cos(πkx): the L²(0, 1) normalisation of the cosines.
    private static double Weight(int k) => k == 0 ? 1 : Math.Sqrt(2);

    private static void Transpose(ReadOnlySpan<double> from, Span<double> to, int s)
    {
        for (int j = 0; j < s; j++)
            for (int i = 0; i < s; i++)
                to[j + s * i] = from[i + s * j];
    }

    private static void CheckSize(int s)
    {
        if (s < 2)
            throw new ArgumentOutOfRangeException(nameof(s), s, "The grid needs at least 2 points per side.");
    }
}
