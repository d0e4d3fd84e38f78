using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rom.Spectral;

/// <summary>
/// Arithmetic on two complex numbers packed in one <see cref="Vector256{T}"/> as (re₀, im₀, re₁, im₁), the
/// layout of two consecutive <see cref="System.Numerics.Complex"/> values. Uses AVX/FMA where the processor has
/// them and the portable vector operations otherwise.
/// </summary>
internal static class ComplexPairs
{
    private static readonly Vector256<double> NegateReal = Vector256.Create(-1.0, 1.0, -1.0, 1.0);
    private static readonly Vector256<double> NegateImaginary = Vector256.Create(1.0, -1.0, 1.0, -1.0);

    /// <summary>(re, im) → (im, re) in each complex lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SwapParts(Vector256<double> v) =>
        Avx.IsSupported ? Avx.Permute(v, 0b0101) : Vector256.Shuffle(v, Vector256.Create(1L, 0, 3, 2));

    /// <summary>The two complex lanes in reverse order: (re₁, im₁, re₀, im₀).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SwapLanes(Vector256<double> v) =>
        Avx.IsSupported ? Avx.Permute2x128(v, v, 1) : Vector256.Create(v.GetUpper(), v.GetLower());

    /// <summary>Real parts broadcast over each lane: (re₀, re₀, re₁, re₁).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> RealParts(Vector256<double> v) =>
        Avx.IsSupported ? Avx.Permute(v, 0b0000) : Vector256.Shuffle(v, Vector256.Create(0L, 0, 2, 2));

    /// <summary>Imaginary parts broadcast over each lane: (im₀, im₀, im₁, im₁).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ImaginaryParts(Vector256<double> v) =>
        Avx.IsSupported ? Avx.Permute(v, 0b1111) : Vector256.Shuffle(v, Vector256.Create(1L, 1, 3, 3));

    /// <summary>v·(wr + i·wi) lane by lane, where wr and wi hold each lane's factor duplicated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> v, Vector256<double> wr, Vector256<double> wi) =>
        Fma.IsSupported
            ? Fma.MultiplyAddSubtract(v, wr, SwapParts(v) * wi)
            : v * wr + SwapParts(v) * wi * NegateReal;

    /// <summary>v·w lane by lane for packed factors w = (wr₀, wi₀, wr₁, wi₁).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> v, Vector256<double> w) =>
        Multiply(v, RealParts(w), ImaginaryParts(w));

    /// <summary>−i·v: (re, im) → (im, −re).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> TimesMinusI(Vector256<double> v) => SwapParts(v) * NegateImaginary;

    /// <summary>The complex conjugate of both lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Conjugate(Vector256<double> v) => v * NegateImaginary;

    /// <summary>Loads complex number <paramref name="index"/> into the lower lane (upper lane zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LoadOne(ref double data, int index) =>
        Vector256.Create(Vector128.LoadUnsafe(ref data, (nuint)(2 * index)), Vector128<double>.Zero);

    /// <summary>Loads complex numbers <paramref name="index"/> and <paramref name="index"/> + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LoadTwo(ref double data, int index) => Vector256.LoadUnsafe(ref data, (nuint)(2 * index));

    /// <summary>Stores the lower lane as complex number <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLower(Vector256<double> v, ref double data, int index) =>
        v.GetLower().StoreUnsafe(ref data, (nuint)(2 * index));

    /// <summary>Stores the upper lane as complex number <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUpper(Vector256<double> v, ref double data, int index) =>
        v.GetUpper().StoreUnsafe(ref data, (nuint)(2 * index));

    /// <summary>Stores both lanes as complex numbers <paramref name="index"/> and <paramref name="index"/> + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreTwo(Vector256<double> v, ref double data, int index) => v.StoreUnsafe(ref data, (nuint)(2 * index));

    /// <summary>
    /// destination = source with real parts times <paramref name="realFactor"/> and imaginary parts times
    /// <paramref name="imaginaryFactor"/>: a copy, a conjugate, a scaling or a scaled conjugate in one pass.
    /// The spans may be the same memory.
    /// </summary>
    public static void ScaleParts(ReadOnlySpan<double> source, Span<double> destination, double realFactor, double imaginaryFactor)
    {
        var factors = Vector256.Create(realFactor, imaginaryFactor, realFactor, imaginaryFactor);
        ref double src = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(source);
        ref double dst = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i + 4 <= source.Length; i += 4)
            (Vector256.LoadUnsafe(ref src, (nuint)i) * factors).StoreUnsafe(ref dst, (nuint)i);
        for (; i < source.Length; i += 2)
        {
            destination[i] = source[i] * realFactor;
            destination[i + 1] = source[i + 1] * imaginaryFactor;
        }
    }
}
