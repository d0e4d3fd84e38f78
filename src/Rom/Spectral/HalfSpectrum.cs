using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using static Rom.Spectral.ComplexPairs;

namespace Rom.Spectral;

/// <summary>
/// The step between a real row of even length n and the complex transform of length h = n/2 that carries it
/// (Numerical Recipes, 3rd ed., §12.3, "FFT of real functions"). Both directions are one
/// symmetric combination of the entries k and h − k, 0 &lt; k &lt; h, of a half-length spectrum a:
/// with c_k = conj(a_{h−k}),
/// Y_k = σ·(½(a_k + c_k) + u_k·(a_k − c_k)) and Y_{h−k} = conj(σ·(½(a_k + c_k) − u_k·(a_k − c_k))).
/// With u_k = −(i/2)·e^{−2πik/n} and σ = 1, a = the transform of z_j = x_{2j} + i·x_{2j+1} gives the real spectrum
/// Y = X (split into even and odd samples); with u_k = +(i/2)·e^{−2πik/n} it gives half the half-length spectrum whose
/// transform is the real row again (merge). Vectorised over pairs of k; source and destination may be the same memory.
/// </summary>
internal static class HalfSpectrum
{
    /// <summary>The factors u_k, k &lt; n/2, interleaved: <paramref name="sign"/>·(i/2)·e^{−2πik/n} (−1: split, +1: merge).</summary>
    public static double[] Factors(int n, double sign)
    {
        var factors = new double[n / 2 * 2];
        for (int k = 0; k < n / 2; k++)
        {
            var (sin, cos) = Math.SinCos(-2.0 * Math.PI * k / n);
            factors[2 * k] = -0.5 * sign * sin;
            factors[2 * k + 1] = 0.5 * sign * cos;
        }
        return factors;
    }

    /// <summary>
    /// Writes Y_k for 0 &lt; k &lt; <paramref name="half"/> (see the class summary) from the spectrum in
    /// <paramref name="source"/> to <paramref name="destination"/> (interleaved doubles); entry 0 and entry h are the
    /// caller's.
    /// </summary>
    public static void Combine(ReadOnlySpan<double> source, Span<double> destination, int half, ReadOnlySpan<double> factors, double scale)
    {
        ref double a = ref MemoryMarshal.GetReference(source);
        ref double y = ref MemoryMarshal.GetReference(destination);
        ref double u = ref MemoryMarshal.GetReference(factors);
        var halfScale = Vector256.Create(0.5 * scale);
        var sigma = Vector256.Create(scale);
        int k = 1;
        // Lanes (k, k + 1) pair with (h − k, h − k − 1); every entry is read before either pair is written.
        for (; 2 * k + 1 <= half; k += 2)
        {
            var ak = LoadTwo(ref a, k);
            var ck = Conjugate(SwapLanes(LoadTwo(ref a, half - k - 1)));
            var (low, high) = Pair(ak, ck, LoadTwo(ref u, k), halfScale, sigma);
            StoreTwo(low, ref y, k);
            StoreTwo(SwapLanes(high), ref y, half - k - 1);
        }
        if (2 * k <= half)
        {
            // At most one entry is left, the middle one k = h/2 (its own partner).
            var (low, _) = Pair(LoadOne(ref a, k), Conjugate(LoadOne(ref a, half - k)), LoadOne(ref u, k), halfScale, sigma);
            StoreLower(low, ref y, k);
        }
    }

    /// <summary>(Y_k, Y_{h−k}) lane by lane from a_k, c_k and u_k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Low, Vector256<double> High) Pair(
        Vector256<double> ak, Vector256<double> ck, Vector256<double> uk, Vector256<double> halfScale, Vector256<double> sigma)
    {
        var mean = (ak + ck) * halfScale;
        var turn = Multiply(ak - ck, uk * sigma);
        return (mean + turn, Conjugate(mean - turn));
    }
}
