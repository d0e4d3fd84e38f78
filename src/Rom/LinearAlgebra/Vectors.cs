using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rom.LinearAlgebra;

/// <summary>BLAS-1 kernels on spans (SIMD through <see cref="Vector{T}"/>) used by the solvers and reductors.</summary>
public static class Vectors
{
    /// <summary>Returns xᵀy.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        SameLength(x.Length, y.Length);
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        // Four independent accumulators hide the add latency; one chain would run at a quarter of the FMA rate.
        Vector<double> acc0 = Vector<double>.Zero, acc1 = acc0, acc2 = acc0, acc3 = acc0;
        int k = 0;
        for (; k <= vx.Length - 4; k += 4)
        {
            acc0 += vx[k] * vy[k];
            acc1 += vx[k + 1] * vy[k + 1];
            acc2 += vx[k + 2] * vy[k + 2];
            acc3 += vx[k + 3] * vy[k + 3];
        }
        for (; k < vx.Length; k++)
            acc0 += vx[k] * vy[k];
        double sum = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
        for (int i = vx.Length * Vector<double>.Count; i < x.Length; i++)
            sum += x[i] * y[i];
        return sum;
    }

    /// <summary>Returns the Euclidean norm ‖x‖₂.</summary>
    public static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(Dot(x, x));

    /// <summary>Computes y ← a x + y.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        SameLength(x.Length, y.Length);
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var va = new Vector<double>(a);
        for (int i = 0; i < vx.Length; i++)
            vy[i] += va * vx[i];
        for (int i = vx.Length * Vector<double>.Count; i < x.Length; i++)
            y[i] += a * x[i];
    }

    /// <summary>Computes y ← x + b y (the search-direction update of CG).</summary>
    public static void Xpby(ReadOnlySpan<double> x, double b, Span<double> y)
    {
        SameLength(x.Length, y.Length);
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var vb = new Vector<double>(b);
        for (int i = 0; i < vx.Length; i++)
            vy[i] = vx[i] + vb * vy[i];
        for (int i = vx.Length * Vector<double>.Count; i < x.Length; i++)
            y[i] = x[i] + b * y[i];
    }

    /// <summary>Returns true when every entry is finite (no NaN, no infinity).</summary>
    public static bool AllFinite(ReadOnlySpan<double> x)
    {
        foreach (double v in x)
            if (!double.IsFinite(v))
                return false;
        return true;
    }

    /// <summary>
    /// The four dot products x·r₀ … x·r₃ over the length of x (each r at least as long), sharing every load of x, in
    /// double or single precision: the kernel of the sketched residual norm, where one vector meets many rows, and of
    /// the packed Cholesky's back substitution, four columns at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (T, T, T, T) Dot4<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> r0, ReadOnlySpan<T> r1, ReadOnlySpan<T> r2, ReadOnlySpan<T> r3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = x.Length, k = 0;
        if (r0.Length < length || r1.Length < length || r2.Length < length || r3.Length < length)
            throw new ArgumentException($"A row is shorter than the vector ({length}).");
        T d0 = T.Zero, d1 = T.Zero, d2 = T.Zero, d3 = T.Zero;
        if (Vector256.IsHardwareAccelerated && length >= Vector256<T>.Count)
        {
            ref T xs = ref MemoryMarshal.GetReference(x);
            ref T a0 = ref MemoryMarshal.GetReference(r0), a1 = ref MemoryMarshal.GetReference(r1);
            ref T a2 = ref MemoryMarshal.GetReference(r2), a3 = ref MemoryMarshal.GetReference(r3);
            var s0 = Vector256<T>.Zero;
            var (s1, s2, s3) = (s0, s0, s0);
            for (; k <= length - Vector256<T>.Count; k += Vector256<T>.Count)
            {
                var v = Vector256.LoadUnsafe(ref xs, (nuint)k);
                s0 = MultiplyAdd(v, Vector256.LoadUnsafe(ref a0, (nuint)k), s0);
                s1 = MultiplyAdd(v, Vector256.LoadUnsafe(ref a1, (nuint)k), s1);
                s2 = MultiplyAdd(v, Vector256.LoadUnsafe(ref a2, (nuint)k), s2);
                s3 = MultiplyAdd(v, Vector256.LoadUnsafe(ref a3, (nuint)k), s3);
            }
            (d0, d1, d2, d3) = (Vector256.Sum(s0), Vector256.Sum(s1), Vector256.Sum(s2), Vector256.Sum(s3));
        }
        for (; k < length; k++)
        {
            d0 += x[k] * r0[k];
            d1 += x[k] * r1[k];
            d2 += x[k] * r2[k];
            d3 += x[k] * r3[k];
        }
        return (d0, d1, d2, d3);
    }

    /// <summary>a b + c in one rounding where the hardware has it, for either element type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<T> MultiplyAdd<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
            return Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return a * b + c;
    }

    private static void SameLength(int a, int b)
    {
        if (a != b)
            throw new ArgumentException($"Vector lengths differ: {a} and {b}.");
    }
}
