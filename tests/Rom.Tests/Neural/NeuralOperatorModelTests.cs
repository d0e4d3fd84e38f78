namespace Rom.Tests.Neural;

public class NeuralOperatorModelTests
{
    private static NeuralOperatorModel Model() =>
        new(new Fno<float>(new FnoOptions { HiddenChannels = 8, Modes = [4, 4], Layers = 2, Seed = 1 }),
            new UnitGaussianNormalizer<float>([0.5f], [0.25f]), new UnitGaussianNormalizer<float>([2f], [3f]));

    private static float[,,] Inputs(int seed, int samples, int n)
    {
        var random = new Random(seed);
        var x = new float[samples, n, n];
        for (int s = 0; s < samples; s++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    x[s, i, j] = random.Next(2);
        return x;
    }

    [Test]
    public void ConcurrentPredictions_EqualSerialOnes()
    {
        var model = Model();
        var inputs = Enumerable.Range(0, 8).Select(i => Inputs(i, 3, 12 + i % 3)).ToArray();
        var serial = inputs.Select(model.Predict).ToArray();
        var concurrent = new float[8][,,];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i] = model.Predict(inputs[i]));
        for (int i = 0; i < 8; i++)
            Assert.That(concurrent[i], Is.EqualTo(serial[i]), $"prediction {i}");
    }

    [Test]
    public void Predict_EncodesRunsAndDecodes()
    {
        var model = Model();
        var x = Inputs(5, 2, 10);
        var data = new float[x.Length];
        Buffer.BlockCopy(x, 0, data, 0, data.Length * sizeof(float));
        var encoded = model.InputNormalizer!.Encode(new Tensor<float>([2, 1, 10, 10], data));
        var raw = model.Network.Forward(Tape<float>.Constant(encoded), tape: null).Value;
        var expected = model.OutputNormalizer!.Decode(raw);
        var y = model.Predict(x);
        var flat = new float[y.Length];
        Buffer.BlockCopy(y, 0, flat, 0, flat.Length * sizeof(float));
        Assert.That(flat, Is.EqualTo(expected.Data));
        Assert.That(encoded.Data[0], Is.EqualTo((data[0] - 0.5f) / (0.25f + 1e-7f)));
    }

    [Test]
    public void NormalizerRoundTrip_AndChannelChecks()
    {
        var n = new UnitGaussianNormalizer<float>([1f, -2f], [2f, 0.5f]);
        var x = new Tensor<float>([1, 2, 3], [1, 2, 3, 4, 5, 6]);
        Assert.That(n.Decode(n.Encode(x)).Data, Is.EqualTo(x.Data).Within(1e-5f));
        Assert.Throws<ArgumentException>(() => n.Encode(new Tensor<float>([1, 3, 2], new float[6])));
        Assert.Throws<ArgumentException>(() => new NeuralOperatorModel(new Fno<float>(new FnoOptions { Modes = [2, 2], HiddenChannels = 2, Layers = 1 }), n));
    }
}
