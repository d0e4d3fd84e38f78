using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// The per-mode channel contraction of a spectral convolution: y[b, o, k] = Σ_i x[b, i, k] W[i, o, k] for complex x
    /// (B, I, modes…) and W (I, O, modes…), the same mode shape on both (neuraloperator's "dense" contraction,
    /// einsum "bi…,io…->bo…"). SIMD runs along the modes, threads over samples.
    /// </summary>
    public static Variable<T> ModeContraction<T>(Variable<T> x, Variable<T> weight) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string op = nameof(ModeContraction);
        Tensor<T> xv = x.Value, w = weight.Value;
        Require(xv.IsComplex && w.IsComplex && xv.Rank >= 3 && w.Rank == xv.Rank && w.Extent(0) == xv.Extent(1)
                && xv.Shape.Skip(2).SequenceEqual(w.Shape.Skip(2)), op,
            $"input {xv.ShapeText} and weight {w.ShapeText} must be complex (B, I, modes…) and (I, O, modes…).");
        int batch = xv.Extent(0), inputs = xv.Extent(1), outputs = w.Extent(1), modes = xv.ExtentProduct(2, xv.Rank);
        int[] shape = [.. xv.Shape];
        shape[1] = outputs;
        var y = Tensor<T>.Zeros(shape, true);
        T[] xd = xv.Data, wd = w.Data, yd = y.Data;
        int xc = xv.Count, wc = w.Count, yc = y.Count;
        long work = 8L * inputs * outputs * modes;
        Parallelism.For(batch, work, (first, end) =>
        {
            for (int b = first; b < end; b++)
                for (int o = 0; o < outputs; o++)
                {
                    int yo = (b * outputs + o) * modes;
                    for (int i = 0; i < inputs; i++)
                    {
                        int xo = (b * inputs + i) * modes, wo = (i * outputs + o) * modes;
                        ComplexKernels.MultiplyAdd(xd, xo, xc, wd, wo, wc, yd, yo, yc, modes, conjugateFirst: false);
                    }
                }
        });
        return Tape<T>.Result(y, [x, weight], r =>
        {
            T[] gy = r.Gradient.Data;
            if (x.RequiresGradient)
            {
                T[] gx = x.Gradient.Data;
                Parallelism.For(batch, work, (first, end) =>
                {
                    for (int b = first; b < end; b++)
                        for (int i = 0; i < inputs; i++)
                        {
                            int xo = (b * inputs + i) * modes;
                            for (int o = 0; o < outputs; o++)
                                ComplexKernels.MultiplyAdd(wd, (i * outputs + o) * modes, wc, gy, (b * outputs + o) * modes, yc,
                                    gx, xo, xc, modes, conjugateFirst: true);
                        }
                });
            }
            if (weight.RequiresGradient)
            {
                T[] gw = weight.Gradient.Data;
                Parallelism.For(inputs, work, (first, end) =>
                {
                    for (int i = first; i < end; i++)
                        for (int o = 0; o < outputs; o++)
                        {
                            int wo = (i * outputs + o) * modes;
                            for (int b = 0; b < batch; b++)
                                ComplexKernels.MultiplyAdd(xd, (b * inputs + i) * modes, xc, gy, (b * outputs + o) * modes, yc,
                                    gw, wo, wc, modes, conjugateFirst: true);
                        }
                });
            }
        });
    }
}
