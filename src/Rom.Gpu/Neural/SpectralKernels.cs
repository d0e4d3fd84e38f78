using ILGPU;
using ILGPU.Runtime;

namespace Rom.Gpu.Neural;

/// <summary>
/// The two kernels of a spectral convolution on planar complex float arrays (real parts and imaginary parts in separate
/// views), one thread per output element, neighbouring threads on the fastest output index so reads coalesce.
/// </summary>
internal sealed class SpectralKernels
{
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, AxisLayout> axis;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ModeLayout> modes;

    public SpectralKernels(Accelerator accelerator)
    {
        axis = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, AxisLayout>(AxisKernel);
        modes = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ModeLayout>(ModeKernel);
    }

    /// <summary>
    /// out[p, m, q] = Σ_n A[m, n] in[p, n, q] for a complex matrix A (M × N, or its conjugate transpose when
    /// <see cref="AxisLayout.Adjoint"/> is set and a holds an N × M matrix); a real input has no imaginary view, a real
    /// output keeps the real part only. Launches without waiting.
    /// </summary>
    public void Axis(Planar a, Planar input, Planar output, AxisLayout layout) =>
        axis(layout.P * layout.M * layout.Q, a.Re, a.Im, input.Re, input.Im, output.Re, output.Im, layout);

    /// <summary>out[r, c, k] = Σ_s L[r, s, k]·R[s, c, k], either factor conjugated (<see cref="ModeLayout"/>). Launches without waiting.</summary>
    public void Modes(Planar left, Planar right, Planar output, ModeLayout layout) =>
        modes(layout.Rows * layout.Cols * layout.Modes, left.Re, left.Im, right.Re, right.Im, output.Re, output.Im, layout);

    private static void AxisKernel(Index1D t, ArrayView<float> aRe, ArrayView<float> aIm, ArrayView<float> inRe, ArrayView<float> inIm,
        ArrayView<float> outRe, ArrayView<float> outIm, AxisLayout g)
    {
        int q = t % g.Q, rest = t / g.Q;
        int m = rest % g.M, p = rest / g.M;
        float re = 0, im = 0, sign = g.Adjoint != 0 ? -1f : 1f;
        for (int n = 0; n < g.N; n++)
        {
            int at = g.Adjoint != 0 ? n * g.M + m : m * g.N + n, x = (p * g.N + n) * g.Q + q;
            float ar = aRe[at], ai = sign * aIm[at], xr = inRe[x];
            float xi = g.RealInput != 0 ? 0f : inIm[x];
            re += ar * xr - ai * xi;
            im += ar * xi + ai * xr;
        }
        outRe[t] = re;
        if (g.RealOutput == 0)
            outIm[t] = im;
    }

    private static void ModeKernel(Index1D t, ArrayView<float> lRe, ArrayView<float> lIm, ArrayView<float> rRe, ArrayView<float> rIm,
        ArrayView<float> outRe, ArrayView<float> outIm, ModeLayout g)
    {
        int k = t % g.Modes, rest = t / g.Modes;
        int c = rest % g.Cols, r = rest / g.Cols;
        float re = 0, im = 0, ls = g.ConjugateLeft != 0 ? -1f : 1f, rs = g.ConjugateRight != 0 ? -1f : 1f;
        for (int s = 0; s < g.Sum; s++)
        {
            int li = r * g.LeftRow + s * g.LeftSum + k, ri = s * g.RightSum + c * g.RightCol + k;
            float lr = lRe[li], lm = ls * lIm[li], rr = rRe[ri], rm = rs * rIm[ri];
            re += lr * rr - lm * rm;
            im += lr * rm + lm * rr;
        }
        outRe[t] = re;
        outIm[t] = im;
    }
}

/// <summary>A planar complex device array: real parts and imaginary parts (a real array uses its real view twice).</summary>
internal readonly record struct Planar(ArrayView<float> Re, ArrayView<float> Im)
{
    /// <summary>The first <paramref name="count"/> complex entries of a planar buffer: real parts at 0, imaginary parts at count.</summary>
    public static Planar Complex(ArrayView<float> buffer, int count) => new(buffer.SubView(0, count), buffer.SubView(count, count));

    /// <summary>The first <paramref name="count"/> entries of a real buffer.</summary>
    public static Planar Real(ArrayView<float> buffer, int count) => new(buffer.SubView(0, count), buffer.SubView(0, count));
}

/// <summary>
/// One matrix applied along an axis of an array seen as (P, N, Q), giving (P, M, Q); flags are 0 or 1 (see
/// <see cref="SpectralKernels.Axis"/>).
/// </summary>
internal readonly record struct AxisLayout(int P, int N, int M, int Q, int Adjoint, int RealInput, int RealOutput);

/// <summary>
/// A per-mode product out (Rows, Cols, Modes) summed over Sum: L[r, s, k] at r·LeftRow + s·LeftSum + k and R[s, c, k] at
/// s·RightSum + c·RightCol + k; the conjugation flags are 0 or 1.
/// </summary>
internal readonly record struct ModeLayout(int Rows, int Cols, int Sum, int Modes, int LeftRow, int LeftSum, int RightSum, int RightCol,
    int ConjugateLeft, int ConjugateRight);
