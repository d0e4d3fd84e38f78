using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using static Rom.Spectral.ComplexPairs;

namespace Rom.Spectral;

/// <summary>
/// A small forward DFT b_r = Σ_k a_k·exp(−2πi·r·k/p) of radix p, applied in place to p packed complex pairs
/// (two independent transforms at once, one per lane). The Stockham passes are generic over this interface so
/// the JIT compiles one specialised loop per radix.
/// </summary>
internal interface IButterfly
{
    /// <summary>The radix p.</summary>
    static abstract int Radix { get; }

    /// <summary>Replaces a[0..p) by its DFT.</summary>
    static abstract void Apply(Span<Vector256<double>> a);
}

/// <summary>Radix 2: b₀ = a₀ + a₁, b₁ = a₀ − a₁.</summary>
internal readonly struct Radix2 : IButterfly
{
    public static int Radix => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(Span<Vector256<double>> a)
    {
        var a0 = a[0];
        var a1 = a[1];
        a[0] = a0 + a1;
        a[1] = a0 - a1;
    }
}

/// <summary>Radix 4 as two levels of radix 2 with the −i rotation.</summary>
internal readonly struct Radix4 : IButterfly
{
    public static int Radix => 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(Span<Vector256<double>> a)
    {
        var t0 = a[0] + a[2];
        var t1 = a[0] - a[2];
        var t2 = a[1] + a[3];
        var t3 = TimesMinusI(a[1] - a[3]);
        a[0] = t0 + t2;
        a[1] = t1 + t3;
        a[2] = t0 - t2;
        a[3] = t1 - t3;
    }
}

/// <summary>Radix 3 with ω = exp(−2πi/3): b₁,₂ = a₀ − ½(a₁ + a₂) ∓ i·(√3/2)(a₁ − a₂).</summary>
internal readonly struct Radix3 : IButterfly
{
    public static int Radix => 3;

    private const double Sin60 = 0.86602540378443864676;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(Span<Vector256<double>> a)
    {
        var sum = a[1] + a[2];
        var t = a[0] - sum * 0.5;
        var u = TimesMinusI(a[1] - a[2]) * Sin60;
        a[0] += sum;
        a[1] = t + u;
        a[2] = t - u;
    }
}

/// <summary>Radix 5 through the symmetric sums a₁ ± a₄, a₂ ± a₃ and cos/sin of 2π/5 and 4π/5.</summary>
internal readonly struct Radix5 : IButterfly
{
    public static int Radix => 5;

    private const double C1 = 0.30901699437494742410;   // cos(2π/5)
    private const double C2 = -0.80901699437494742410;  // cos(4π/5)
    private const double S1 = 0.95105651629515357212;   // sin(2π/5)
    private const double S2 = 0.58778525229247312917;   // sin(4π/5)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(Span<Vector256<double>> a)
    {
        var t1 = a[1] + a[4];
        var t2 = a[2] + a[3];
        var t3 = TimesMinusI(a[1] - a[4]);
        var t4 = TimesMinusI(a[2] - a[3]);
        var r1 = a[0] + t1 * C1 + t2 * C2;
        var r2 = a[0] + t1 * C2 + t2 * C1;
        var i1 = t3 * S1 + t4 * S2;
        var i2 = t3 * S2 - t4 * S1;
        a[0] += t1 + t2;
        a[1] = r1 + i1;
        a[4] = r1 - i1;
        a[2] = r2 + i2;
        a[3] = r2 - i2;
    }
}
