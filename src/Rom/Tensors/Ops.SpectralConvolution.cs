using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// A whole spectral convolution without bias, y = F⁻¹(W · (F x)|kept) for real x (B, I, N…) and complex W (I, O,
    /// kept…), at the input's resolution: <see cref="InverseRealDft{T}"/> of <see cref="ModeContraction{T}"/> of
    /// <see cref="RealDft{T}"/>. When <paramref name="kernels"/> is given, <typeparamref name="T"/> is float and the
    /// backend supports the shape, forward and backward each run as one call to it (intermediates stay on its device);
    /// otherwise the three CPU ops are composed.
    /// </summary>
    public static Variable<T> SpectralConvolution<T>(Variable<T> x, Variable<T> weight, IReadOnlyList<int> modes, ISpectralConvolutionKernels? kernels = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        Tensor<T> xv = x.Value, w = weight.Value;
        int d = xv.Rank - 2;
        Require(d >= 1 && modes.Count == d && w.IsComplex && w.Rank == xv.Rank && w.Extent(0) == xv.Extent(1)
                && w.Shape.Skip(2).SequenceEqual(KeptModes(modes)),
            $"input {xv.ShapeText}, weight {w.ShapeText} and modes [{string.Join(", ", modes)}] must be real (B, I, N…), complex (I, O, kept…) with kept = [{string.Join(", ", KeptModes(modes))}].");
        int[] sizes = [.. xv.Shape.Skip(2)];
        if (kernels is null || typeof(T) != typeof(float))
            return InverseRealDft(ModeContraction(RealDft(x, modes), weight), sizes);
        var shape = new SpectralConvolutionShape(xv.Extent(0), w.Extent(0), w.Extent(1), sizes, modes);
        if (!kernels.Supports(shape))
            return InverseRealDft(ModeContraction(RealDft(x, modes), weight), sizes);
        var y = Tensor<T>.Uninitialized([shape.Batch, shape.OutChannels, .. sizes]);
        T[] spectrum = TensorScope.Scratch<T>(shape.SpectrumLength);
        kernels.Forward(shape, Floats(xv.Data), Floats(w.Data), Floats(y.Data), Floats(spectrum).AsSpan(0, shape.SpectrumLength));
        return Tape<T>.Result(y, [x, weight], o =>
        {
            float[] gx = x.RequiresGradient ? TensorScope.Scratch<float>(shape.InputLength) : [];
            float[] gw = weight.RequiresGradient ? TensorScope.Scratch<float>(shape.WeightLength) : [];
            kernels.Backward(shape, Floats(o.Gradient.Data), Floats(spectrum).AsSpan(0, shape.SpectrumLength), Floats(w.Data),
                gx.AsSpan(0, x.RequiresGradient ? shape.InputLength : 0), gw.AsSpan(0, weight.RequiresGradient ? shape.WeightLength : 0));
            if (x.RequiresGradient)
                Kernels.AddInPlace(Floats(x.Gradient.Data).AsSpan(), gx.AsSpan(0, shape.InputLength));
            if (weight.RequiresGradient)
                Kernels.AddInPlace(Floats(weight.Gradient.Data).AsSpan(), gw.AsSpan(0, shape.WeightLength));
        });
    }

    /// <summary>The storage of a float tensor seen as float[] (callers check typeof(T) == typeof(float)).</summary>
    private static float[] Floats<T>(T[] data) => (float[])(object)data;
}
