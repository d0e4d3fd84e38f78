using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// The error function for GELU: in double, MathNet's (Boost's rational approximations, to round-off), so gradient
/// checks see the exact function; in float, Abramowitz &amp; Stegun 7.1.26 (absolute error ≤ 1.5e-7, below float's
/// resolution near 1), several times faster.
/// </summary>
internal static class Erf
{
    public static T Of<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            return T.CreateTruncating(MathNet.Numerics.SpecialFunctions.Erf(double.CreateTruncating(x)));
        float v = float.CreateTruncating(x), a = MathF.Abs(v);
        float t = 1f / (1f + 0.3275911f * a);
        float poly = t * (0.254829592f + t * (-0.284496736f + t * (1.421413741f + t * (-1.453152027f + t * 1.061405429f))));
        float r = 1f - poly * MathF.Exp(-a * a);
        return T.CreateTruncating(v < 0 ? -r : r);
    }
}
