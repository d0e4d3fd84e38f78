using System.Numerics;
using Rom.Spectral;
using static Rom.Tests.Spectral.NaiveDft;

namespace Rom.Tests.Spectral;

public class RealFftPlanTests
{
    [TestCase(new[] { 1 }, 1)]
    [TestCase(new[] { 2 }, 3)]
    [TestCase(new[] { 7 }, 2)]
    [TestCase(new[] { 16 }, 1)]
    [TestCase(new[] { 30 }, 2)]
    [TestCase(new[] { 22 }, 1)]
    [TestCase(new[] { 12 }, 2)]     // half length 6: the middle frequency is split on its own
    [TestCase(new[] { 14 }, 1)]     // half length 7: the last pair of frequencies is its own mirror image
    [TestCase(new[] { 256 }, 2)]
    [TestCase(new[] { 5, 8 }, 2)]
    [TestCase(new[] { 6, 9 }, 1)]
    [TestCase(new[] { 3, 4, 10 }, 2)]
    [TestCase(new[] { 64, 64 }, 2)]
    public void HalfSpectrumMatchesTheComplexTransformAndRoundTrips(int[] shape, int batchCount)
    {
        var random = new Random(11);
        var plan = new RealFftPlan(shape, batchCount, maxThreads: 2);
        var x = Enumerable.Range(0, plan.Length * batchCount).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        var spectrum = new Complex[plan.SpectrumLength * batchCount];
        plan.Forward(x, spectrum);
        var full = Transform([.. x.Select(v => new Complex(v, 0))], shape, batchCount);
        Assert.That(RelativeError(spectrum, HalfOf(full, shape[^1])), Is.LessThan(1e-13));
        var back = new double[x.Length];
        plan.Inverse(spectrum, back);
        Assert.That(x.Zip(back, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(1e-14 * Math.Sqrt(plan.Length)));
    }

    [TestCase(FftNormalization.Backward)]
    [TestCase(FftNormalization.Ortho)]
    [TestCase(FftNormalization.Forward)]
    public void NormalizationsMatchTheComplexPlan(FftNormalization normalization)
    {
        int[] shape = [6, 10];
        var random = new Random(12);
        var x = Enumerable.Range(0, 60).Select(_ => random.NextDouble()).ToArray();
        var real = new RealFftPlan(shape);
        var spectrum = new Complex[real.SpectrumLength];
        real.Forward(x, spectrum, normalization);
        var full = new Complex[60];
        new FftPlan(shape).Forward([.. x.Select(v => new Complex(v, 0))], full, normalization);
        Assert.That(RelativeError(spectrum, HalfOf(full, 10)), Is.LessThan(1e-14));
        var back = new double[60];
        real.Inverse(spectrum, back, normalization);
        Assert.That(x.Zip(back, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(1e-14));
    }

    [TestCase(8)]
    [TestCase(9)]
    public void InverseIgnoresTheImaginaryPartsHermitianSymmetryFixes(int n)
    {
        // NumPy's irfft drops the imaginary parts of the zero frequency (and of Nyquist for even n).
        var random = new Random(13);
        var plan = new RealFftPlan([n]);
        var spectrum = RandomComplex(random, plan.SpectrumLength);
        var cleaned = (Complex[])spectrum.Clone();
        cleaned[0] = cleaned[0].Real;
        if (n % 2 == 0)
            cleaned[^1] = cleaned[^1].Real;
        var x = new double[n];
        plan.Inverse(spectrum, x);
        var full = new Complex[n];
        for (int k = 0; k < n; k++)
            full[k] = k < cleaned.Length ? cleaned[k] : Complex.Conjugate(cleaned[n - k]);
        var expected = Transform(full, forward: false).Select(v => v.Real / n).ToArray();
        Assert.That(x, Is.EqualTo(expected).Within(1e-14));
    }

    [Test]
    public void ThreadsGiveTheSameResult()
    {
        // 256 × 256 twice is large enough to split the rows (read from the input) and the column blocks over two threads.
        var random = new Random(14);
        int[] shape = [256, 256];
        var single = new RealFftPlan(shape, 2, maxThreads: 1);
        var threaded = new RealFftPlan(shape, 2, maxThreads: 2);
        var x = Enumerable.Range(0, 2 * single.Length).Select(_ => random.NextDouble() - 0.5).ToArray();
        var expected = new Complex[2 * single.SpectrumLength];
        var spectrum = new Complex[expected.Length];
        single.Forward(x, expected);
        threaded.Forward(x, spectrum);
        Assert.That(spectrum, Is.EqualTo(expected));
        var back = new double[x.Length];
        var threadedBack = new double[x.Length];
        single.Inverse(expected, back);
        threaded.Inverse(expected, threadedBack);
        Assert.That(threadedBack, Is.EqualTo(back));
        Assert.That(x.Zip(back, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(1e-13));
    }

    [Test]
    public void BadSpansNameTheParameter()
    {
        var plan = new RealFftPlan([8], 2);
        Assert.That(plan.SpectrumLength, Is.EqualTo(5));
        Assert.That(() => plan.Forward(new double[15], new Complex[10]), Throws.ArgumentException.With.Property("ParamName").EqualTo("input"));
        Assert.That(() => plan.Forward(new double[16], new Complex[9]), Throws.ArgumentException.With.Property("ParamName").EqualTo("output"));
        Assert.That(() => plan.Inverse(new Complex[10], new double[17]), Throws.ArgumentException.With.Property("ParamName").EqualTo("output"));
        Assert.That(() => new RealFftPlan([3, -1]), Throws.ArgumentException.With.Property("ParamName").EqualTo("shape"));
        Assert.That(new CpuFftProvider(1).CreateReal([4, 6]).SpectrumLength, Is.EqualTo(16));
    }

    /// <summary>The first n/2 + 1 entries of the last axis of each row of a full spectrum.</summary>
    private static Complex[] HalfOf(Complex[] full, int n) =>
        [.. Enumerable.Range(0, full.Length / n).SelectMany(row => full.Skip(row * n).Take(n / 2 + 1))];
}
