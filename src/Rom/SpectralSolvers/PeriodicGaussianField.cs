using System.Numerics;
using Rom.Spectral.Chebyshev;

namespace Rom.SpectralSolvers;

/// <summary>
/// Samples of a zero-mean Gaussian process on the periodic grid {j / n}^d of [0, 1)^d with the periodic kernel
/// k(x, y) = exp(−Σ_i sin²(π(x_i − y_i)) / (2ℓ²)) (neural spectral methods' <c>Per(ℓ)</c>). The covariance of a
/// stationary kernel on a periodic grid is circulant, so C^{1/2} ε is a pointwise product in Fourier space: exact, with no
/// dense factorisation.
/// </summary>
public sealed class PeriodicGaussianField
{
    private readonly TensorSpectralTransform _transform;
    private readonly double[] _rootEigenvalues;

    /// <summary>The field on n points per axis in <paramref name="dimensions"/> dimensions with length scale ℓ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n below 2, dimensions outside 1 … 3, or ℓ not positive and finite.</exception>
    public PeriodicGaussianField(int n, int dimensions, double lengthScale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, 3);
        if (!(lengthScale > 0) || !double.IsFinite(lengthScale))
            throw new ArgumentOutOfRangeException(nameof(lengthScale), lengthScale, "The length scale must be positive and finite.");
        Points = n;
        Dimensions = dimensions;
        LengthScale = lengthScale;
        _transform = new TensorSpectralTransform([.. Enumerable.Repeat(SpectralAxis.Fourier(n, 1), dimensions)]);
        var row = new double[_transform.Length];
        for (int i = 0; i < row.Length; i++)
        {
            double sum = 0;
            for (int a = 0, rest = i; a < dimensions; a++, rest /= n)
            {
                double s = Math.Sin(Math.PI * (rest % n) / n);
                sum += s * s;
            }
            row[i] = Math.Exp(-sum / (2 * lengthScale * lengthScale));
        }
        var spectrum = new Complex[row.Length];
        _transform.Forward(row, spectrum);
        _rootEigenvalues = [.. spectrum.Select(c => Math.Sqrt(Math.Max(c.Real * row.Length, 0)))];
    }

    /// <summary>Points per axis.</summary>
    public int Points { get; }

    /// <summary>Spatial dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>ℓ.</summary>
    public double LengthScale { get; }

    /// <summary>One sample's values on the grid, row-major (the last axis fastest).</summary>
    public double[] Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var noise = new double[_transform.Length];
        for (int i = 0; i < noise.Length; i++)
            noise[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var c = new Complex[noise.Length];
        _transform.Forward(noise, c);
        for (int i = 0; i < c.Length; i++)
            c[i] *= _rootEigenvalues[i];
        var values = new double[noise.Length];
        _transform.Inverse(c, values);
        return values;
    }
}
