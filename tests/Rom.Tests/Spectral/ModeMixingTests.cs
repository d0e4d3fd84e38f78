using System.Numerics;
using Rom.Spectral;

namespace Rom.Tests.Spectral;

public class ModeMixingTests
{
    [Test]
    public void EachModeIsTheProductOfTheInputRowsWithThatModesWeightMatrix()
    {
        var shape = new ModeMixingShape(batch: 3, inChannels: 4, outChannels: 5, modes: 6);
        var random = new Random(5);
        Complex Next() => new(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        var input = Enumerable.Range(0, (int)shape.InputLength).Select(_ => Next()).ToArray();
        var weights = Enumerable.Range(0, (int)shape.WeightsLength).Select(_ => Next()).ToArray();
        var output = new Complex[shape.OutputLength];
        ModeMixing.Apply(shape, input, weights, output);

        // Independent route: per mode k, Out_k (Batch × Out) = In_k (Batch × In) · W_k (In × Out) with MathNet.
        for (int k = 0; k < shape.Modes; k++)
        {
            var x = Matrix<Complex>.Build.Dense(shape.Batch, shape.InChannels, (b, i) => input[(b * shape.InChannels + i) * shape.Modes + k]);
            var w = Matrix<Complex>.Build.Dense(shape.InChannels, shape.OutChannels, (i, o) => weights[(i * shape.OutChannels + o) * shape.Modes + k]);
            var expected = x * w;
            for (int b = 0; b < shape.Batch; b++)
                for (int o = 0; o < shape.OutChannels; o++)
                    Assert.That((output[(b * shape.OutChannels + o) * shape.Modes + k] - expected[b, o]).Magnitude, Is.LessThan(1e-14));
        }
    }

    [Test]
    public void BadExtentsAndLengthsNameTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => new ModeMixingShape(2, 0, 3, 4));
        Assert.That(e!.ParamName, Is.EqualTo("inChannels"));
        var shape = new ModeMixingShape(2, 3, 4, 5);
        e = Assert.Throws<ArgumentException>(() => ModeMixing.Apply(shape, new Complex[30], new Complex[59], new Complex[40]));
        Assert.That(e!.ParamName, Is.EqualTo("weights"));
        Assert.That(e.Message, Does.Contain("weights has 59 elements; expected InChannels × OutChannels × Modes = 60"));
    }
}
