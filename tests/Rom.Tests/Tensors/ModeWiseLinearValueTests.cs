using static Rom.Tests.Tensors.GradientCheck;

namespace Rom.Tests.Tensors;

/// <summary>The values of <see cref="Ops.ModeWiseLinear{T}"/> against a plain loop over its formula.</summary>
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
}
