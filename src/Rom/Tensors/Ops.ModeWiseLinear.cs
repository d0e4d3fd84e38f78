using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// A separate real channel matrix for every mode (neural spectral methods' spectral convolution on real
    /// coefficients): y[b, o, k] = Σ_i W[k, o, i] x[b, i, k] for x (B, I, modes…) and W (modes…, O, I) — the
    /// <see cref="ModeCoupling.Identity"/> case of <see cref="ModeWiseLinear{T}(Variable{T}, IReadOnlyList{Variable{T}}, ModeCoupling)"/>.
    /// </summary>
    public static Variable<T> ModeWiseLinear<T>(Variable<T> x, Variable<T> weight) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x, weight);
        int rank = x.Value.Rank;
        Require(rank >= 3 && weight.Value.Rank == rank, $"x {x.Value.ShapeText} must be (batch, channels, modes…) and the weight (modes…, out, in); got weight {weight.Value.ShapeText}.");
        Require(weight.Value.Extent(-1) == x.Value.Extent(1) && weight.Value.Shape.Take(rank - 2).SequenceEqual(x.Value.Shape.Skip(2)),
            $"the weight {weight.Value.ShapeText} does not fit x {x.Value.ShapeText}: expected ({string.Join(", ", x.Value.Shape.Skip(2))}, out, {x.Value.Extent(1)}).");
        return ModeWiseLinear(x, [weight], ModeCoupling.Identity(x.Value.ExtentProduct(2, rank)));
    }

    /// <summary>
    /// Channel matrices coupled to the modes by <paramref name="coupling"/>: y_k = Σ_t σ_t(k) W_t[b(k)] x_{π_t(k)} for
    /// x (B, I, modes…) seen as (B, I, K) and each W_t (blocks…, O, I) seen as (blocks, O, I). The modes are moved first,
    /// so that each term of each mode is one GEMM Y_k += σ X_{π(k)} W_{t,b(k)}ᵀ (B × O), the modes spread over the cores;
    /// the gradients are X̄_p += σ Ȳ_{π⁻¹(p)} W (modes spread) and W̄_{t,b} += Σ_{k: b(k) = b} σ Ȳ_kᵀ X_{π(k)} (blocks spread).
    /// </summary>
    public static Variable<T> ModeWiseLinear<T>(Variable<T> x, IReadOnlyList<Variable<T>> weights, ModeCoupling coupling) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(coupling);
        RealOnly(x);
        foreach (var w in weights)
            RealOnly(w);
        int rank = x.Value.Rank;
        Require(rank >= 3, $"x {x.Value.ShapeText} must be (batch, channels, modes…).");
        int batch = x.Value.Extent(0), inputs = x.Value.Extent(1), modes = x.Value.ExtentProduct(2, rank);
        Require(modes == coupling.Modes && weights.Count == coupling.Terms,
            $"x {x.Value.ShapeText} has {modes} modes and {weights.Count} weight(s) are given; the coupling is for {coupling.Modes} modes and {coupling.Terms} term(s).");
        int outputs = weights[0].Value.Rank >= 2 ? weights[0].Value.Extent(-2) : 0;
        foreach (var w in weights)
            Require(w.Value.Rank >= 3 && w.Value.Extent(-2) == outputs && w.Value.Extent(-1) == inputs && w.Value.ExtentProduct(0, w.Value.Rank - 2) == coupling.Blocks,
                $"the weight {w.Value.ShapeText} does not fit: expected {coupling.Blocks} block(s) of ({outputs}, {inputs}).");
        int terms = coupling.Terms, xSize = batch * inputs, ySize = batch * outputs, wSize = outputs * inputs;
        T[][] wd = [.. weights.Select(w => w.Value.Data)];
        int[] block = coupling.Block;
        long work = (long)terms * batch * inputs * outputs;
        T[] xk = Transposed(x.Value.Data, xSize, modes);
        T[] yk = Tensor<T>.Zeros([modes, batch, outputs]).Data;
        Parallelism.For(modes, work, (first, end) =>
        {
            for (int k = first; k < end; k++)
                for (int t = 0; t < terms; t++)
                    if (coupling.Source[t][k] is int p and >= 0)
                        Gemm.SerialProduct<T>(false, true, batch, outputs, inputs, xk.AsSpan(p * xSize, xSize), wd[t].AsSpan(block[k] * wSize, wSize),
                            yk.AsSpan(k * ySize, ySize), accumulate: true, alpha: T.CreateTruncating(coupling.Sign[t][k]));
        });
        int[] shape = [.. x.Value.Shape];
        shape[1] = outputs;
        var y = Tensor<T>.Uninitialized(shape);
        AxisProducts.SwapLastTwo<T>(yk, y.Data, 1, modes, ySize);
        return Tape<T>.Result(y, [x, .. weights], o =>
        {
            T[] gk = Transposed(o.Gradient.Data, ySize, modes);
            if (x.RequiresGradient)
            {
                T[] gxk = Tensor<T>.Zeros([modes, batch, inputs]).Data;
                Parallelism.For(modes, work, (first, end) =>
                {
                    for (int p = first; p < end; p++)
                        for (int t = 0; t < terms; t++)
                            if (coupling.Target[t][p] is int k and >= 0)
                                Gemm.SerialProduct<T>(false, false, batch, inputs, outputs, gk.AsSpan(k * ySize, ySize), wd[t].AsSpan(block[k] * wSize, wSize),
                                    gxk.AsSpan(p * xSize, xSize), accumulate: true, alpha: T.CreateTruncating(coupling.Sign[t][k]));
                });
                Kernels.AddInPlace<T>(x.Gradient.Data, Transposed(gxk, modes, xSize));
            }
            T[]?[] gw = [.. weights.Select(w => w.RequiresGradient ? w.Gradient.Data : null)];
            Parallelism.For(coupling.Blocks, work * modes / coupling.Blocks, (first, end) =>
            {
                for (int b = first; b < end; b++)
                    for (int t = 0; t < terms; t++)
                        if (gw[t] is { } g)
                            foreach (int k in coupling.ModesOfBlock[b])
                                if (coupling.Source[t][k] is int p and >= 0)
                                    Gemm.SerialProduct<T>(true, false, outputs, inputs, batch, gk.AsSpan(k * ySize, ySize), xk.AsSpan(p * xSize, xSize),
                                        g.AsSpan(b * wSize, wSize), accumulate: true, alpha: T.CreateTruncating(coupling.Sign[t][k]));
            });
        });
    }

    /// <summary>The (rows × columns) row-major <paramref name="data"/> transposed into new storage: (B·C, K) → (K, B·C) moves the modes of a (B, C, modes…) tensor first, and back.</summary>
    private static T[] Transposed<T>(T[] data, int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] moved = Tensor<T>.Uninitialized([columns, rows]).Data;
        AxisProducts.SwapLastTwo<T>(data, moved, 1, rows, columns);
        return moved;
    }
}
