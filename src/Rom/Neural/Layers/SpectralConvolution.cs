using System.Numerics;
using Rom.Neural.Layers.Weights;
using Rom.Tensors;

namespace Rom.Neural.Layers;

/// <summary>
/// The Fourier layer of an FNO (Li et al. 2021) in 1-, 2- or 3-D: y = F⁻¹(W · (F x)|kept) + bias, the real DFT truncated to
/// the kept modes, a per-mode channel contraction with the complex weight W (dense or factorised), zero padding back
/// to the output resolution, and a per-channel bias (neuraloperator's SpectralConv with its defaults).
/// </summary>
public sealed class SpectralConvolution<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A layer with <paramref name="modes"/> modes per spatial axis (neuraloperator's n_modes: the last axis keeps modes/2 + 1).</summary>
    public SpectralConvolution(string name, IReadOnlyList<int> modes, ISpectralWeight<T> weight, bool bias, Initialization init)
    {
        Modes = [.. modes];
        Weight = weight;
        if (!weight.KeptModes.SequenceEqual(Ops.KeptModes(modes)))
            throw new ArgumentException($"weight modes [{string.Join(", ", weight.KeptModes)}] do not match n_modes [{string.Join(", ", modes)}].", nameof(weight));
        Bias = bias ? new Parameter<T>($"{name}.bias", init.Normal<T>([weight.OutChannels], Math.Sqrt(2.0 / (weight.InChannels + weight.OutChannels)))) : null;
    }

    /// <summary>The mode counts per spatial axis (n_modes).</summary>
    public IReadOnlyList<int> Modes { get; }

    /// <summary>The spectral weight.</summary>
    public ISpectralWeight<T> Weight { get; }

    /// <summary>The per-channel bias, or null.</summary>
    public Parameter<T>? Bias { get; }

    /// <summary>
    /// A backend (Rom.Gpu's, say) that runs the whole layer, forward and backward, on its device for float; null (the
    /// default) composes the CPU ops. With a factorised weight the backend gets the dense weight it represents.
    /// </summary>
    public ISpectralConvolutionKernels? Kernels { get; set; }

    /// <inheritdoc />
    public IEnumerable<Parameter<T>> Parameters => Bias is null ? Weight.Parameters : [.. Weight.Parameters, Bias];

    /// <summary>The layer on a real (B, I, N…) input, returning (B, O, N…).</summary>
    public Variable<T> Forward(Variable<T> x, Tape<T>? tape)
    {
        Variable<T> y = ForwardWithoutBias(x, tape);
        return Bias is null ? y : Ops.ChannelAffine(y, null, Bias.Use(tape));
    }

    /// <summary>
    /// F⁻¹(W · (F x)|kept) without the bias, for a caller that adds <see cref="Bias"/> in a pass it makes anyway (the FNO
    /// block folds it into its linear skip, saving a pass over the activations).
    /// </summary>
    public Variable<T> ForwardWithoutBias(Variable<T> x, Tape<T>? tape)
    {
        if (Kernels is not null && typeof(T) == typeof(float))
            return Ops.SpectralConvolution(x, Weight.Dense(tape), Modes, Kernels);
        int[] size = [.. x.Shape.Skip(2)];
        return Ops.InverseRealDft(Weight.Contract(Ops.RealDft(x, Modes), tape), size);
    }
}
