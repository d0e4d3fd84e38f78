using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Rom.Tensors;

/// <summary>
/// GELU(x) = x Φ(x) and its derivative Φ(x) + x φ(x). In float, SIMD with Abramowitz &amp; Stegun 7.1.26 for erf
/// (absolute error ≤ 1.5e-7, below float's resolution near 1), whose exp(−x²/2) is also φ's; in double, entry by entry
/// with the erf of <see cref="Erf"/>, so gradient checks see the exact function.
/// </summary>
internal static class GeluKernels
{
    private const float InvSqrt2 = 0.70710678118654752f, InvSqrt2Pi = 0.39894228040143268f;

    /// <summary>y = GELU(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Forward(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
            return;
        }
        T half = T.CreateTruncating(0.5), invSqrt2 = T.CreateTruncating(InvSqrt2);
        for (int i = 0; i < x.Length; i++)
            y[i] = half * x[i] * (T.One + Erf.Of(x[i] * invSqrt2));
    }

    /// <summary>gx += gy · GELU'(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gy, Span<T> gx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Backward(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(gy), MemoryMarshal.Cast<T, float>(gx));
            return;
        }
        T half = T.CreateTruncating(0.5), invSqrt2 = T.CreateTruncating(InvSqrt2), invSqrt2Pi = T.CreateTruncating(InvSqrt2Pi);
        for (int i = 0; i < x.Length; i++)
        {
            T v = x[i];
            gx[i] += gy[i] * (half * (T.One + Erf.Of(v * invSqrt2)) + v * invSqrt2Pi * T.Exp(-half * v * v));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(x[i..]);
            (0.5f * v * (Vector<float>.One + VectorErf(v * InvSqrt2, out _))).CopyTo(y[i..]);
        }
        for (; i < x.Length; i++)
            y[i] = 0.5f * x[i] * (1 + Erf.Of(x[i] * InvSqrt2));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> gy, Span<float> gx)
    {
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(x[i..]);
            Vector<float> erf = VectorErf(v * InvSqrt2, out Vector<float> gaussian);
            Vector<float> derivative = 0.5f * (Vector<float>.One + erf) + v * InvSqrt2Pi * gaussian;
            (new Vector<float>(gx[i..]) + new Vector<float>(gy[i..]) * derivative).CopyTo(gx[i..]);
        }
        for (; i < x.Length; i++)
        {
            float v = x[i];
            gx[i] += gy[i] * (0.5f * (1 + Erf.Of(v * InvSqrt2)) + v * InvSqrt2Pi * MathF.Exp(-0.5f * v * v));
        }
    }

    /// <summary>erf(u) by A&amp;S 7.1.26, and exp(−u²) on the side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector<float> VectorErf(Vector<float> u, out Vector<float> gaussian)
    {
        Vector<float> a = Vector.Abs(u);
        Vector<float> t = Vector<float>.One / (Vector<float>.One + Erf.P * a);
        Vector<float> poly = t * (new Vector<float>(Erf.A1) + t * (new Vector<float>(Erf.A2) + t * (new Vector<float>(Erf.A3) + t * (new Vector<float>(Erf.A4) + t * Erf.A5))));
        gaussian = ExpOfNonPositive(-(a * a));
        Vector<float> r = Vector<float>.One - poly * gaussian;
        return Vector.ConditionalSelect(Vector.LessThan(u, Vector<float>.Zero), -r, r);
    }

    /// <summary>
    /// e^x for x ≤ 0 in SIMD (Cephes' expf: x = n ln 2 + r with |r| ≤ ½ ln 2, a degree-5 polynomial for e^r, 2ⁿ put
    /// into the exponent bits; relative error ~1e-7), several times faster than <see cref="Vector.Exp(Vector{float})"/>;
    /// below −87 it returns 0 rather than a denormal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector<float> ExpOfNonPositive(Vector<float> x)
    {
        Vector<float> clamped = Vector.Max(x, new Vector<float>(-87f));
        Vector<float> n = Vector.Floor(clamped * 1.44269504088896341f + new Vector<float>(0.5f));
        Vector<float> r = clamped - n * 0.693359375f + n * 2.12194440e-4f;
        Vector<float> p = new Vector<float>(1.9875691500e-4f);
        p = p * r + new Vector<float>(1.3981999507e-3f);
        p = p * r + new Vector<float>(8.3334519073e-3f);
        p = p * r + new Vector<float>(4.1665795894e-2f);
        p = p * r + new Vector<float>(1.6666665459e-1f);
        p = p * r + new Vector<float>(5.0000001201e-1f);
        p = p * (r * r) + r + Vector<float>.One;
        Vector<int> bits = Vector.ShiftLeft(Vector.ConvertToInt32(n) + new Vector<int>(127), 23);
        Vector<float> result = p * Vector.AsVectorSingle(bits);
        return Vector.ConditionalSelect(Vector.LessThan(x, new Vector<float>(-87f)), Vector<float>.Zero, result);
    }
}
