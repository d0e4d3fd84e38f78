using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// The relative L2 error Σ_b ‖p_b − t_b‖ / ‖t_b‖ over the samples b of the first axis (neuraloperator's
    /// <c>LpLoss(p=2)</c> with reduction "sum"), or its mean when <paramref name="mean"/>. The target takes no gradient;
    /// a sample whose target is zero is bad input, a non-finite one gives a non-finite loss (for the trainer to catch).
    /// </summary>
    public static Variable<T> RelativeL2<T>(Variable<T> prediction, Tensor<T> target, bool mean = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(prediction);
        Require(prediction.Value.SameShape(target), $"prediction {prediction.Value.ShapeText} and target {target.ShapeText} differ.");
        int batch = prediction.Value.Extent(0), size = prediction.Value.Count / Math.Max(batch, 1);
        T[] p = prediction.Value.Data, t = target.Data;
        var differenceNorms = new double[batch];
        var targetNorms = new double[batch];
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            double dd = 0, tt = 0;
            for (int j = b * size; j < (b + 1) * size; j++)
            {
                double d = double.CreateTruncating(p[j] - t[j]), v = double.CreateTruncating(t[j]);
                dd += d * d;
                tt += v * v;
            }
            Require(tt != 0, $"target sample {b} is zero everywhere, so its relative error is undefined.");
            differenceNorms[b] = Math.Sqrt(dd);
            targetNorms[b] = Math.Sqrt(tt);
            total += differenceNorms[b] / targetNorms[b];
        }
        double factor = mean ? 1.0 / batch : 1.0;
        var y = new Tensor<T>([], [T.CreateTruncating(total * factor)]);
        return Tape<T>.Result(y, [prediction], o =>
        {
            double seed = double.CreateTruncating(o.Gradient.Data[0]) * factor;
            T[] g = prediction.Gradient.Data;
            for (int b = 0; b < batch; b++)
            {
                if (differenceNorms[b] == 0)
                    continue; // the norm's gradient at zero: take the subgradient 0
                T s = T.CreateTruncating(seed / (differenceNorms[b] * targetNorms[b]));
                for (int j = b * size; j < (b + 1) * size; j++)
                    g[j] += s * (p[j] - t[j]);
            }
        });
    }

    /// <summary>The mean of the squared differences, (1/n) Σ (p − t)²; the target takes no gradient.</summary>
    public static Variable<T> MeanSquaredError<T>(Variable<T> prediction, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(prediction);
        Require(prediction.Value.SameShape(target), $"prediction {prediction.Value.ShapeText} and target {target.ShapeText} differ.");
        T[] p = prediction.Value.Data, t = target.Data;
        double sum = 0;
        for (int j = 0; j < p.Length; j++)
        {
            double d = double.CreateTruncating(p[j] - t[j]);
            sum += d * d;
        }
        var y = new Tensor<T>([], [T.CreateTruncating(sum / p.Length)]);
        return Tape<T>.Result(y, [prediction], o =>
        {
            T s = T.CreateTruncating(2 * double.CreateTruncating(o.Gradient.Data[0]) / p.Length);
            T[] g = prediction.Gradient.Data;
            for (int j = 0; j < p.Length; j++)
                g[j] += s * (p[j] - t[j]);
        });
    }
}
