using System.Runtime.CompilerServices;
using System.Numerics;

namespace Rom.Tensors;

/// <summary>Complex loops over planar arrays (real parts at [offset, …), imaginary parts a plane further).</summary>
internal static class ComplexKernels
{
    /// <summary>
    /// c[k] += op(a[k]) · b[k] for k in [0, length), op the identity or the complex conjugate; a, b, c are planar arrays
    /// with planes of aPlane, bPlane, cPlane entries, read from the given offsets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd<T>(T[] a, int aOffset, int aPlane, T[] b, int bOffset, int bPlane,
        T[] c, int cOffset, int cPlane, int length, bool conjugateFirst) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> ar = a.AsSpan(aOffset, length), ai = a.AsSpan(aPlane + aOffset, length);
        ReadOnlySpan<T> br = b.AsSpan(bOffset, length), bi = b.AsSpan(bPlane + bOffset, length);
        Span<T> cr = c.AsSpan(cOffset, length), ci = c.AsSpan(cPlane + cOffset, length);
        int k = 0;
        if (conjugateFirst)
        {
            for (; k <= length - Vector<T>.Count; k += Vector<T>.Count)
            {
                Vector<T> xr = new(ar[k..]), xi = new(ai[k..]), yr = new(br[k..]), yi = new(bi[k..]);
                (new Vector<T>(cr[k..]) + xr * yr + xi * yi).CopyTo(cr[k..]);
                (new Vector<T>(ci[k..]) + xr * yi - xi * yr).CopyTo(ci[k..]);
            }
            for (; k < length; k++)
            {
                cr[k] += ar[k] * br[k] + ai[k] * bi[k];
                ci[k] += ar[k] * bi[k] - ai[k] * br[k];
            }
            return;
        }
        for (; k <= length - Vector<T>.Count; k += Vector<T>.Count)
        {
            Vector<T> xr = new(ar[k..]), xi = new(ai[k..]), yr = new(br[k..]), yi = new(bi[k..]);
            (new Vector<T>(cr[k..]) + xr * yr - xi * yi).CopyTo(cr[k..]);
            (new Vector<T>(ci[k..]) + xr * yi + xi * yr).CopyTo(ci[k..]);
        }
        for (; k < length; k++)
        {
            cr[k] += ar[k] * br[k] - ai[k] * bi[k];
            ci[k] += ar[k] * bi[k] + ai[k] * br[k];
        }
    }
}
