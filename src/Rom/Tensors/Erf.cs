using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// The error function for GELU: in double, MathNet's (Boost's rational approximations, to round-off), so gradient
/// checks see the exact function; in float, Abramowitz &amp; Stegun 7.1.26 (absolute error ≤ 1.5e-7, below float's
/// resolution near 1), several times faster.
/// </summary>
internal static class Erf
{
    /// <summary>The constants of A&amp;S 7.1.26: erf(a) ≈ 1 − t(A1 + t(A2 + t(A3 + t(A4 + t A5)))) e^{−a²}, t = 1/(1 + P a).</summary>
    public const float P = 0.3275911f, A1 = 0.254829592f, A2 = -0.284496736f, A3 = 1.421413741f, A4 = -1.453152027f, A5 = 1.061405429f;

    public static T Of<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            return T.CreateTruncating(MathNet.Numerics.SpecialFunctions.Erf(double.CreateTruncating(x)));
        float v = float.CreateTruncating(x), a = MathF.Abs(v);
        float t = 1f / (1f + P * a);
        float poly = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
        float r = 1f - poly * MathF.Exp(-a * a);
        return T.CreateTruncating(v < 0 ? -r : r);
    }
}
