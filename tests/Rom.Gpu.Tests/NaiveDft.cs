namespace Rom.Gpu.Tests;

/// <summary>The textbook O(N²) multi-dimensional DFT, X[k] = Σ_j x[j]·exp(sign·2πi·Σ_a j_a k_a / n_a), unscaled.</summary>
internal static class NaiveDft
{
    public static Complex[] Transform(Complex[] x, int[] shape, int batchCount, int sign)
    {
        int length = shape.Aggregate(1, (p, n) => p * n);
        var result = new Complex[x.Length];
        for (int b = 0; b < batchCount; b++)
        {
            for (int k = 0; k < length; k++)
            {
                var kIndex = Unravel(k, shape);
                Complex sum = 0;
                for (int j = 0; j < length; j++)
                {
                    var jIndex = Unravel(j, shape);
                    double phase = 0;
                    for (int a = 0; a < shape.Length; a++)
                        phase += (double)((long)jIndex[a] * kIndex[a] % shape[a]) / shape[a];
                    sum += x[b * length + j] * Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * phase);
                }
                result[b * length + k] = sum;
            }
        }
        return result;
    }

    private static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (int a = shape.Length - 1; a >= 0; a--)
        {
            index[a] = flat % shape[a];
            flat /= shape[a];
        }
        return index;
    }
}

/// <summary>Seeded random test data.</summary>
internal static class RandomData
{
    public static double[] Reals(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => 2 * random.NextDouble() - 1)];
    }

    public static Complex[] Complexes(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new Complex(2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1))];
    }

    /// <summary>max_k |a_k − b_k| / max_k |b_k|.</summary>
    public static double RelativeError(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        double diff = 0, scale = 0;
        for (int k = 0; k < a.Length; k++)
        {
            diff = Math.Max(diff, (a[k] - b[k]).Magnitude);
            scale = Math.Max(scale, b[k].Magnitude);
        }
        return diff / scale;
    }

    /// <summary>max_k |a_k − b_k| / max_k |b_k|.</summary>
    public static double RelativeError(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double diff = 0, scale = 0;
        for (int k = 0; k < a.Length; k++)
        {
            diff = Math.Max(diff, Math.Abs(a[k] - b[k]));
            scale = Math.Max(scale, Math.Abs(b[k]));
        }
        return diff / scale;
    }
}
