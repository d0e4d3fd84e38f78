using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// The pointwise (1×1) linear layer: y[b, o, s] = Σ_c W[o, c] x[b, c, s] + bias[o] for x of shape
    /// (B, C, spatial…), W of shape (O, C) and bias (O) or null; one GEMM per sample.
    /// </summary>
    public static Variable<T> ChannelLinear<T>(Variable<T> x, Variable<T> weight, Variable<T>? bias = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        Tensor<T> xv = x.Value, w = weight.Value;
        Require(xv.Rank >= 2, $"input {xv.ShapeText} needs (batch, channels, …).");
        Require(w.Rank == 2 && w.Extent(1) == xv.Extent(1) && !w.IsComplex,
            $"weight {w.ShapeText} must be (out, {xv.Extent(1)}) for input {xv.ShapeText}.");
        int batch = xv.Extent(0), inputs = xv.Extent(1), outputs = w.Extent(0), points = xv.ExtentProduct(2, xv.Rank);
        if (bias is not null)
            Require(bias.Value.Rank == 1 && bias.Value.Count == outputs && !bias.Value.IsComplex,
                $"bias {bias.Value.ShapeText} must be ({outputs}).");
        int[] shape = [.. xv.Shape];
        shape[1] = outputs;
        var y = Tensor<T>.Uninitialized(shape);
        T[] xd = xv.Data, wd = w.Data, yd = y.Data;
        T[]? bd = bias?.Value.Data;
        // One GEMM per sample, samples spread over the cores (each GEMM single-threaded: see Gemm).
        long work = (long)inputs * outputs * points;
        Parallelism.For(batch, work, (first, end) =>
        {
            for (int b = first; b < end; b++)
            {
                Span<T> yb = yd.AsSpan(b * outputs * points, outputs * points);
                if (bd is not null)
                    for (int o = 0; o < outputs; o++)
                        yb.Slice(o * points, points).Fill(bd[o]);
                Gemm.SerialProduct<T>(false, false, outputs, points, inputs, wd, xd.AsSpan(b * inputs * points, inputs * points), yb,
                    accumulate: bd is not null);
            }
        });
        Variable<T>[] inputsList = bias is null ? [x, weight] : [x, weight, bias];
        return Tape<T>.Result(y, inputsList, o =>
        {
            T[] gy = o.Gradient.Data;
            if (x.RequiresGradient)
            {
                T[] gx = x.Gradient.Data;
                Parallelism.For(batch, work, (first, end) =>
                {
                    for (int b = first; b < end; b++)
                        Gemm.SerialProduct<T>(true, false, inputs, points, outputs, wd, gy.AsSpan(b * outputs * points, outputs * points),
                            gx.AsSpan(b * inputs * points, inputs * points), accumulate: true);
                });
            }
            if (weight.RequiresGradient)
            {
                // ∂W = Σ_b gy_b x_bᵀ: each core sums its block of samples into its own (O × C) partial, and the partials
                // are added in block order, so the result does not depend on which core finished first.
                T[] gw = weight.Gradient.Data;
                var partials = new System.Collections.Concurrent.ConcurrentDictionary<int, T[]>();
                Parallelism.For(batch, work, (first, end) =>
                {
                    var partial = new T[gw.Length];
                    for (int b = first; b < end; b++)
                        Gemm.SerialProduct<T>(false, true, outputs, inputs, points, gy.AsSpan(b * outputs * points, outputs * points),
                            xd.AsSpan(b * inputs * points, inputs * points), partial, accumulate: true);
                    partials[first] = partial;
                });
                foreach (int first in partials.Keys.Order())
                    Kernels.AddInPlace<T>(gw, partials[first]);
            }
            if (bias is not null && bias.RequiresGradient)
            {
                T[] gb = bias.Gradient.Data;
                for (int b = 0; b < batch; b++)
                    for (int c = 0; c < outputs; c++)
                        gb[c] += Kernels.Sum<T>(gy.AsSpan((b * outputs + c) * points, points));
            }
        });
    }
}
