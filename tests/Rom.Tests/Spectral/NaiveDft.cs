using System.Numerics;

namespace Rom.Tests.Spectral;

/// <summary>The textbook O(n²) DFT, applied axis by axis for arrays: the independent reference for the FFT tests.</summary>
internal static class NaiveDft
{
    /// <summary>X_k = Σ_j x_j·exp(∓2πi·j·k/n) of one sequence (− forward, + inverse), unscaled.</summary>
    public static Complex[] Transform(IReadOnlyList<Complex> x, bool forward = true)
    {
        int n = x.Count;
        var roots = new Complex[n];
        for (int t = 0; t < n; t++)
            roots[t] = Complex.FromPolarCoordinates(1.0, (forward ? -2.0 : 2.0) * Math.PI * t / n);
        var result = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            Complex sum = 0;
            for (int j = 0; j < n; j++)
                sum += x[j] * roots[(int)((long)j * k % n)];
            result[k] = sum;
        }
        return result;
    }

    /// <summary>The unscaled multi-dimensional DFT of a batch of row-major arrays of <paramref name="shape"/>, axis by axis.</summary>
    public static Complex[] Transform(Complex[] data, int[] shape, int batchCount, bool forward = true)
    {
        var result = (Complex[])data.Clone();
        int length = shape.Aggregate(1, (a, b) => a * b);
        for (int axis = 0; axis < shape.Length; axis++)
        {
            int n = shape[axis], inner = shape.Skip(axis + 1).Aggregate(1, (a, b) => a * b);
            int outer = batchCount * length / (n * inner);
            for (int o = 0; o < outer; o++)
                for (int q = 0; q < inner; q++)
                {
                    var line = new Complex[n];
                    for (int j = 0; j < n; j++)
                        line[j] = result[o * n * inner + j * inner + q];
                    var transformed = Transform(line, forward);
                    for (int j = 0; j < n; j++)
                        result[o * n * inner + j * inner + q] = transformed[j];
                }
        }
        return result;
    }

    /// <summary>Random complex numbers with parts uniform in [−1, 1).</summary>
    public static Complex[] RandomComplex(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new Complex(2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1))];

    /// <summary>max |a − b| / max |b|.</summary>
    public static double RelativeError(IReadOnlyList<Complex> actual, IReadOnlyList<Complex> expected)
    {
        double difference = 0, scale = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            difference = Math.Max(difference, (actual[i] - expected[i]).Magnitude);
            scale = Math.Max(scale, expected[i].Magnitude);
        }
        return difference / Math.Max(scale, double.Epsilon);
    }
}
