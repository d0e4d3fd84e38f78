using static Rom.Tests.Tensors.GradientCheck;

namespace Rom.Tests.Neural;

/// <summary>The whole FNO's parameter gradient against central differences in double (relative error &lt; 1e-6).</summary>
public class FnoGradientTests
{
    [TestCase(new[] { 4 }, new[] { 10 }, 0.0, true)]
    [TestCase(new[] { 4, 4 }, new[] { 8, 7 }, 0.25, true)]
    [TestCase(new[] { 4, 4 }, new[] { 8, 8 }, 0.0, false)]
    [TestCase(new[] { 2, 2, 4 }, new[] { 4, 5, 6 }, 0.0, true)]
    public void ParameterGradientMatchesFiniteDifferences(int[] modes, int[] size, double padding, bool channelMlp)
    {
        var model = new Fno<double>(new FnoOptions
        {
            InChannels = 2, OutChannels = 1, HiddenChannels = 4, Modes = modes, Layers = 2,
            DomainPadding = padding, ChannelMlp = channelMlp, Seed = 3,
        });
        Tensor<double> x = Random([2, 2, .. size], 1), target = Random([2, 1, .. size], 2);
        double Loss(Tape<double>? tape)
        {
            Variable<double> loss = Ops.RelativeL2(model.Forward(Tape<double>.Constant(x), tape), target);
            tape?.Backward(loss);
            return loss.Value.Data[0];
        }
        Loss(new Tape<double>());

        const double h = 1e-6;
        double num = 0, den = 0;
        foreach (Parameter<double> p in model.Parameters)
        {
            int stride = Math.Max(1, p.Value.Data.Length / 12);
            for (int i = 0; i < p.Value.Data.Length; i += stride)
            {
                double saved = p.Value.Data[i];
                p.Value.Data[i] = saved + h;
                double plus = Loss(null);
                p.Value.Data[i] = saved - h;
                double minus = Loss(null);
                p.Value.Data[i] = saved;
                double fd = (plus - minus) / (2 * h), analytic = p.Gradient.Data[i];
                num += (fd - analytic) * (fd - analytic);
                den += analytic * analytic;
            }
        }
        Assert.That(den, Is.GreaterThan(0));
        Assert.That(Math.Sqrt(num / den), Is.LessThan(1e-6));
    }

    [Test]
    public void ParameterCountIsNeuraloperatorsForItsDarcyExample()
    {
        // FNO(n_modes=(16, 16), hidden_channels=32, in 1, out 1), neuraloperator 1.0 defaults: lifting 3→64→32,
        // four blocks of a dense (32, 32, 16, 9) complex weight, a bias, a linear skip and a 32→16→32 channel MLP
        // with gating, projection 32→64→1.
        var model = new Fno<float>(new FnoOptions { Modes = [16, 16], HiddenChannels = 32 });
        long lifting = 3 * 64 + 64 + 64 * 32 + 32, projection = 32 * 64 + 64 + 64 + 1;
        long block = 2L * 32 * 32 * 16 * 9 + 32 + 32 * 32 + (32 * 16 + 16 + 16 * 32 + 32) + 32;
        Assert.That(model.ScalarCount(), Is.EqualTo(lifting + 4 * block + projection));
    }

    [Test]
    public void BadInputNamesTheProblem()
    {
        var model = new Fno<float>(new FnoOptions { Modes = [12, 12] });
        var e = Assert.Throws<ArgumentException>(() => model.Forward(Tape<float>.Constant(Tensor<float>.Zeros([1, 2, 16, 16])), null));
        Assert.That(e!.Message, Does.Contain("must be (batch, 1, 2 spatial axes)"));
        e = Assert.Throws<ArgumentException>(() => model.Forward(Tape<float>.Constant(Tensor<float>.Zeros([1, 1, 8, 16])), null));
        Assert.That(e!.Message, Does.Contain("resolution 8 on axis 0 is below the 12 modes"));
        e = Assert.Throws<ArgumentException>(() => new Fno<float>(new FnoOptions { Factorization = "svd" }));
        Assert.That(e!.Message, Does.Contain("factorization = svd, expected"));
    }
}
