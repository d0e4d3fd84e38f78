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
        Tensor<T> xv = x.Value, w = weight.Value;
        Require(xv.IsComplex && w.IsComplex && xv.Rank >= 3 && w.Rank == xv.Rank && w.Extent(0) == xv.Extent(1)
                && xv.Shape.Skip(2).SequenceEqual(w.Shape.Skip(2)),
            $"input {xv.ShapeText} and weight {w.ShapeText} must be complex (B, I, modes…) and (I, O, modes…).");
        int batch = xv.Extent(0), inputs = xv.Extent(1), outputs = w.Extent(1), modes = xv.ExtentProduct(2, xv.Rank);
        int[] shape = [.. xv.Shape];
        shape[1] = outputs;
        var y = Tensor<T>.Zeros(shape, true);
        long work = 8L * inputs * outputs * modes;
        // Rows of modes entries: y[b, o] = Σ_i x[b, i] W[i, o], x̄[b, i] += Σ_o conj(W[i, o]) ȳ[b, o], W̄[i, o] += Σ_b conj(x[b, i]) ȳ[b, o].
        ContractRows(xv, new(inputs * modes, 0, modes), w, new(0, modes, outputs * modes), y, new(outputs * modes, modes, 0),
            batch, outputs, inputs, modes, work, conjugateFirst: false);
        return Tape<T>.Result(y, [x, weight], r =>
        {
            if (x.RequiresGradient)
                ContractRows(w, new(0, outputs * modes, modes), r.Gradient, new(outputs * modes, 0, modes), x.Gradient, new(inputs * modes, modes, 0),
                    batch, inputs, outputs, modes, work, conjugateFirst: true);
            if (weight.RequiresGradient)
                ContractRows(xv, new(modes, 0, inputs * modes), r.Gradient, new(0, modes, outputs * modes), weight.Gradient, new(outputs * modes, modes, 0),
                    inputs, outputs, batch, modes, work, conjugateFirst: true);
        });
    }

    /// <summary>Where row (p, q, r) of an operand of <see cref="ContractRows{T}"/> starts: p·P + q·Q + r·R.</summary>
    private readonly record struct RowStrides(int P, int Q, int R);

    /// <summary>
    /// c[p, q] += Σ_r op(a[p, q, r]) · b[p, q, r] over rows of <paramref name="modes"/> complex entries, r in increasing
    /// order, op the conjugate when <paramref name="conjugateFirst"/>; threads over p.
    /// </summary>
    private static void ContractRows<T>(Tensor<T> a, RowStrides sa, Tensor<T> b, RowStrides sb, Tensor<T> c, RowStrides sc,
        int ps, int qs, int rs, int modes, long work, bool conjugateFirst) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] ad = a.Data, bd = b.Data, cd = c.Data;
        int ac = a.Count, bc = b.Count, cc = c.Count;
        Parallelism.For(ps, work, (first, end) =>
        {
            for (int p = first; p < end; p++)
                for (int q = 0; q < qs; q++)
                    for (int r = 0; r < rs; r++)
                        ComplexKernels.MultiplyAdd(ad, p * sa.P + q * sa.Q + r * sa.R, ac, bd, p * sb.P + q * sb.Q + r * sb.R, bc,
                            cd, p * sc.P + q * sc.Q, cc, modes, conjugateFirst);
        });
    }
}
