using System.Numerics;

namespace Rom.Bench;

/// <summary>How closely a benchmark's result agrees with its reference.</summary>
public static class Agreement
{
    /// <summary>max |actual − expected| / max |expected| over the entries.</summary>
    public static double MaxRelativeDifference<T>(T[] actual, T[] expected) where T : INumberBase<T>
    {
        double diff = 0, scale = 0;
        for (int k = 0; k < actual.Length; k++)
        {
            diff = Math.Max(diff, double.CreateChecked(T.Abs(actual[k] - expected[k])));
            scale = Math.Max(scale, double.CreateChecked(T.Abs(expected[k])));
        }
        return diff / scale;
    }
}
