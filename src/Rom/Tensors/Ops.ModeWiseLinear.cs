using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// A separate real channel matrix for every mode (neural spectral methods' spectral convolution on real
    /// coefficients): y[b, o, k] = Σ_i W[k, o, i] x[b, i, k] for x (B, I, modes…) and W (modes…, O, I) flattened over
    /// the modes to (K, O, I).
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
        var y = Tensor<T>.Zeros(shape);
        T[] xs = x.Value.Data, w = weight.Value.Data, ys = y.Data;
        Parallelism.For(modes, 1, (first, end) =>
        {
            for (int k = first; k < end; k++)
                for (int b = 0; b < batch; b++)
                    for (int o = 0; o < outputs; o++)
                    {
                        T sum = T.Zero;
                        int row = (k * outputs + o) * inputs;
                        for (int i = 0; i < inputs; i++)
                            sum += w[row + i] * xs[(b * inputs + i) * modes + k];
                        ys[(b * outputs + o) * modes + k] = sum;
                    }
        });
        return Tape<T>.Result(y, [x, weight], o =>
        {
            T[] g = o.Gradient.Data;
            T[]? gx = x.RequiresGradient ? x.Gradient.Data : null, gw = weight.RequiresGradient ? weight.Gradient.Data : null;
            Parallelism.For(modes, 1, (first, end) =>
            {
                for (int k = first; k < end; k++)
                    for (int b = 0; b < batch; b++)
                        for (int out_ = 0; out_ < outputs; out_++)
                        {
                            T go = g[(b * outputs + out_) * modes + k];
                            int row = (k * outputs + out_) * inputs;
                            for (int i = 0; i < inputs; i++)
                            {
                                int xi = (b * inputs + i) * modes + k;
                                if (gw is not null)
                                    gw[row + i] += go * xs[xi];
                                if (gx is not null)
                                    gx[xi] += w[row + i] * go;
                            }
                        }
            });
        });
    }
}
