using ILGPU;

namespace Rom.Gpu.Fft;

/// <summary>
/// Moves between a real array's full complex spectrum and the half NumPy's <c>rfftn</c> keeps (last axis
/// k &lt; n/2 + 1). Arrays are seen as 3-D, [n0, n1, n2] with leading extents 1 for 1-D and 2-D shapes, n2 the
/// halved axis; the batch index is outermost.
/// </summary>
internal static class HalfSpectrumKernels
{
    /// <summary>full[t] = real[t] + 0i.</summary>
    public static void Widen(Index1D t, ArrayView<double> real, ArrayView<GpuComplex> full) =>
        full[t] = new GpuComplex(real[t], 0);

    /// <summary>real[t] = Re full[t]·scale.</summary>
    public static void Narrow(Index1D t, ArrayView<GpuComplex> full, ArrayView<double> real, double scale) =>
        real[t] = full[t].Re * scale;

    /// <summary>Thread t copies half-spectrum element t from the full spectrum.</summary>
    public static void Gather(Index1D t, ArrayView<GpuComplex> full, ArrayView<GpuComplex> half, Extents3 e)
    {
        int h = e.N2 / 2 + 1;
        int k2 = t % h, rest = t / h;
        half[t] = full[rest * e.N2 + k2];
    }

    /// <summary>
    /// Thread t fills full-spectrum element t: kept elements are copied, the others are
    /// X[k0, k1, k2] = conj X[−k0, −k1, n2 − k2] (indices mod n), the symmetry of a real array's spectrum.
    /// </summary>
    public static void Extend(Index1D t, ArrayView<GpuComplex> half, ArrayView<GpuComplex> full, Extents3 e)
    {
        int h = e.N2 / 2 + 1;
        int k2 = t % e.N2, rest = t / e.N2;
        int k1 = rest % e.N1;
        rest /= e.N1;
        int k0 = rest % e.N0, b = rest / e.N0;
        if (k2 < h)
        {
            full[t] = half[((b * e.N0 + k0) * e.N1 + k1) * h + k2];
            return;
        }
        int m0 = (e.N0 - k0) % e.N0, m1 = (e.N1 - k1) % e.N1;
        full[t] = GpuComplex.Conjugate(half[((b * e.N0 + m0) * e.N1 + m1) * h + e.N2 - k2]);
    }
}

/// <summary>An array shape seen as 3-D, [N0, N1, N2], the last axis fastest.</summary>
internal readonly record struct Extents3(int N0, int N1, int N2)
{
    /// <summary>Pads a 1-, 2- or 3-D shape with leading ones.</summary>
    public static Extents3 Of(IReadOnlyList<int> shape) => shape.Count switch
    {
        1 => new(1, 1, shape[0]),
        2 => new(1, shape[0], shape[1]),
        _ => new(shape[0], shape[1], shape[2]),
    };
}
