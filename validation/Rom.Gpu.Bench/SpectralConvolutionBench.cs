using ILGPU;
using ILGPU.Runtime;
using Rom.Bench;
using Rom.Bench.Spectral;
using Rom.Gpu.Neural;
using Rom.Tensors;

namespace Rom.Gpu.Bench;

/// <summary>
/// The FNO's Fourier layer, forward and backward through a tape in float: <see cref="GpuSpectralConvolution"/> against
/// Rom's CPU ops (RealDft → ModeContraction → InverseRealDft). Both sides take host tensors and return host gradients,
/// so the GPU side's time includes the transfers a training step pays; each pass runs in a <see cref="TensorScope"/>
/// as the trainer's steps do. A second row times the GPU side on device-resident arrays (no transfers, no tape).
/// </summary>
internal static class SpectralConvolutionBench
{
    /// <summary>Times one shape (64², batch 32, width 32, modes 12; small under --quick): host to host, then on the device.</summary>
    public static IEnumerable<SpectralBenchRow> Run(GpuContext gpu, bool quick, double secondsPerSide)
    {
        int batch = quick ? 2 : 32, width = quick ? 4 : 32, n = quick ? 16 : 64, m = quick ? 6 : 12;
        int[] sizes = [n, n], modes = [m, m];
        var random = new Random(7);
        Tensor<float> Random(int[] shape, bool complex = false) =>
            new(shape, [.. Enumerable.Range(0, shape.Aggregate(1, (p, e) => p * e) * (complex ? 2 : 1)).Select(_ => (float)(2 * random.NextDouble() - 1))], complex);
        var x = Random([batch, width, .. sizes]);
        var w = Random([width, width, .. Ops.KeptModes(modes)], complex: true);
        var probe = Random([batch, width, .. sizes]);
        using var kernels = new GpuSpectralConvolution(gpu);

        float[][] Pass(ISpectralConvolutionKernels? backend)
        {
            using var scope = TensorScope.Begin();
            var tape = new Tape<float>();
            var xv = tape.Track(x);
            var wv = tape.Track(w);
            var y = Ops.SpectralConvolution(xv, wv, modes, backend);
            tape.Backward(Ops.Sum(Ops.Multiply(y, Tape<float>.Constant(probe))));
            return [[.. y.Value.Data], [.. xv.Gradient.Data], [.. wv.Gradient.Data]];
        }
        var onGpu = Pass(kernels);
        var onCpu = Pass(null);
        double worst = Enumerable.Range(0, 3).Max(k => Agreement.MaxRelativeDifference(onGpu[k], onCpu[k]));
        string name = $"spectral conv fwd+bwd {batch}×{width}×{n}², modes {m}";
        var (rom, reference) = SideBySideTimer.Measure(() => Pass(kernels), () => Pass(null), secondsPerSide);
        yield return new SpectralBenchRow(name, rom, "Rom CPU ops (float)", reference, $"max rel. diff of y, x̄, W̄ to CPU {worst:E1}");

        var shape = new SpectralConvolutionShape(batch, width, width, sizes, modes);
        using var dx = gpu.Accelerator.Allocate1D(x.Data);
        using var dw = gpu.Accelerator.Allocate1D(w.Data);
        using var dyBar = gpu.Accelerator.Allocate1D(probe.Data);
        using var dy = gpu.Accelerator.Allocate1D<float>(shape.OutputLength);
        using var dz = gpu.Accelerator.Allocate1D<float>(shape.SpectrumLength);
        using var dxBar = gpu.Accelerator.Allocate1D<float>(shape.InputLength);
        using var dwBar = gpu.Accelerator.Allocate1D<float>(shape.WeightLength);
        void OnDevice()
        {
            kernels.Forward(shape, dx.AsContiguous(), dw.AsContiguous(), dy.AsContiguous(), dz.AsContiguous());
            kernels.Backward(shape, dyBar.AsContiguous(), dz.AsContiguous(), dw.AsContiguous(), dxBar.AsContiguous(), dwBar.AsContiguous());
            gpu.Accelerator.Synchronize();
        }
        (rom, reference) = SideBySideTimer.Measure(OnDevice, () => Pass(null), secondsPerSide);
        yield return new SpectralBenchRow(name + ", on device", rom, "Rom CPU ops (float)", reference, "device-resident arrays: no transfers, no tape");
    }
}
