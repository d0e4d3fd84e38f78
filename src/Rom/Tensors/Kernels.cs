using System.Runtime.CompilerServices;
using System.Numerics;

namespace Rom.Tensors;

/// <summary>Entrywise loops over flat arrays, SIMD through <see cref="Vector{T}"/>.</summary>
internal static class Kernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            (new Vector<T>(x[i..]) + new Vector<T>(y[i..])).CopyTo(z[i..]);
        for (; i < x.Length; i++)
            z[i] = x[i] + y[i];
    }

    /// <summary>z += x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddInPlace<T>(Span<T> z, ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T> => Add(z, x, z);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            (new Vector<T>(x[i..]) * new Vector<T>(y[i..])).CopyTo(z[i..]);
        for (; i < x.Length; i++)
            z[i] = x[i] * y[i];
    }

    /// <summary>z += x ⊙ y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd<T>(Span<T> z, ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            (new Vector<T>(z[i..]) + new Vector<T>(x[i..]) * new Vector<T>(y[i..])).CopyTo(z[i..]);
        for (; i < x.Length; i++)
            z[i] += x[i] * y[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale<T>(ReadOnlySpan<T> x, T s, Span<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        var vs = new Vector<T>(s);
        for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            (new Vector<T>(x[i..]) * vs).CopyTo(z[i..]);
        for (; i < x.Length; i++)
            z[i] = x[i] * s;
    }

    /// <summary>z += s·x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaleAdd<T>(Span<T> z, ReadOnlySpan<T> x, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        var vs = new Vector<T>(s);
        for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            (new Vector<T>(z[i..]) + new Vector<T>(x[i..]) * vs).CopyTo(z[i..]);
        for (; i < x.Length; i++)
            z[i] += x[i] * s;
    }

    /// <summary>z = x where x &gt; 0, else 0 (NaN gives 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Relu<T>(ReadOnlySpan<T> x, Span<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            var v = new Vector<T>(x[i..]);
            Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<T>.Zero), v, Vector<T>.Zero).CopyTo(z[i..]);
        }
        for (; i < x.Length; i++)
            z[i] = x[i] > T.Zero ? x[i] : T.Zero;
    }

    /// <summary>z += g where x &gt; 0 (ReLU's gradient).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddWherePositive<T>(Span<T> z, ReadOnlySpan<T> g, ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            (new Vector<T>(z[i..]) + Vector.ConditionalSelect(Vector.GreaterThan(new Vector<T>(x[i..]), Vector<T>.Zero), new Vector<T>(g[i..]), Vector<T>.Zero)).CopyTo(z[i..]);
        for (; i < x.Length; i++)
            if (x[i] > T.Zero)
                z[i] += g[i];
    }

    /// <summary>z += s for every entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScalar<T>(Span<T> z, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < z.Length; i++)
            z[i] += s;
    }

    /// <summary>Σ x, accumulated in double so long float sums do not drift.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Sum<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T v in x)
            sum += double.CreateTruncating(v);
        return T.CreateTruncating(sum);
    }

    /// <summary>Σ x², accumulated in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumOfSquares<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T v in x)
        {
            double d = double.CreateTruncating(v);
            sum += d * d;
        }
        return sum;
    }
}
