using System.Numerics;
using Rom.Spectral;
using static Rom.Tests.Spectral.NaiveDft;

namespace Rom.Tests.Spectral;

public class FftPlanTests
{
    [Test]
    public void EveryLengthUpTo64MatchesTheNaiveDft()
    {
        var random = new Random(1);
        for (int n = 1; n <= 64; n++)
        {
            var x = RandomComplex(random, n);
            var y = new Complex[n];
            new FftPlan([n], maxThreads: 1).Forward(x, y);
            Assert.That(RelativeError(y, Transform(x)), Is.LessThan(1e-14 * (4 + n)), $"n = {n}");
        }
    }

    [Test]
    public void RandomLengthsUpTo4096MatchTheNaiveDftAndRoundTrip()
    {
        // Seeded random lengths: powers of two, smooth composites and primes (Bluestein) all turn up. Above 512 points
        // 32 random frequencies are checked against the O(n) sum each, keeping the test fast.
        var random = new Random(2026);
        for (int trial = 0; trial < 60; trial++)
        {
            int n = random.Next(1, 4097);
            var x = RandomComplex(random, n);
            var plan = new FftPlan([n], maxThreads: 1);
            var y = new Complex[n];
            plan.Forward(x, y);
            int[] bins = n <= 512 ? [.. Enumerable.Range(0, n)] : [.. Enumerable.Range(0, 32).Select(_ => random.Next(n))];
            double scale = y.Max(v => v.Magnitude);
            foreach (int k in bins)
                Assert.That((y[k] - Bin(x, k)).Magnitude, Is.LessThan(1e-12 * scale), $"n = {n}, k = {k}");
            var back = new Complex[n];
            plan.Inverse(y, back);
            Assert.That(RelativeError(back, x), Is.LessThan(1e-13), $"round trip n = {n}");
        }
    }

    [Test]
    public void BluesteinAgreesWithMixedRadixOnLongSmoothLengths()
    {
        var random = new Random(3);
        foreach (int n in new[] { 4096, 3 * 5 * 4 * 64, 3125, 6561 })
        {
            var x = RandomComplex(random, n);
            var mixed = new Complex[n];
            new FftPlan([n], maxThreads: 1).Forward(x, mixed);
            var bluestein = new BluesteinTransform(n);
            var data = Interleave(x);
            bluestein.Forward(data, 1, new double[bluestein.WorkLength(1)]);
            Assert.That(RelativeError(Deinterleave(data), mixed), Is.LessThan(1e-13), $"n = {n}");
        }
    }

    [TestCase(new[] { 6, 10 }, 2)]
    [TestCase(new[] { 16, 12 }, 1)]
    [TestCase(new[] { 7, 8, 9 }, 2)]
    [TestCase(new[] { 4, 4, 13 }, 3)]
    [TestCase(new[] { 2, 3, 2, 5 }, 1)]
    [TestCase(new[] { 1, 11, 1 }, 2)]
    public void MultiDimensionalTransformsMatchTheSeparableNaiveDft(int[] shape, int batchCount)
    {
        var random = new Random(4);
        int length = shape.Aggregate(1, (a, b) => a * b);
        var x = RandomComplex(random, length * batchCount);
        var plan = new FftPlan(shape, batchCount, maxThreads: 1);
        var y = new Complex[x.Length];
        plan.Forward(x, y);
        Assert.That(RelativeError(y, Transform(x, shape, batchCount)), Is.LessThan(1e-13));
        var back = new Complex[x.Length];
        plan.Inverse(y, back);
        Assert.That(RelativeError(back, x), Is.LessThan(1e-14));
    }

    [Test]
    public void LargeColumnBlocksAndThreadsGiveTheSameResult()
    {
        // Columns of 64 × 200 and 256 × 160 are gathered in blocks; [3, 40, 100] has an odd-sized middle axis;
        // 256 × 160 is large enough to be split over two threads.
        var random = new Random(5);
        foreach (var shape in new[] { new[] { 64, 200 }, new[] { 3, 40, 100 }, new[] { 256, 160 } })
        {
            int length = shape.Aggregate(1, (a, b) => a * b);
            var x = RandomComplex(random, 2 * length);
            var single = new Complex[x.Length];
            var threaded = new Complex[x.Length];
            new FftPlan(shape, 2, maxThreads: 1).Forward(x, single);
            new FftPlan(shape, 2, maxThreads: 2).Forward(x, threaded);
            Assert.That(threaded.SequenceEqual(single), Is.True, "threads changed the result");
            if (length < 20000)
                Assert.That(RelativeError(single, Transform(x, shape, 2)), Is.LessThan(1e-13), string.Join("×", shape));
        }
    }

    [TestCase(new[] { 13, 700 })]   // Bluestein columns: gathered into scratch and scattered back
    [TestCase(new[] { 32, 301 })]   // radices 8 and 4 over blocks of 256 columns and an odd remainder of 45
    [TestCase(new[] { 40, 257 })]   // radices 8 and 5, an odd remainder of 53
    [TestCase(new[] { 6, 2001 })]   // radices 2 and 3, an odd remainder of 637
    [TestCase(new[] { 4, 3001 })]   // one radix-4 pass reading and writing the array in place
    public void ColumnBlocksMatchTheNaiveDft(int[] shape)
    {
        // Leading axes wider than one block are transformed a block of columns at a time, the first and last passes
        // reading and writing the array where the columns lie.
        var x = RandomComplex(new Random(12), shape[0] * shape[1]);
        var plan = new FftPlan(shape, maxThreads: 1);
        var y = new Complex[x.Length];
        plan.Forward(x, y);
        Assert.That(RelativeError(y, Transform(x, shape, 1)), Is.LessThan(1e-13));
        var back = new Complex[x.Length];
        plan.Inverse(y, back);
        Assert.That(RelativeError(back, x), Is.LessThan(1e-14));
    }

    [Test]
    public void TransformsInPlaceLikeOutOfPlace()
    {
        var x = RandomComplex(new Random(6), 3 * 60);
        var plan = new FftPlan([60], 3);
        var expected = new Complex[x.Length];
        plan.Inverse(x, expected, FftNormalization.Ortho);
        var data = (Complex[])x.Clone();
        plan.Inverse(data, data, FftNormalization.Ortho);
        Assert.That(data, Is.EqualTo(expected));
    }

    [TestCase(FftNormalization.Backward, 1.0, 1.0 / 360)]
    [TestCase(FftNormalization.Ortho, 0.052704627669472988, 0.052704627669472988)]
    [TestCase(FftNormalization.Forward, 1.0 / 360, 1.0)]
    public void NormalizationScalesLikeNumPy(FftNormalization normalization, double forwardScale, double inverseScale)
    {
        int[] shape = [12, 30];
        var x = RandomComplex(new Random(7), 360);
        var plan = new FftPlan(shape);
        var y = new Complex[360];
        plan.Forward(x, y, normalization);
        var expected = Transform(x, shape, 1).Select(v => v * forwardScale).ToArray();
        Assert.That(RelativeError(y, expected), Is.LessThan(1e-14));
        var z = new Complex[360];
        plan.Inverse(x, z, normalization);
        var expectedInverse = Transform(x, shape, 1, forward: false).Select(v => v * inverseScale).ToArray();
        Assert.That(RelativeError(z, expectedInverse), Is.LessThan(1e-14));
    }

    [Test]
    public void ParsevalAndLinearityHold()
    {
        var random = new Random(8);
        var plan = new FftPlan([17, 24]);
        var x = RandomComplex(random, plan.Length);
        var u = RandomComplex(random, plan.Length);
        var fx = new Complex[x.Length];
        var fu = new Complex[x.Length];
        plan.Forward(x, fx, FftNormalization.Ortho);
        plan.Forward(u, fu, FftNormalization.Ortho);
        double energy = x.Sum(v => v.Magnitude * v.Magnitude), spectral = fx.Sum(v => v.Magnitude * v.Magnitude);
        Assert.That(spectral, Is.EqualTo(energy).Within(1e-12).Percent);
        var alpha = new Complex(0.3, -1.7);
        var combined = x.Zip(u, (a, b) => alpha * a + b).ToArray();
        var fc = new Complex[x.Length];
        plan.Forward(combined, fc, FftNormalization.Ortho);
        Assert.That(RelativeError(fc, fx.Zip(fu, (a, b) => alpha * a + b).ToArray()), Is.LessThan(1e-14));
    }

    [Test]
    public void BadShapesAndSpansNameTheParameter()
    {
        Assert.That(() => new FftPlan([]), Throws.ArgumentException.With.Property("ParamName").EqualTo("shape"));
        Assert.That(() => new FftPlan([4, 0]), Throws.ArgumentException.With.Property("ParamName").EqualTo("shape")
            .And.Message.Contains("Axis 1 has extent 0"));
        Assert.That(() => new FftPlan([4], 0), Throws.ArgumentException.With.Property("ParamName").EqualTo("batchCount"));
        var plan = new FftPlan([4], 2);
        Assert.That(() => plan.Forward(new Complex[7], new Complex[8]), Throws.ArgumentException.With.Property("ParamName").EqualTo("input"));
        Assert.That(() => plan.Inverse(new Complex[8], new Complex[9]), Throws.ArgumentException.With.Property("ParamName").EqualTo("output"));
        var shared = new Complex[9];
        Assert.That(() => plan.Forward(shared.AsSpan(0, 8), shared.AsSpan(1, 8)), Throws.ArgumentException.With.Property("ParamName").EqualTo("output"));
    }

    internal static double[] Interleave(Complex[] x) => [.. x.SelectMany(v => new[] { v.Real, v.Imaginary })];

    internal static Complex[] Deinterleave(double[] d) => [.. Enumerable.Range(0, d.Length / 2).Select(i => new Complex(d[2 * i], d[2 * i + 1]))];
}
