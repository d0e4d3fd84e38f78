using System.Numerics;
using System.Runtime.InteropServices;

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

    private static void SameLength(int a, int b)
    {
        if (a != b)
            throw new ArgumentException($"Vector lengths differ: {a} and {b}.");
    }
}
