using static Rom.Tests.Tensors.GradientCheck;

namespace Rom.Tests.Tensors;

/// <summary>Ops.RelativeH1 (neuraloperator's H1Loss): values worked by hand, and the gradient against finite differences.</summary>
public class RelativeH1Tests
{
    private static double Value(double[] prediction, double[] target, bool periodic) =>
        Ops.RelativeH1(Tape<double>.Constant(new Tensor<double>([1, 1, prediction.Length], prediction)),
            new Tensor<double>([1, 1, target.Length], target), periodic: [periodic]).Value.Data[0];

    [Test]
    public void PeriodicValueByHand()
    {
        // n = 4, h = 1/4, so D u_i = 2 (u_{i+1} − u_{i−1}) with wrap-around.
        // t = [1, 2, 3, 4]: D t = [−4, 4, 4, −4], ‖t‖² + ‖D t‖² = 30 + 64 = 94.
        // e = [0, 0, 0, 1]: D e = [−2, 0, 2, 0], ‖e‖² + ‖D e‖² = 1 + 8 = 9.
        Assert.That(Value([1, 2, 3, 5], [1, 2, 3, 4], periodic: true), Is.EqualTo(3 / Math.Sqrt(94)).Within(1e-15));
    }

    [Test]
    public void NonPeriodicValueByHand()
    {
        // t = [1, 2, 3, 4] is linear: every stencil gives the slope 1/h = 4, so ‖t‖² + ‖D t‖² = 30 + 4·16 = 94.
        // e = [0, 0, 0, 1]: D e = [2·4/6, 0, 2, 11·4/6] = [4/3, 0, 2, 22/3], ‖D e‖² = 536/9, plus ‖e‖² = 1.
        Assert.That(Value([1, 2, 3, 5], [1, 2, 3, 4], periodic: false), Is.EqualTo(Math.Sqrt(545.0 / 9) / Math.Sqrt(94)).Within(1e-15));
    }

    [Test]
    public void SumsOverSamplesAndChannelsAndMeanDividesByTheirCount()
    {
        Tensor<double> target = Random([2, 3, 5, 6], 40), prediction = Random([2, 3, 5, 6], 41);
        double total = Ops.RelativeH1(Tape<double>.Constant(prediction), target).Value.Data[0];
        double bySlice = 0;
        for (int s = 0; s < 6; s++)
        {
            Tensor<double> p = new([1, 1, 5, 6], prediction.Data[(s * 30)..((s + 1) * 30)]);
            Tensor<double> t = new([1, 1, 5, 6], target.Data[(s * 30)..((s + 1) * 30)]);
            bySlice += Ops.RelativeH1(Tape<double>.Constant(p), t).Value.Data[0];
        }
        Assert.That(total, Is.EqualTo(bySlice).Within(1e-13));
        double mean = Ops.RelativeH1(Tape<double>.Constant(prediction), target, mean: true).Value.Data[0];
        Assert.That(mean, Is.EqualTo(total / 6).Within(1e-14));
    }

    [Test]
    public void PredictionEqualToTargetGivesZero()
    {
        Tensor<double> target = Random([2, 1, 6, 5], 42);
        Assert.That(Ops.RelativeH1(Tape<double>.Constant(target.Clone()), target).Value.Data[0], Is.Zero);
    }

    [TestCase(new[] { 9 }, null)]
    [TestCase(new[] { 6, 7 }, null)]
    [TestCase(new[] { 6, 7 }, new[] { false, true })]
    [TestCase(new[] { 4, 5, 4 }, new[] { true, false, false })]
    [TestCase(new[] { 2, 1 }, null)]
    public void Gradient(int[] size, bool[]? periodic)
    {
        Tensor<double> target = Random([2, 2, .. size], 43);
        Assert.That(RelativeError(v => Ops.RelativeH1(v[0], target, periodic: periodic), [Random([2, 2, .. size], 44)]), Is.LessThan(1e-6));
        Assert.That(RelativeError(v => Ops.RelativeH1(v[0], target, mean: true, periodic: periodic), [Random([2, 2, .. size], 45)]), Is.LessThan(1e-6));
    }

    [Test]
    public void RejectsShortNonPeriodicAxesAndZeroTargets()
    {
        var x = Tape<double>.Constant(Random([1, 1, 3], 46));
        Assert.Throws<ArgumentException>(() => Ops.RelativeH1(x, Random([1, 1, 3], 47), periodic: [false]));
        Assert.Throws<ArgumentException>(() => Ops.RelativeH1(x, Tensor<double>.Zeros([1, 1, 3])));
    }

    [Test]
    public void NonFiniteTargetGivesNonFiniteLoss()
    {
        Tensor<double> target = Random([1, 1, 5], 48);
        target.Data[2] = double.NaN;
        var x = Tape<double>.Constant(Random([1, 1, 5], 49));
        Assert.That(double.IsNaN(Ops.RelativeH1(x, target).Value.Data[0]));
        Assert.That(double.IsNaN(Ops.RelativeL2(x, target).Value.Data[0]));
    }
}
