namespace Rom.TestSupport;

/// <summary>Comparisons of float arrays in the max norm.</summary>
internal static class MaxNorm
{
    /// <summary>max |a − b| / max |b|, after asserting equal lengths.</summary>
    public static double RelativeError(float[] actual, float[] expected)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length));
        double error = 0, scale = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            error = Math.Max(error, Math.Abs(actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }
        return error / scale;
    }
}
