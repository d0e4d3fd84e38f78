using ILGPU;
using Rom.Gpu.Neural;
using Rom.Neural;
using Rom.Neural.Layers;
using Rom.Neural.Layers.Weights;
using Rom.Tensors;

namespace Rom.Gpu.Tests.Neural;

/// <summary>
/// The GPU spectral convolution (on ILGPU's CPU accelerator) against Rom's CPU ops RealDft → ModeContraction →
/// InverseRealDft, forward and backward through a tape, in float.
/// </summary>
public class GpuSpectralConvolutionTests() : CpuAcceleratorFixture<GpuSpectralConvolution>(gpu => new GpuSpectralConvolution(gpu))
{
    [TestCase(2, 3, 4, new[] { 9 }, new[] { 6 })]
    [TestCase(2, 3, 5, new[] { 7, 10 }, new[] { 5, 6 })]
    [TestCase(1, 2, 3, new[] { 9, 11 }, new[] { 4, 7 })]
    [TestCase(2, 2, 3, new[] { 5, 6, 7 }, new[] { 3, 4, 4 })]
    [TestCase(4, 8, 8, new[] { 32, 32 }, new[] { 12, 12 })]
    public void ForwardAndBackwardMatchTheCpuOps(int batch, int inChannels, int outChannels, int[] sizes, int[] modes)
    {
        var x = Random([batch, inChannels, .. sizes], 1);
        var w = Random([inChannels, outChannels, .. Ops.KeptModes(modes)], 2, complex: true);
        var probe = Random([batch, outChannels, .. sizes], 3);
        var cpu = Run(x, w, probe, (xv, wv) => Ops.InverseRealDft(Ops.ModeContraction(Ops.RealDft(xv, modes), wv), sizes));
        var onGpu = Run(x, w, probe, (xv, wv) => Ops.SpectralConvolution(xv, wv, modes, Subject));

        Assert.That(MaxNorm.RelativeError(onGpu.Y, cpu.Y), Is.LessThan(1e-5), "y");
        Assert.That(MaxNorm.RelativeError(onGpu.XBar, cpu.XBar), Is.LessThan(1e-5), "x̄");
        Assert.That(MaxNorm.RelativeError(onGpu.WBar, cpu.WBar), Is.LessThan(1e-5), "W̄");
    }

    [Test]
    public void ReusedPlansAndSkippedGradientsGiveTheSameValues()
    {
        int[] sizes = [6, 9], modes = [3, 4];
        var x = Random([2, 3, .. sizes], 4);
        var w = Random([3, 2, .. Ops.KeptModes(modes)], 5, complex: true);
        var probe = Random([2, 2, .. sizes], 6);
        var first = Run(x, w, probe, (xv, wv) => Ops.SpectralConvolution(xv, wv, modes, Subject));
        var again = Run(x, w, probe, (xv, wv) => Ops.SpectralConvolution(xv, wv, modes, Subject));
        Assert.That(again.Y, Is.EqualTo(first.Y));
        Assert.That(again.XBar, Is.EqualTo(first.XBar));
        Assert.That(again.WBar, Is.EqualTo(first.WBar));

        // Weight constant: only x̄ comes back, and it is the same.
        var tape = new Tape<float>();
        var xv = tape.Track(x);
        var y = Ops.SpectralConvolution(xv, Tape<float>.Constant(w), modes, Subject);
        tape.Backward(Ops.Sum(Ops.Multiply(y, Tape<float>.Constant(probe))));
        Assert.That(xv.Gradient.Data, Is.EqualTo(first.XBar));
    }

    [Test]
    public void GradientsAddToThoseOfOtherUses()
    {
        int[] modes = [4, 4];
        var x = Random([1, 2, 6, 6], 12);
        var w = Random([2, 2, .. Ops.KeptModes(modes)], 13, complex: true);
        var probe = Random([1, 2, 6, 6], 14);
        var once = Run(x, w, probe, (xv, wv) => Ops.SpectralConvolution(xv, wv, modes, Subject));
        var twice = Run(x, w, probe, (xv, wv) => Ops.Add(Ops.SpectralConvolution(xv, wv, modes, Subject), Ops.SpectralConvolution(xv, wv, modes, Subject)));
        Assert.That(twice.XBar, Is.EqualTo(once.XBar.Select(g => 2 * g)).Within(1e-6f));
        Assert.That(twice.WBar, Is.EqualTo(once.WBar.Select(g => 2 * g)).Within(1e-6f));
    }

    [Test]
    public void DeviceArraysGiveWhatHostArraysGive()
    {
        var shape = new SpectralConvolutionShape(2, 3, 2, [7, 8], [5, 6]);
        float[] x = Random([shape.InputLength], 7).Data, w = Random([shape.WeightLength], 8).Data, yBar = Random([shape.OutputLength], 9).Data;
        float[] y = new float[shape.OutputLength], z = new float[shape.SpectrumLength], xBar = new float[shape.InputLength], wBar = new float[shape.WeightLength];
        Subject.Forward(shape, x, w, y, z);
        Subject.Backward(shape, yBar, z, w, xBar, wBar);

        using var dx = Gpu.Accelerator.Allocate1D(x);
        using var dw = Gpu.Accelerator.Allocate1D(w);
        using var dyBar = Gpu.Accelerator.Allocate1D(yBar);
        using var dy = Gpu.Accelerator.Allocate1D<float>(y.Length);
        using var dz = Gpu.Accelerator.Allocate1D<float>(z.Length);
        using var dxBar = Gpu.Accelerator.Allocate1D<float>(xBar.Length);
        using var dwBar = Gpu.Accelerator.Allocate1D<float>(wBar.Length);
        Subject.Forward(shape, dx.AsContiguous(), dw.AsContiguous(), dy.AsContiguous(), dz.AsContiguous());
        Subject.Backward(shape, dyBar.AsContiguous(), dz.AsContiguous(), dw.AsContiguous(), dxBar.AsContiguous(), dwBar.AsContiguous());
        Gpu.Accelerator.Synchronize();
        Assert.That(dy.GetAsArray1D(), Is.EqualTo(y));
        Assert.That(dz.GetAsArray1D(), Is.EqualTo(z));
        Assert.That(dxBar.GetAsArray1D(), Is.EqualTo(xBar));
        Assert.That(dwBar.GetAsArray1D(), Is.EqualTo(wBar));
    }

    [TestCase("dense")]
    [TestCase("cp")]
    public void ALayerWithTheKernelsMatchesTheLayerWithout(string factorization)
    {
        int[] modes = [6, 4];
        var weight = SpectralWeights.Create<float>("conv", factorization, 0.5, 3, 2, Ops.KeptModes(modes), new Initialization(1));
        var layer = new SpectralConvolution<float>("conv", modes, weight, bias: true, new Initialization(2));
        var x = Random([2, 3, 8, 7], 10);
        var probe = Random([2, 2, 8, 7], 11);
        Pass Step()
        {
            foreach (var parameter in layer.Parameters)
                Array.Clear(parameter.Gradient.Data);
            var tape = new Tape<float>();
            var xv = tape.Track(x);
            var y = layer.Forward(xv, tape);
            tape.Backward(Ops.Sum(Ops.Multiply(y, Tape<float>.Constant(probe))));
            return new Pass([.. y.Value.Data], [.. xv.Gradient.Data], [.. layer.Parameters.SelectMany(p => p.Gradient.Data)]);
        }
        var cpu = Step();
        layer.Kernels = Subject;
        var onGpu = Step();
        Assert.That(MaxNorm.RelativeError(onGpu.Y, cpu.Y), Is.LessThan(1e-5), "y");
        Assert.That(MaxNorm.RelativeError(onGpu.XBar, cpu.XBar), Is.LessThan(1e-5), "x̄");
        Assert.That(MaxNorm.RelativeError(onGpu.WBar, cpu.WBar), Is.LessThan(1e-5), "parameters");
    }

    [Test]
    public void WrongLengthsAreRejectedByName()
    {
        var shape = new SpectralConvolutionShape(1, 2, 2, [8, 8], [4, 4]);
        var e = Assert.Throws<ArgumentException>(() => Subject.Forward(shape, new float[shape.InputLength], new float[shape.WeightLength],
            new float[shape.OutputLength - 1], new float[shape.SpectrumLength]));
        Assert.That(e!.ParamName, Is.EqualTo("output"));
        Assert.Throws<ArgumentException>(() => _ = new SpectralConvolutionShape(1, 2, 2, [8, 5], [4, 8]));
    }

    private sealed record Pass(float[] Y, float[] XBar, float[] WBar);

    /// <summary>y = f(x, W) and the gradients of Σ y ⊙ probe (so ȳ = probe) on a fresh tape.</summary>
    private static Pass Run(Tensor<float> x, Tensor<float> w, Tensor<float> probe, Func<Variable<float>, Variable<float>, Variable<float>> f)
    {
        var tape = new Tape<float>();
        var xv = tape.Track(x);
        var wv = tape.Track(w);
        var y = f(xv, wv);
        tape.Backward(Ops.Sum(Ops.Multiply(y, Tape<float>.Constant(probe))));
        return new Pass([.. y.Value.Data], [.. xv.Gradient.Data], [.. wv.Gradient.Data]);
    }

    private static Tensor<float> Random(int[] shape, int seed, bool complex = false)
    {
        var random = new Random(seed);
        int count = shape.Aggregate(1, (p, n) => p * n) * (complex ? 2 : 1);
        return new Tensor<float>(shape, [.. Enumerable.Range(0, count).Select(_ => (float)(2 * random.NextDouble() - 1))], complex);
    }
}
