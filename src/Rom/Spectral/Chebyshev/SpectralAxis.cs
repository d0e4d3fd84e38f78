namespace Rom.Spectral.Chebyshev;

/// <summary>Which one-dimensional basis an axis of a <see cref="TensorSpectralTransform"/> uses.</summary>
public enum SpectralBasis
{
    /// <summary>Periodic: exp(2πi k x / L) on the equispaced points x_j = j L / n.</summary>
    Fourier,

    /// <summary>Chebyshev polynomials T_k on the Chebyshev–Lobatto points mapped to [a, b].</summary>
    Chebyshev,
}

/// <summary>One axis of a tensor-product grid: its basis, its number of points and its interval.</summary>
/// <param name="Basis">Fourier or Chebyshev.</param>
/// <param name="PointCount">Points (and coefficients) along the axis.</param>
/// <param name="Start">Left end: where a Fourier period starts, or a of the Chebyshev interval [a, b].</param>
/// <param name="End">Right end: Start + the period, or b.</param>
public sealed record SpectralAxis(SpectralBasis Basis, int PointCount, double Start, double End)
{
    /// <summary>A periodic axis of <paramref name="pointCount"/> points on [0, <paramref name="period"/>).</summary>
    public static SpectralAxis Fourier(int pointCount, double period = 2 * Math.PI) => new(SpectralBasis.Fourier, pointCount, 0, period);

    /// <summary>A Chebyshev axis of <paramref name="pointCount"/> Lobatto points on [<paramref name="a"/>, <paramref name="b"/>].</summary>
    public static SpectralAxis Chebyshev(int pointCount, double a = -1, double b = 1) => new(SpectralBasis.Chebyshev, pointCount, a, b);

    /// <summary>The grid points: Start + j L / n for Fourier, the Lobatto points mapped to [a, b] (descending from b) for Chebyshev.</summary>
    public double[] Points() => Basis == SpectralBasis.Fourier
        ? Enumerable.Range(0, PointCount).Select(j => Start + j * (End - Start) / PointCount).ToArray()
        : ChebyshevTransform.LobattoPoints(PointCount).Select(x => 0.5 * (Start + End) + 0.5 * (End - Start) * x).ToArray();
}
