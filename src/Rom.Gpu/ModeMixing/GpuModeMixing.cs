using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Rom.Spectral;

namespace Rom.Gpu.ModeMixing;

/// <summary>
/// <see cref="Rom.Spectral.ModeMixing"/> on a GPU: out[b, o, k] = Σ_i in[b, i, k] · W[i, o, k], one thread per
/// output element, neighbouring threads on neighbouring modes k so every read of in and W is coalesced.
/// </summary>
public sealed class GpuModeMixing
{
    private readonly GpuContext gpu;
    private readonly Action<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, ArrayView<GpuComplex>, MixingExtents> kernel;

    /// <summary>Compiles the kernel for <paramref name="gpu"/>'s accelerator.</summary>
    public GpuModeMixing(GpuContext gpu)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        this.gpu = gpu;
        kernel = gpu.Accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<GpuComplex>, ArrayView<GpuComplex>, ArrayView<GpuComplex>, MixingExtents>(Kernel);
    }

    /// <summary>Mixes host arrays (copied to the device and back); layouts as in <see cref="Rom.Spectral.ModeMixing.Apply"/>.</summary>
    public void Apply(ModeMixingShape shape, ReadOnlySpan<Complex> input, ReadOnlySpan<Complex> weights, Span<Complex> output)
    {
        shape.CheckLengths(input.Length, weights.Length, output.Length);
        using var x = gpu.Upload(input);
        using var w = gpu.Upload(weights);
        using var y = gpu.Accelerator.Allocate1D<Complex>(output.Length);
        Apply(shape, x.AsContiguous(), w.AsContiguous(), y.AsContiguous());
        y.AsContiguous().CopyToCPU(output);
    }

    /// <summary>Mixes arrays already on the device.</summary>
    public void Apply(ModeMixingShape shape, ArrayView<Complex> input, ArrayView<Complex> weights, ArrayView<Complex> output)
    {
        shape.CheckLengths(input.Length, weights.Length, output.Length);
        if (shape.OutputLength > int.MaxValue)
            throw new ArgumentException($"output has {shape.OutputLength} elements; expected at most {int.MaxValue}.", nameof(output));
        var extents = new MixingExtents(shape.InChannels, shape.OutChannels, shape.Modes);
        kernel((int)shape.OutputLength, input.Cast<GpuComplex>(), weights.Cast<GpuComplex>(), output.Cast<GpuComplex>(), extents);
        gpu.Accelerator.Synchronize();
    }

    private static void Kernel(Index1D t, ArrayView<GpuComplex> input, ArrayView<GpuComplex> weights, ArrayView<GpuComplex> output, MixingExtents e)
    {
        int k = t % e.Modes, rest = t / e.Modes;
        int o = rest % e.OutChannels, b = rest / e.OutChannels;
        var sum = new GpuComplex(0, 0);
        for (int i = 0; i < e.InChannels; i++)
            sum += input[(b * e.InChannels + i) * e.Modes + k] * weights[(i * e.OutChannels + o) * e.Modes + k];
        output[t] = sum;
    }
}

/// <summary>The extents the mixing kernel indexes with.</summary>
internal readonly record struct MixingExtents(int InChannels, int OutChannels, int Modes);
