using ILGPU;
using ILGPU.Runtime;
using Rom.Tensors;

namespace Rom.Gpu.Neural;

/// <summary>
/// <see cref="ISpectralConvolutionKernels"/> on a GPU, in 1-, 2- or 3-D (any number of spatial axes): the truncated real
/// DFT as small dense complex matrix products along one axis at a time (F_a is kept_a × N_a, never a full FFT), the
/// per-mode channel contraction, and the zero-padded inverse, with the backward pass through the conjugate transposes
/// of the same matrices. The span methods (the interface) move only a call's inputs and results across the bus; the
/// <see cref="ArrayView{T}"/> methods work on device arrays and move nothing. Working buffers and DFT matrices
/// are made once per shape and reused by every later call of that shape (an FNO's layers share one). Calls are
/// serialised; dispose before the <see cref="GpuContext"/>.
/// </summary>
public sealed class GpuSpectralConvolution : ISpectralConvolutionKernels, IDisposable
{
    private readonly GpuContext gpu;
    private readonly SpectralKernels kernels;
    private readonly Dictionary<SpectralConvolutionShape, SpectralConvolutionPlan> plans = [];
    private readonly Lock gate = new();

    /// <summary>Compiles the kernels for <paramref name="gpu"/>'s accelerator.</summary>
    public GpuSpectralConvolution(GpuContext gpu)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        this.gpu = gpu;
        kernels = new SpectralKernels(gpu.Accelerator);
    }

    /// <inheritdoc />
    public string Name => gpu.Name;

    /// <summary>Any shape whose arrays and intermediates index with 32-bit integers.</summary>
    public bool Supports(SpectralConvolutionShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long points = shape.Sizes.Aggregate(1L, (p, n) => p * n), channels = Math.Max(shape.InChannels, shape.OutChannels);
        return 2L * shape.Batch * channels * points < int.MaxValue && 2L * shape.InChannels * shape.OutChannels * shape.KeptCount < int.MaxValue;
    }

    /// <inheritdoc />
    public void Forward(SpectralConvolutionShape shape, ReadOnlySpan<float> input, ReadOnlySpan<float> weight, Span<float> output, Span<float> spectrum)
    {
        ArgumentNullException.ThrowIfNull(shape);
        shape.CheckLength(input.Length, shape.InputLength, nameof(input));
        shape.CheckLength(weight.Length, shape.WeightLength, nameof(weight));
        shape.CheckLength(output.Length, shape.OutputLength, nameof(output));
        shape.CheckLength(spectrum.Length, shape.SpectrumLength, nameof(spectrum));
        lock (gate)
            PlanFor(shape).Forward(input, weight, output, spectrum);
    }

    /// <inheritdoc />
    public void Backward(SpectralConvolutionShape shape, ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> spectrum, ReadOnlySpan<float> weight,
        Span<float> inputGradient, Span<float> weightGradient)
    {
        ArgumentNullException.ThrowIfNull(shape);
        shape.CheckLength(outputGradient.Length, shape.OutputLength, nameof(outputGradient));
        shape.CheckLength(spectrum.Length, shape.SpectrumLength, nameof(spectrum));
        shape.CheckLength(weight.Length, shape.WeightLength, nameof(weight));
        if (!inputGradient.IsEmpty)
            shape.CheckLength(inputGradient.Length, shape.InputLength, nameof(inputGradient));
        if (!weightGradient.IsEmpty)
            shape.CheckLength(weightGradient.Length, shape.WeightLength, nameof(weightGradient));
        lock (gate)
            PlanFor(shape).Backward(outputGradient, spectrum, weight, inputGradient, weightGradient);
    }

    /// <summary>
    /// The forward pass on arrays already on this context's device (layouts and lengths as in <see cref="Forward(SpectralConvolutionShape, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float})"/>),
    /// so a model keeps its activations there; returns without waiting for the device.
    /// </summary>
    public void Forward(SpectralConvolutionShape shape, ArrayView<float> input, ArrayView<float> weight, ArrayView<float> output, ArrayView<float> spectrum)
    {
        ArgumentNullException.ThrowIfNull(shape);
        shape.CheckLength(Length(input), shape.InputLength, nameof(input));
        shape.CheckLength(Length(weight), shape.WeightLength, nameof(weight));
        shape.CheckLength(Length(output), shape.OutputLength, nameof(output));
        shape.CheckLength(Length(spectrum), shape.SpectrumLength, nameof(spectrum));
        lock (gate)
            PlanFor(shape).Forward(input, weight, output, spectrum);
    }

    /// <summary>
    /// The backward pass on arrays already on this context's device; an empty destination view skips that gradient.
    /// Returns without waiting for the device.
    /// </summary>
    public void Backward(SpectralConvolutionShape shape, ArrayView<float> outputGradient, ArrayView<float> spectrum, ArrayView<float> weight,
        ArrayView<float> inputGradient, ArrayView<float> weightGradient)
    {
        ArgumentNullException.ThrowIfNull(shape);
        shape.CheckLength(Length(outputGradient), shape.OutputLength, nameof(outputGradient));
        shape.CheckLength(Length(spectrum), shape.SpectrumLength, nameof(spectrum));
        shape.CheckLength(Length(weight), shape.WeightLength, nameof(weight));
        if (inputGradient.Length > 0)
            shape.CheckLength(Length(inputGradient), shape.InputLength, nameof(inputGradient));
        if (weightGradient.Length > 0)
            shape.CheckLength(Length(weightGradient), shape.WeightLength, nameof(weightGradient));
        lock (gate)
            PlanFor(shape).Backward(outputGradient, spectrum, weight, inputGradient, weightGradient);
    }

    /// <summary>Frees every plan's device buffers.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            foreach (var plan in plans.Values)
                plan.Dispose();
            plans.Clear();
        }
    }

    private static int Length(ArrayView<float> view) => (int)Math.Min(view.Length, int.MaxValue);

    private SpectralConvolutionPlan PlanFor(SpectralConvolutionShape shape)
    {
        if (!Supports(shape))
            throw new ArgumentException($"{shape} is too large for 32-bit device indices.", nameof(shape));
        if (!plans.TryGetValue(shape, out var plan))
            plans[shape] = plan = new SpectralConvolutionPlan(gpu, kernels, shape);
        return plan;
    }
}
