using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// y[b, c, s] = w[c] x[b, c, s] (+ bias[c]): a per-channel scale of a real (B, C, spatial…) tensor with an optional
    /// per-channel shift (neuraloperator's soft gating), or with <paramref name="scale"/> null a per-channel bias alone.
    /// </summary>
    public static Variable<T> ChannelAffine<T>(Variable<T> x, Variable<T>? scale, Variable<T>? bias) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        Tensor<T> xv = x.Value;
        Require(xv.Rank >= 2, $"input {xv.ShapeText} needs (batch, channels, …).");
        int batch = xv.Extent(0), channels = xv.Extent(1), points = xv.ExtentProduct(2, xv.Rank);
        foreach (Variable<T>? v in (Variable<T>?[])[scale, bias])
            if (v is not null)
                Require(!v.Value.IsComplex && v.Value.Count == channels, $"per-channel tensor {v.Value.ShapeText} must hold {channels} reals.");
        var y = xv.UninitializedLike();
        T[] xd = xv.Data, yd = y.Data;
        T[]? sd = scale?.Value.Data, bd = bias?.Value.Data;
        for (int b = 0; b < batch; b++)
            for (int c = 0; c < channels; c++)
            {
                int offset = (b * channels + c) * points;
                Span<T> target = yd.AsSpan(offset, points);
                if (sd is null)
                    xd.AsSpan(offset, points).CopyTo(target);
                else
                    Kernels.Scale<T>(xd.AsSpan(offset, points), sd[c], target);
                if (bd is not null)
                    Kernels.AddScalar(target, bd[c]);
            }
        var inputs = new List<Variable<T>> { x };
        if (scale is not null) inputs.Add(scale);
        if (bias is not null) inputs.Add(bias);
        return Tape<T>.Result(y, inputs.ToArray(), o =>
        {
            T[] g = o.Gradient.Data;
            for (int b = 0; b < batch; b++)
                for (int c = 0; c < channels; c++)
                {
                    int offset = (b * channels + c) * points;
                    ReadOnlySpan<T> gc = g.AsSpan(offset, points);
                    if (x.RequiresGradient)
                    {
                        if (sd is null)
                            Kernels.AddInPlace(x.Gradient.Data.AsSpan(offset, points), gc);
                        else
                            Kernels.ScaleAdd(x.Gradient.Data.AsSpan(offset, points), gc, sd[c]);
                    }
                    if (scale is not null && scale.RequiresGradient)
                        scale.Gradient.Data[c] += Dot<T>(gc, xd.AsSpan(offset, points));
                    if (bias is not null && bias.RequiresGradient)
                        bias.Gradient.Data[c] += Kernels.Sum(gc);
                }
        });
    }

    private static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
            sum += double.CreateTruncating(x[i] * y[i]);
        return T.CreateTruncating(sum);
    }
}
