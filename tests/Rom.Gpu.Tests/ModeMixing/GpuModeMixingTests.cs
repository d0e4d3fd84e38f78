using Rom.Gpu.ModeMixing;

namespace Rom.Gpu.Tests.ModeMixing;

public class GpuModeMixingTests
{
    [Test]
    public void GpuKernelMatchesTheCpuReferenceAndANaiveLoop()
    {
        using var gpu = GpuContext.CreateCpu();
        var shape = new ModeMixingShape(batch: 2, inChannels: 3, outChannels: 4, modes: 7);
        var input = RandomData.Complexes((int)shape.InputLength, seed: 1);
        var weights = RandomData.Complexes((int)shape.WeightsLength, seed: 2);
        var onGpu = new Complex[shape.OutputLength];
        new GpuModeMixing(gpu).Apply(shape, input, weights, onGpu);
        var onCpu = new Complex[shape.OutputLength];
        Rom.Spectral.ModeMixing.Apply(shape, input, weights, onCpu);

        var naive = new Complex[shape.OutputLength];
        for (int b = 0; b < 2; b++)
            for (int o = 0; o < 4; o++)
                for (int k = 0; k < 7; k++)
                    for (int i = 0; i < 3; i++)
                        naive[(b * 4 + o) * 7 + k] += input[(b * 3 + i) * 7 + k] * weights[(i * 4 + o) * 7 + k];

        Assert.That(RandomData.RelativeError(onGpu, naive), Is.LessThan(1e-15));
        Assert.That(RandomData.RelativeError(onCpu, naive), Is.LessThan(1e-15));
        var e = Assert.Throws<ArgumentException>(() => new GpuModeMixing(gpu).Apply(shape, input, weights, new Complex[3]));
        Assert.That(e!.ParamName, Is.EqualTo("output"));
    }
}
