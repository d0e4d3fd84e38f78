using System.Buffers;
using System.Numerics;

namespace Rom.Spectral.Chebyshev;

/// <summary>
/// Values ↔ Chebyshev coefficients on the N Chebyshev–Lobatto points x_j = cos(π j / n), j = 0 … n = N − 1 (from
/// +1 down to −1): f(x_j) = Σ_k a_k T_k(x_j) with T_k(cos θ) = cos(k θ). Both directions are a type-I discrete
/// cosine transform, done as a real FFT of length 2n of the even extension (J. P. Boyd, "Chebyshev and Fourier
/// Spectral Methods", 2nd ed., Dover 2001, §10.4; L. N. Trefethen, "Spectral Methods in MATLAB", SIAM 2000, ch. 8):
/// the FFT of [u₀, u₁, …, u_n, u_{n−1}, …, u₁] is u₀ + (−1)^k u_n + 2 Σ_{j=1}^{n−1} u_j cos(π j k / n).
/// A transform applies to <see cref="BatchCount"/> lines of N values stored one after another; it is immutable and
/// thread-safe.
/// </summary>
public sealed class ChebyshevTransform
{
    private readonly RealFftPlan fft;

    /// <summary>Plans transforms of <paramref name="batchCount"/> lines of <paramref name="pointCount"/> ≥ 2 values.</summary>
    public ChebyshevTransform(int pointCount, int batchCount = 1)
    {
        if (pointCount < 2)
            throw new ArgumentOutOfRangeException(nameof(pointCount), pointCount, "A Chebyshev–Lobatto grid needs at least 2 points.");
        if (batchCount < 1)
            throw new ArgumentOutOfRangeException(nameof(batchCount), batchCount, "The batch count must be positive.");
        PointCount = pointCount;
        BatchCount = batchCount;
        fft = new RealFftPlan([2 * (pointCount - 1)], batchCount);
    }

    /// <summary>N, the points (and coefficients) per line.</summary>
    public int PointCount { get; }

    /// <summary>Lines transformed per call.</summary>
    public int BatchCount { get; }

    /// <summary>The Chebyshev–Lobatto points x_j = cos(π j / (N − 1)), j = 0 … N − 1, descending from 1 to −1.</summary>
    public static double[] LobattoPoints(int pointCount)
    {
        if (pointCount < 2)
            throw new ArgumentOutOfRangeException(nameof(pointCount), pointCount, "A Chebyshev–Lobatto grid needs at least 2 points.");
        int n = pointCount - 1;
        // sin(π(n − 2j)/(2n)) equals cos(πj/n) but is exactly antisymmetric about the middle and exactly 0 there.
        return Enumerable.Range(0, pointCount).Select(j => Math.Sin(Math.PI * (n - 2 * j) / (2.0 * n))).ToArray();
    }

    /// <summary>a_k from f(x_j): a_k = (2 / (n c_k)) Σ″_j f_j cos(π j k / n), with c₀ = c_n = 2, otherwise 1.</summary>
    public void ValuesToCoefficients(ReadOnlySpan<double> values, Span<double> coefficients)
    {
        int n = PointCount - 1;
        Dct1(values, coefficients);
        for (int line = 0; line < BatchCount; line++)
        {
            var a = coefficients.Slice(line * PointCount, PointCount);
            // The DCT-I gives 2 Σ″ f_j cos(π j k / n); the end terms have half weight.
            for (int k = 0; k <= n; k++)
                a[k] *= (k == 0 || k == n ? 0.5 : 1.0) / n;
        }
    }

    /// <summary>f(x_j) = Σ_k a_k cos(π j k / n) from the coefficients.</summary>
    public void CoefficientsToValues(ReadOnlySpan<double> coefficients, Span<double> values)
    {
        int n = PointCount - 1;
        double[] rented = ArrayPool<double>.Shared.Rent(coefficients.Length);
        try
        {
            // With u₀ = a₀, u_n = a_n and u_k = a_k / 2 in between, the DCT-I is exactly Σ_k a_k cos(π j k / n).
            var u = rented.AsSpan(0, coefficients.Length);
            coefficients.CopyTo(u);
            for (int line = 0; line < BatchCount; line++)
                for (int k = 1; k < n; k++)
                    u[line * PointCount + k] *= 0.5;
            Dct1(u, values);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>y_k = u₀ + (−1)^k u_n + 2 Σ_{j=1}^{n−1} u_j cos(π j k / n) per line, the real part of the FFT of the even extension.</summary>
    private void Dct1(ReadOnlySpan<double> input, Span<double> output)
    {
        int count = PointCount * BatchCount;
        if (input.Length != count)
            throw new ArgumentException($"The input holds {input.Length} values, expected BatchCount × PointCount = {BatchCount} × {PointCount}.", nameof(input));
        if (output.Length != count)
            throw new ArgumentException($"The output holds {output.Length} values, expected BatchCount × PointCount = {BatchCount} × {PointCount}.", nameof(output));
        int n = PointCount - 1, period = 2 * n;
        double[] extended = ArrayPool<double>.Shared.Rent(fft.Length * BatchCount);
        Complex[] spectrum = ArrayPool<Complex>.Shared.Rent(fft.SpectrumLength * BatchCount);
        try
        {
            for (int line = 0; line < BatchCount; line++)
            {
                var u = input.Slice(line * PointCount, PointCount);
                var e = extended.AsSpan(line * period, period);
                u.CopyTo(e);
                for (int j = 1; j < n; j++)
                    e[period - j] = u[j];
            }
            fft.Forward(extended.AsSpan(0, fft.Length * BatchCount), spectrum.AsSpan(0, fft.SpectrumLength * BatchCount));
            // The half spectrum of length n + 1 is exactly the N outputs; the even extension makes them real.
            for (int line = 0; line < BatchCount; line++)
                for (int k = 0; k <= n; k++)
                    output[line * PointCount + k] = spectrum[line * (n + 1) + k].Real;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(extended);
            ArrayPool<Complex>.Shared.Return(spectrum);
        }
    }
}
