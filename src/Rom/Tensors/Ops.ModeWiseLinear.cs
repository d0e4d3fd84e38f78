using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// A separate real channel matrix for every mode (neural spectral methods' spectral convolution on real
    /// coefficients): y[b, o, k] = Σ_i W[k, o, i] x[b, i, k] for x (B, I, modes…) and W (modes…, O, I) flattened over
    /// the modes to (K, O, I). The modes are moved first, so that each is one GEMM Y_k = X_k W_kᵀ (B × O), the modes
    /// spread over the cores; the gradients are X̄_k = Ȳ_k W_k and W̄_k += Ȳ_kᵀ X_k.
    /// </summary>
    public static Variable<T> ModeWiseLinear<T>(Variable<T> x, Variable<T> weight) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x, weight);
        int rank = x.Value.Rank;
        Require(rank >= 3 && weight.Value.Rank == rank, $"x {x.Value.ShapeText} must be (batch, channels, modes…) and the weight (modes…, out, in); got weight {weight.Value.ShapeText}.");
        int batch = x.Value.Extent(0), inputs = x.Value.Extent(1), modes = x.Value.ExtentProduct(2, rank);
        int outputs = weight.Value.Extent(-2);
        Require(weight.Value.Extent(-1) == inputs && weight.Value.ExtentProduct(0, rank - 2) == modes
            && weight.Value.Shape.Take(rank - 2).SequenceEqual(x.Value.Shape.Skip(2)),
            $"the weight {weight.Value.ShapeText} does not fit x {x.Value.ShapeText}: expected ({string.Join(", ", x.Value.Shape.Skip(2))}, out, {inputs}).");
        int[] shape = [.. x.Value.Shape];
        shape[1] = outputs;
        var y = Tensor<T>.Uninitialized(shape);
        T[] w = weight.Value.Data;
        long work = (long)batch * inputs * outputs;
        T[] xk = Transposed(x.Value.Data, batch * inputs, modes);
        T[] yk = Tensor<T>.Uninitialized([modes, batch, outputs]).Data;
        Parallelism.For(modes, work, (first, end) =>
        {
            for (int k = first; k < end; k++)
                Gemm.SerialProduct<T>(false, true, batch, outputs, inputs, xk.AsSpan(k * batch * inputs, batch * inputs),
                    w.AsSpan(k * outputs * inputs, outputs * inputs), yk.AsSpan(k * batch * outputs, batch * outputs));
        });
        AxisProducts.SwapLastTwo<T>(yk, y.Data, 1, modes, batch * outputs);
        return Tape<T>.Result(y, [x, weight], o =>
        {
            T[] gk = Transposed(o.Gradient.Data, batch * outputs, modes);
            T[]? gxk = x.RequiresGradient ? Tensor<T>.Uninitialized([modes, batch, inputs]).Data : null;
            T[]? gw = weight.RequiresGradient ? weight.Gradient.Data : null;
            Parallelism.For(modes, 2 * work, (first, end) =>
            {
                for (int k = first; k < end; k++)
                {
                    ReadOnlySpan<T> g = gk.AsSpan(k * batch * outputs, batch * outputs), wk = w.AsSpan(k * outputs * inputs, outputs * inputs);
                    if (gxk is not null)
                        Gemm.SerialProduct(false, false, batch, inputs, outputs, g, wk, gxk.AsSpan(k * batch * inputs, batch * inputs));
                    if (gw is not null)
                        Gemm.SerialProduct(true, false, outputs, inputs, batch, g, xk.AsSpan(k * batch * inputs, batch * inputs),
                            gw.AsSpan(k * outputs * inputs, outputs * inputs), accumulate: true);
                }
            });
            if (gxk is not null)
                Kernels.AddInPlace<T>(x.Gradient.Data, Transposed(gxk, modes, batch * inputs));
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
