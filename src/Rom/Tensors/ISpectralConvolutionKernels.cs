namespace Rom.Tensors;

/// <summary>
/// A backend (a GPU, typically) that runs a whole spectral convolution y = F⁻¹(W · (F x)|kept) in float: the truncated
/// real DFT of <see cref="Ops.RealDft{T}"/>, the contraction of <see cref="Ops.ModeContraction{T}"/> and the zero-padded
/// inverse of <see cref="Ops.InverseRealDft{T}"/>, with the same mode order and scaling. One call per pass keeps every
/// intermediate on the device: the forward moves x and W in and y and the small spectrum F x out; the backward moves ȳ,
/// that spectrum and W in and x̄ and W̄ out. Rom holds the interface, Rom.Gpu an implementation;
/// <see cref="Ops.SpectralConvolution{T}"/> uses one when given.
/// </summary>
/// <remarks>Arrays are row-major and batch-first; complex ones are planar (all real parts, then all imaginary parts).</remarks>
public interface ISpectralConvolutionKernels
{
    /// <summary>Short name for reports, e.g. "gpu (Cuda, NVIDIA H200)".</summary>
    string Name { get; }

    /// <summary>Whether this backend runs convolutions of <paramref name="shape"/> (e.g. its number of spatial axes).</summary>
    bool Supports(SpectralConvolutionShape shape);

    /// <summary>
    /// y = F⁻¹(W · (F x)|kept) for x (B, I, N…) and W (I, O, kept…); also writes the truncated spectrum F x (B, I, kept…),
    /// which <see cref="Backward"/> needs for W̄.
    /// </summary>
    /// <exception cref="ArgumentException">An array's length is not the one <paramref name="shape"/> gives it.</exception>
    void Forward(SpectralConvolutionShape shape, ReadOnlySpan<float> input, ReadOnlySpan<float> weight, Span<float> output, Span<float> spectrum);

    /// <summary>
    /// The gradients of the forward pass for the output gradient ȳ: with v̄ = F⁻ᴴ ȳ (B, O, kept…), x̄ = Fᴴ(v̄ ×_O Wᴴ) into
    /// <paramref name="inputGradient"/> and W̄[i, o, k] = Σ_b conj((F x)[b, i, k]) v̄[b, o, k] into
    /// <paramref name="weightGradient"/>, both overwritten (the caller adds them up). An empty span skips that gradient.
    /// </summary>
    /// <exception cref="ArgumentException">An array's length is not the one <paramref name="shape"/> gives it.</exception>
    void Backward(SpectralConvolutionShape shape, ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> spectrum, ReadOnlySpan<float> weight,
        Span<float> inputGradient, Span<float> weightGradient);
}
