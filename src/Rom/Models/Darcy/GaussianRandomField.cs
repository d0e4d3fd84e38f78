using System.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.IntegralTransforms;

namespace Rom.Models.Darcy;

/// <summary>
/// The periodic Gaussian random field of the FNO/SKR data generators on an s^d grid (d = 2 or 3):
/// g = Re(ifftn(√λ ⊙ (ξ₁ + iξ₂))) with ξ standard normal, √λ(k) = s^d·√2·σ·(4π²|k|² + τ²)^(−α/2),
/// σ = τ^(α−1) and √λ(0) = 0; k are numpy's fftfreq wavenumbers and ifftn has numpy's 1/s^d normalisation.
/// Values are stored row-major: index ((i·s) + j)·s + k in 3-D, i·s + j in 2-D.
/// </summary>
public static class GaussianRandomField
{
    /// <summary>Draws ξ₁ then ξ₂ (s^d standard normals each) from <paramref name="random"/> and returns g.</summary>
    public static double[] Sample(int s, int dimension, double alpha, double tau, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int count = Size(s, dimension);
        var xi1 = new double[count];
        var xi2 = new double[count];
        for (int i = 0; i < count; i++) xi1[i] = Normal.Sample(random, 0, 1);
        for (int i = 0; i < count; i++) xi2[i] = Normal.Sample(random, 0, 1);
        return FromNoise(xi1, xi2, s, dimension, alpha, tau);
    }

    /// <summary>g for given noise ξ₁, ξ₂ (each s^d values, row-major).</summary>
    public static double[] FromNoise(double[] xi1, double[] xi2, int s, int dimension, double alpha, double tau)
    {
        ArgumentNullException.ThrowIfNull(xi1);
        ArgumentNullException.ThrowIfNull(xi2);
        int count = Size(s, dimension);
        if (xi1.Length != count || xi2.Length != count)
            throw new ArgumentException($"ξ₁ and ξ₂ have {xi1.Length} and {xi2.Length} values; expected s^d = {count}.", nameof(xi2));
        double sigma = Math.Pow(tau, alpha - 1), scale = Math.Pow(s, dimension) * Math.Sqrt(2) * sigma;
        var spectrum = new Complex[count];
        for (int index = 0; index < count; index++)
        {
            double k2 = 0;
            for (int rest = index, axis = 0; axis < dimension; axis++, rest /= s)
            {
                double k = Frequency(rest % s, s);
                k2 += k * k;
            }
            double sqrtLambda = k2 == 0 ? 0 : scale * Math.Pow(4 * Math.PI * Math.PI * k2 + tau * tau, -alpha / 2);
            spectrum[index] = sqrtLambda * new Complex(xi1[index], xi2[index]);
        }
        InverseFft(spectrum, s, dimension);
        return spectrum.Select(c => c.Real).ToArray();
    }

    private static int Size(int s, int dimension)
    {
        if (dimension is not (2 or 3))
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The field is 2-D or 3-D.");
        if (s < 2)
            throw new ArgumentOutOfRangeException(nameof(s), s, "The grid needs at least 2 points per side.");
        return (int)Math.Pow(s, dimension);
    }

    // numpy.fft.fftfreq(s, 1/s): 0, 1, …, ⌈s/2⌉ − 1, then −⌊s/2⌋, …, −1.
    private static double Frequency(int i, int s) => i < (s + 1) / 2 ? i : i - s;

    // ifftn with numpy's normalisation: unscaled 1-D inverse transforms along every axis, then 1/s^d.
    private static void InverseFft(Complex[] x, int s, int dimension)
    {
        var line = new Complex[s];
        for (int axis = 0, stride = 1; axis < dimension; axis++, stride *= s)
            for (int start = 0; start < x.Length; start++)
            {
                if ((start / stride) % s != 0) continue;   // one line per starting point with coordinate 0 on this axis
                for (int t = 0; t < s; t++) line[t] = x[start + t * stride];
                Fourier.Inverse(line, FourierOptions.NoScaling);
                for (int t = 0; t < s; t++) x[start + t * stride] = line[t];
            }
        double norm = Math.Pow(s, dimension);
        for (int i = 0; i < x.Length; i++) x[i] /= norm;
    }
}
