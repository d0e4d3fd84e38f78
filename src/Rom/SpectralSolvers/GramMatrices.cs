using Rom.Spectral.Chebyshev;

namespace Rom.SpectralSolvers;

/// <summary>
/// The Gram matrix G_ij = ∫ φ_i φ_j of one axis's basis, so that the squared L2 norm of a series with coefficients c on
/// a tensor grid is cᴴ (G₁ ⊗ … ⊗ G_d) c exactly (<see cref="Tensors.Ops.KroneckerQuadraticForm{T}"/>): Parseval for
/// Fourier axes, the Chebyshev mass matrix otherwise. Neural spectral methods' reference code sums squared Chebyshev
/// coefficients instead, which is not the residual's L2 norm (Chebyshev polynomials are not orthogonal in L2).
/// </summary>
public static class GramMatrices
{
    /// <summary>The Gram matrix of <paramref name="axis"/>'s basis with its layout in <see cref="TensorSpectralTransform"/>.</summary>
    public static double[,] Of(SpectralAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return axis.Basis == SpectralBasis.Fourier
            ? Fourier(axis.PointCount, axis.End - axis.Start)
            : Chebyshev(axis.PointCount, axis.Start, axis.End);
    }

    /// <summary>
    /// exp(2πi k x / L) over one period: L on the diagonal (FFT order); for an even <paramref name="n"/> the Nyquist
    /// mode counts L/2, the norm of cos(π n x / L), which is the real interpolant that real data's (real) Nyquist
    /// coefficient stands for.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n below 1 or a period that is not positive and finite.</exception>
    public static double[,] Fourier(int n, double period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (!(period > 0) || !double.IsFinite(period))
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive and finite.");
        var g = new double[n, n];
        for (int k = 0; k < n; k++)
            g[k, k] = 2 * k == n ? period / 2 : period;
        return g;
    }

    /// <summary>
    /// ∫_a^b T_i T_j of Chebyshev polynomials mapped to [a, b]: (b − a)/4 · (J(i + j) + J(|i − j|)) with J(m) = ∫_{−1}^{1} T_m
    /// = 2/(1 − m²) for even m and 0 for odd m.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n below 1 or an interval that is empty or not finite.</exception>
    public static double[,] Chebyshev(int n, double a = -1, double b = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (!(b > a) || !double.IsFinite(b - a))
            throw new ArgumentOutOfRangeException(nameof(b), b, $"The interval [{a}, {b}] must be finite with b > a.");
        static double J(int m) => m % 2 == 1 ? 0 : 2.0 / (1.0 - (double)m * m);
        var g = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                g[i, j] = (b - a) / 4 * (J(i + j) + J(Math.Abs(i - j)));
        return g;
    }

    /// <summary>The n × n identity: the "Gram matrix" of the reference code's loss, a plain sum of squared coefficients.</summary>
    public static double[,] Identity(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            m[i, i] = 1;
        return m;
    }
}
