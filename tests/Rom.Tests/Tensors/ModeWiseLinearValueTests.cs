using static Rom.Tests.Tensors.GradientCheck;

namespace Rom.Tests.Tensors;

/// <summary>
/// The values of <see cref="Ops.ModeWiseLinear{T}(Variable{T}, Variable{T})"/> and of its coupled form
/// (<see cref="ModeCoupling"/>) against plain loops over their formulas.
/// </summary>
public class ModeWiseLinearValueTests
{
    /// <summary>y[b, o, k] = Σ_i W[k, o, i] x[b, i, k], on shapes within one tile of the layout change and across several.</summary>
    [TestCase(2, 3, 4, new[] { 4, 5 })]
    [TestCase(3, 20, 11, new[] { 7, 6 })]
    [TestCase(5, 40, 9, new[] { 37 })]
    public void IsOneChannelMatrixPerMode(int batch, int inputs, int outputs, int[] modeShape)
    {
        int modes = modeShape.Aggregate(1, (p, n) => p * n);
        Tensor<double> x = Random([batch, inputs, .. modeShape], 1), w = Random([.. modeShape, outputs, inputs], 2);
        Tensor<double> y = Ops.ModeWiseLinear(Tape<double>.Constant(x), Tape<double>.Constant(w)).Value;
        Assert.That(y.Shape, Is.EqualTo(new[] { batch, outputs }.Concat(modeShape)));
        for (int b = 0; b < batch; b++)
            for (int o = 0; o < outputs; o++)
                for (int k = 0; k < modes; k++)
                {
                    double sum = 0;
                    for (int i = 0; i < inputs; i++)
                        sum += w.Data[(k * outputs + o) * inputs + i] * x.Data[(b * inputs + i) * modes + k];
                    Assert.That(y.Data[(b * outputs + o) * modes + k], Is.EqualTo(sum).Within(1e-12));
                }
    }

    /// <summary>
    /// A coupling of 5 modes into 3 weight blocks with two terms, one with a mode it does not reach and negative signs:
    /// y_k = Σ_t σ_t(k) W_t[b(k)] x_{π_t(k)} by a loop; its gradients against finite differences.
    /// </summary>
    [Test]
    public void CoupledModes_FollowTheirFormula_AndTheirGradientsFiniteDifferences()
    {
        int batch = 2, inputs = 3, outputs = 4, modes = 5;
        var coupling = new ModeCoupling([0, 0, 1, 1, 2], 3, [[0, 1, 2, 3, 4], [1, 0, 3, 2, -1]], [[1, 1, 1, 1, 1], [1, -1, -1, 1, 1]]);
        Tensor<double> x = Random([batch, inputs, modes], 3), w0 = Random([3, outputs, inputs], 4), w1 = Random([3, outputs, inputs], 5);
        Tensor<double> y = Ops.ModeWiseLinear(Tape<double>.Constant(x), [Tape<double>.Constant(w0), Tape<double>.Constant(w1)], coupling).Value;
        Tensor<double>[] w = [w0, w1];
        for (int b = 0; b < batch; b++)
            for (int o = 0; o < outputs; o++)
                for (int k = 0; k < modes; k++)
                {
                    double sum = 0;
                    for (int t = 0; t < 2; t++)
                        if (coupling.Source[t][k] is int p and >= 0)
                            for (int i = 0; i < inputs; i++)
                                sum += coupling.Sign[t][k] * w[t].Data[(coupling.Block[k] * outputs + o) * inputs + i] * x.Data[(b * inputs + i) * modes + p];
                    Assert.That(y.Data[(b * outputs + o) * modes + k], Is.EqualTo(sum).Within(1e-12));
                }
        Assert.That(RelativeError(v => Ops.ModeWiseLinear(v[0], [v[1], v[2]], coupling), [x, w0, w1]), Is.LessThan(1e-6));
    }

    [Test]
    public void ACouplingThatReachesAModeTwice_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ModeCoupling([0, 0], 1, [[1, 1]], [[1, 1]]));
        Assert.That(e!.Message, Does.Contain("reached twice"));
    }
}
