using System.Numerics;
using static Rom.Tests.Tensors.GradientCheck;

namespace Rom.Tests.Tensors;

/// <summary>The truncated DFTs against the defining sums, computed naively here.</summary>
public class DftValueTests
{
    /// <summary>The frequency of kept index j on an axis: −⌊n/2⌋ + j, or j on the last axis.</summary>
    private static int Frequency(int j, int modes, bool last) => last ? j : j - modes / 2;

    [TestCase(new[] { 9 }, new[] { 6 })]
    [TestCase(new[] { 7, 10 }, new[] { 4, 6 })]
    [TestCase(new[] { 5, 6, 8 }, new[] { 3, 4, 4 })]
    public void ForwardIsTheDefiningSum(int[] size, int[] modes)
    {
        Tensor<double> x = Random([2, 1, .. size], 1);
        Tensor<double> z = Ops.RealDft(Tape<double>.Constant(x), modes).Value;
        int[] kept = Ops.KeptModes(modes);
        int d = size.Length, points = x.Count / 2, spectrum = z.Count / 2;
        for (int b = 0; b < 2; b++)
            for (int s = 0; s < spectrum; s++)
            {
                int[] k = Unravel(s, kept);
                Complex sum = 0;
                for (int p = 0; p < points; p++)
                {
                    int[] n = Unravel(p, size);
                    double phase = 0;
                    for (int a = 0; a < d; a++)
                        phase += (double)Frequency(k[a], modes[a], a == d - 1) * n[a] / size[a];
                    sum += x.Data[b * points + p] * Complex.Exp(new Complex(0, -2 * Math.PI * phase));
                }
                Assert.That(z.Real[b * spectrum + s], Is.EqualTo(sum.Real).Within(1e-10));
                Assert.That(z.Imaginary[b * spectrum + s], Is.EqualTo(sum.Imaginary).Within(1e-10));
            }
    }

    [TestCase(new[] { 9 }, new[] { 6 })]
    [TestCase(new[] { 8 }, new[] { 8 })]
    [TestCase(new[] { 7, 10 }, new[] { 4, 6 })]
    [TestCase(new[] { 6, 6, 8 }, new[] { 3, 4, 4 })]
    public void InverseRecoversABandLimitedField(int[] size, int[] modes)
    {
        // A real field built from kept frequencies comes back exactly, provided the kept set is closed under
        // negation: an even mode count n on a middle axis keeps −n/2 without +n/2, so that slice is zeroed.
        int[] kept = Ops.KeptModes(modes);
        Tensor<double> z = Random([1, 1, .. kept], 2, complex: true);
        for (int s = 0; s < z.Count; s++)
        {
            int rest = s / kept[^1];
            for (int a = kept.Length - 2; a >= 0; a--)
            {
                if (modes[a] % 2 == 0 && rest % kept[a] == 0)
                    z.Real[s] = z.Imaginary[s] = 0;
                rest /= kept[a];
            }
        }
        Tensor<double> field = Ops.InverseRealDft(Tape<double>.Constant(z), size).Value;
        Tensor<double> again = Ops.InverseRealDft(Ops.RealDft(Tape<double>.Constant(field), modes), size).Value;
        for (int i = 0; i < field.Count; i++)
            Assert.That(again.Data[i], Is.EqualTo(field.Data[i]).Within(1e-10));
        Assert.That(field.Data.Max(Math.Abs), Is.GreaterThan(1e-3));
    }

    [Test]
    public void InverseMatchesTheComplexToRealSum()
    {
        // y[n] = (1/N) Σ_k ẑ[k] e^{2πikn/N} over the full Hermitian spectrum, ẑ[N−k] = conj ẑ[k], imaginary parts of
        // k = 0 and N/2 dropped.
        int n = 8;
        Tensor<double> z = Random([1, 1, 5], 3, complex: true);
        double[] y = Ops.InverseRealDft(Tape<double>.Constant(z), [n]).Value.Data;
        for (int x = 0; x < n; x++)
        {
            Complex sum = 0;
            for (int k = 0; k < n; k++)
            {
                int j = k <= n / 2 ? k : n - k;
                Complex c = new(z.Real[j], k == 0 || k == n / 2 ? 0 : z.Imaginary[j]);
                if (k > n / 2) c = Complex.Conjugate(c);
                sum += c * Complex.Exp(new Complex(0, 2 * Math.PI * k * x / n));
            }
            Assert.That(y[x], Is.EqualTo(sum.Real / n).Within(1e-12));
        }
    }

    [Test]
    public void TooFewPointsForTheModesIsBadInput()
    {
        var x = Tape<double>.Constant(Tensor<double>.Zeros([1, 1, 8, 8]));
        var e = Assert.Throws<ArgumentException>(() => Ops.RealDft(x, [12, 12]));
        Assert.That(e!.Message, Does.Contain("too few for 12 modes"));
    }

    private static int[] Unravel(int index, int[] shape)
    {
        int[] result = new int[shape.Length];
        for (int a = shape.Length - 1; a >= 0; a--)
        {
            result[a] = index % shape[a];
            index /= shape[a];
        }
        return result;
    }
}
