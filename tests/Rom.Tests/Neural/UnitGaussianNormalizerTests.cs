namespace Rom.Tests.Neural;

/// <summary>The per-channel statistics and the encode/decode round trip.</summary>
public class UnitGaussianNormalizerTests
{
    [Test]
    public void StatisticsPerChannelOverSamplesAndSpace()
    {
        // (2 samples, 2 channels, 2×2): channel 0 holds 1…8, channel 1 holds 10·(1…8).
        var data = new Tensor<double>([2, 2, 2, 2], [1, 2, 3, 4, 10, 20, 30, 40, 5, 6, 7, 8, 50, 60, 70, 80]);
        var normalizer = UnitGaussianNormalizer<double>.Fit(data);
        Assert.That(normalizer.Mean, Is.EqualTo(new[] { 4.5, 45 }).Within(1e-14));
        // Unbiased: Σ (i − 4.5)² = 42 over 7.
        Assert.That(normalizer.StandardDeviation, Is.EqualTo(new[] { Math.Sqrt(6), 10 * Math.Sqrt(6) }).Within(1e-13));
        Assert.That(normalizer.Epsilon, Is.EqualTo(1e-7));
    }

    [Test]
    public void EncodedDataIsStandardAndDecodeInvertsEncode()
    {
        var random = new Random(3);
        var data = new Tensor<double>([5, 3, 4, 6], [.. Enumerable.Range(0, 360).Select(i => 7 + (i % 3 + 1) * random.NextDouble())]);
        var normalizer = UnitGaussianNormalizer<double>.Fit(data);
        Tensor<double> encoded = normalizer.Encode(data);
        var again = UnitGaussianNormalizer<double>.Fit(encoded);
        Assert.That(again.Mean, Is.All.EqualTo(0).Within(1e-12));
        Assert.That(again.StandardDeviation, Is.All.EqualTo(1).Within(1e-6));
        Assert.That(normalizer.Decode(encoded).Data, Is.EqualTo(data.Data).Within(1e-12));
    }

    [Test]
    public void DecodeIsDifferentiable()
    {
        var normalizer = new UnitGaussianNormalizer<double>([1.0, -2.0], [3.0, 0.5], epsilon: 0);
        var tape = new Tape<double>();
        Variable<double> x = tape.Track(new Tensor<double>([1, 2, 3], [1, 2, 3, 4, 5, 6]));
        tape.Backward(Ops.Sum(normalizer.Decode(x)));
        Assert.That(x.Gradient.Data, Is.EqualTo(new[] { 3, 3, 3, 0.5, 0.5, 0.5 }));
    }

    [Test]
    public void RejectsChannelMismatch()
    {
        var normalizer = UnitGaussianNormalizer<float>.Fit(Tensor<float>.Zeros([2, 1, 3]));
        Assert.Throws<ArgumentException>(() => normalizer.Encode(Tensor<float>.Zeros([2, 2, 3])));
    }
}
