using ILGPU;
using ILGPU.Runtime;
using Rom.Tensors;

namespace Rom.Gpu.Neural;

/// <summary>
/// Everything one shape of spectral convolution needs on the device, allocated once and reused by every call: the DFT
/// matrices F_a (kept × N) and G_a (N × kept) of each spatial axis, the buffers for x, y, W, the spectrum and their
/// gradients, two scratch buffers for the axis-by-axis transforms, and the launch layouts of the four transforms
/// (F, G, Gᴴ, Fᴴ applied one axis at a time) and the three mode products.
/// </summary>
internal sealed class SpectralConvolutionPlan : IDisposable
{
    private readonly Accelerator accelerator;
    private readonly SpectralKernels kernels;
    private readonly List<MemoryBuffer1D<float, Stride1D.Dense>> owned = [];
    private readonly MemoryBuffer1D<float, Stride1D.Dense> input, output, weight, weightGradient, spectrum, spectrumGradient, mixed;
    private readonly MemoryBuffer1D<float, Stride1D.Dense>[] scratch;
    private readonly AxisStep[] forwardDft, inverseDft, inverseAdjoint, forwardAdjoint;
    private readonly ModeLayout contract, weightProduct, spectrumProduct;

    public SpectralConvolutionPlan(GpuContext gpu, SpectralKernels kernels, SpectralConvolutionShape shape)
    {
        accelerator = gpu.Accelerator;
        this.kernels = kernels;
        Shape = shape;
        int d = shape.Sizes.Count, kc = shape.KeptCount;
        int b = shape.Batch, i = shape.InChannels, o = shape.OutChannels;
        var f = new MemoryBuffer1D<float, Stride1D.Dense>[d];
        var g = new MemoryBuffer1D<float, Stride1D.Dense>[d];
        for (int a = 0; a < d; a++)
        {
            f[a] = Own(gpu.Upload<float>(TruncatedDftMatrices.Forward<float>(shape.Sizes[a], shape.Kept[a], a == d - 1)));
            g[a] = Own(gpu.Upload<float>(TruncatedDftMatrices.Inverse<float>(shape.Sizes[a], shape.Kept[a], a == d - 1)));
        }
        int[] toModes = [.. Enumerable.Range(0, d).Reverse()], fromModes = [.. Enumerable.Range(0, d)];
        forwardDft = [.. toModes.Select(a => Step(f[a], b * i, a, toward: true, adjoint: false))];
        inverseAdjoint = [.. toModes.Select(a => Step(g[a], b * o, a, toward: true, adjoint: true))];
        inverseDft = [.. fromModes.Select(a => Step(g[a], b * o, a, toward: false, adjoint: false))];
        forwardAdjoint = [.. fromModes.Select(a => Step(f[a], b * i, a, toward: false, adjoint: true))];
        contract = new ModeLayout(b, o, i, kc, i * kc, kc, o * kc, kc, 0, 0);
        weightProduct = new ModeLayout(i, o, b, kc, kc, i * kc, o * kc, kc, 1, 0);
        spectrumProduct = new ModeLayout(b, i, o, kc, o * kc, kc, kc, o * kc, 0, 1);

        input = Allocate(shape.InputLength);
        output = Allocate(shape.OutputLength);
        weight = Allocate(shape.WeightLength);
        weightGradient = Allocate(shape.WeightLength);
        spectrum = Allocate(shape.SpectrumLength);
        spectrumGradient = Allocate(shape.SpectrumLength);
        mixed = Allocate(2 * b * o * kc);
        int largest = forwardDft.Concat(inverseDft).Max(s => Math.Max(s.InputCount, s.OutputCount));
        scratch = [Allocate(2 * largest), Allocate(2 * largest)];
    }

    /// <summary>The shape this plan serves.</summary>
    public SpectralConvolutionShape Shape { get; }

    /// <summary>y = F⁻¹(W · (F x)|kept) and the spectrum F x, host to host.</summary>
    public void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, Span<float> y, Span<float> z)
    {
        input.AsContiguous().CopyFromCPU(x);
        weight.AsContiguous().CopyFromCPU(w);
        Forward(input.AsContiguous(), weight.AsContiguous(), output.AsContiguous(), spectrum.AsContiguous());
        accelerator.Synchronize();
        output.AsContiguous().CopyToCPU(y);
        spectrum.AsContiguous().CopyToCPU(z);
    }

    /// <summary>The forward pass on device arrays; launches without waiting.</summary>
    public void Forward(ArrayView<float> x, ArrayView<float> w, ArrayView<float> y, ArrayView<float> z)
    {
        Run(forwardDft, x, z);
        kernels.Modes(Complex(z), Complex(w), Complex(mixed.AsContiguous()), contract);
        Run(inverseDft, mixed.AsContiguous(), y);
    }

    /// <summary>x̄ and W̄ from ȳ, the forward's spectrum and W, host to host; an empty destination is skipped.</summary>
    public void Backward(ReadOnlySpan<float> yBar, ReadOnlySpan<float> z, ReadOnlySpan<float> w, Span<float> xBar, Span<float> wBar)
    {
        output.AsContiguous().CopyFromCPU(yBar);
        spectrum.AsContiguous().CopyFromCPU(z);
        weight.AsContiguous().CopyFromCPU(w);
        var none = ArrayView<float>.Empty;
        Backward(output.AsContiguous(), spectrum.AsContiguous(), weight.AsContiguous(),
            xBar.IsEmpty ? none : input.AsContiguous(), wBar.IsEmpty ? none : weightGradient.AsContiguous());
        accelerator.Synchronize();
        if (!wBar.IsEmpty)
            weightGradient.AsContiguous().CopyToCPU(wBar);
        if (!xBar.IsEmpty)
            input.AsContiguous().CopyToCPU(xBar);
    }

    /// <summary>The backward pass on device arrays (an empty destination is skipped); launches without waiting.</summary>
    public void Backward(ArrayView<float> yBar, ArrayView<float> z, ArrayView<float> w, ArrayView<float> xBar, ArrayView<float> wBar)
    {
        var vBar = mixed.AsContiguous();
        Run(inverseAdjoint, yBar, vBar);
        if (wBar.Length > 0)
            kernels.Modes(Complex(z), Complex(vBar), Complex(wBar), weightProduct);
        if (xBar.Length > 0)
        {
            kernels.Modes(Complex(vBar), Complex(w), Complex(spectrumGradient.AsContiguous()), spectrumProduct);
            Run(forwardAdjoint, spectrumGradient.AsContiguous(), xBar);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var buffer in owned)
            buffer.Dispose();
        owned.Clear();
    }

    /// <summary>Applies the steps in order from source to destination, through the scratch buffers in between.</summary>
    private void Run(AxisStep[] steps, ArrayView<float> source, ArrayView<float> destination)
    {
        var from = source;
        for (int s = 0; s < steps.Length; s++)
        {
            var step = steps[s];
            var to = s == steps.Length - 1 ? destination : scratch[s % 2].AsContiguous();
            var layout = step.Layout;
            kernels.Axis(Planar.Complex(step.Matrix.AsContiguous(), layout.M * layout.N),
                layout.RealInput != 0 ? Planar.Real(from, step.InputCount) : Planar.Complex(from, step.InputCount),
                layout.RealOutput != 0 ? Planar.Real(to, step.OutputCount) : Planar.Complex(to, step.OutputCount), layout);
            from = to;
        }
    }

    /// <summary>
    /// The transform along spatial axis <paramref name="a"/> of <paramref name="channels"/> fields whose later axes are
    /// already in modes and earlier ones still in points: toward the modes (N_a → kept_a, real input on the last axis) or
    /// back (kept_a → N_a, real output on the last axis).
    /// </summary>
    private AxisStep Step(MemoryBuffer1D<float, Stride1D.Dense> matrix, int channels, int a, bool toward, bool adjoint)
    {
        int d = Shape.Sizes.Count, p = channels, q = 1;
        for (int j = 0; j < a; j++)
            p *= Shape.Sizes[j];
        for (int j = a + 1; j < d; j++)
            q *= Shape.Kept[j];
        int last = a == d - 1 ? 1 : 0, flag = adjoint ? 1 : 0, n = Shape.Sizes[a], k = Shape.Kept[a];
        return new AxisStep(matrix, toward ? new AxisLayout(p, n, k, q, flag, last, 0) : new AxisLayout(p, k, n, q, flag, 0, last));
    }

    /// <summary>A whole planar complex array: its first half real parts, its second half imaginary parts.</summary>
    private static Planar Complex(ArrayView<float> array) => Planar.Complex(array, (int)(array.Length / 2));

    private MemoryBuffer1D<float, Stride1D.Dense> Allocate(int length) => Own(accelerator.Allocate1D<float>(length));

    private MemoryBuffer1D<float, Stride1D.Dense> Own(MemoryBuffer1D<float, Stride1D.Dense> buffer)
    {
        owned.Add(buffer);
        return buffer;
    }

    /// <summary>One launch of the axis kernel: its matrix and layout.</summary>
    private sealed record AxisStep(MemoryBuffer1D<float, Stride1D.Dense> Matrix, AxisLayout Layout)
    {
        public int InputCount => Layout.P * Layout.N * Layout.Q;

        public int OutputCount => Layout.P * Layout.M * Layout.Q;
    }
}
