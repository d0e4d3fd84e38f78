using ILGPU;

namespace Rom.Gpu.Fft;

/// <summary>
/// One pass of the Stockham autosort FFT along one axis of a batch of row-major arrays, after Govindaraju et al.,
/// "High performance discrete Fourier transforms on graphics processors" (SC 2008), Fig. 2: thread j of a line
/// of n points reads R values n/R apart, twiddles them by ω^(r·(j mod Ns)) with ω = exp(s·2πi/(Ns·R)), does an
/// R-point DFT and writes them Ns apart from expand(j) = (j div Ns)·Ns·R + j mod Ns. After passes with
/// Ns = 1, R₁, R₁R₂, … up to n the line holds its transform in natural order, with no bit reversal.
/// A line is the data viewed as [outer, n, inner]: position p of line (o, i) sits at (o·n + p)·inner + i.
/// </summary>
internal static class StockhamKernels
{
    /// <summary>Radix-2 pass; thread t handles butterfly j = t mod n/2 of line t div (n/2).</summary>
    public static void Radix2(Index1D t, ArrayView<GpuComplex> src, ArrayView<GpuComplex> dst,
        ArrayView<GpuComplex> twiddles, StockhamPass pass)
    {
        int n = pass.N, inner = pass.Inner, ns = pass.Ns, half = n / 2;
        int j = t % half, line = t / half;
        int start = (line / inner) * n * inner + line % inner;
        int k = j % ns;
        var v0 = src[start + j * inner];
        var v1 = src[start + (j + half) * inner] * GpuComplex.Directed(twiddles[k * (n / (2 * ns))], pass.Sign);
        int d = (j / ns) * ns * 2 + k;
        dst[start + d * inner] = v0 + v1;
        dst[start + (d + ns) * inner] = v0 - v1;
    }

    /// <summary>Radix-4 pass; thread t handles butterfly j = t mod n/4 of line t div (n/4).</summary>
    public static void Radix4(Index1D t, ArrayView<GpuComplex> src, ArrayView<GpuComplex> dst,
        ArrayView<GpuComplex> twiddles, StockhamPass pass)
    {
        int n = pass.N, inner = pass.Inner, ns = pass.Ns, s = pass.Sign, quarter = n / 4;
        int j = t % quarter, line = t / quarter;
        int start = (line / inner) * n * inner + line % inner;
        int k = j % ns, step = k * (n / (4 * ns));
        var v0 = src[start + j * inner];
        var v1 = src[start + (j + quarter) * inner] * GpuComplex.Directed(twiddles[step], s);
        var v2 = src[start + (j + 2 * quarter) * inner] * GpuComplex.Directed(twiddles[2 * step], s);
        var v3 = src[start + (j + 3 * quarter) * inner] * GpuComplex.Directed(twiddles[3 * step], s);
        var a0 = v0 + v2;
        var a1 = v0 - v2;
        var a2 = v1 + v3;
        var a3 = GpuComplex.QuarterTurn(v1 - v3, s);
        int d = (j / ns) * ns * 4 + k;
        dst[start + d * inner] = a0 + a2;
        dst[start + (d + ns) * inner] = a1 + a3;
        dst[start + (d + 2 * ns) * inner] = a0 - a2;
        dst[start + (d + 3 * ns) * inner] = a1 - a3;
    }
}

/// <summary>Parameters of one Stockham pass: line length N, stride Inner, span Ns done so far, exponent sign ∓1.</summary>
internal readonly record struct StockhamPass(int N, int Inner, int Ns, int Sign);
