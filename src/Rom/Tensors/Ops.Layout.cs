using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Joins real tensors (B, C₁, spatial…) and (B, C₂, spatial…) along the channel axis, as <c>torch.cat(dim=1)</c>
    /// (the grid coordinates of a positional embedding are joined to the input this way).
    /// </summary>
    public static Variable<T> ConcatenateChannels<T>(Variable<T> a, Variable<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string op = nameof(ConcatenateChannels);
        RealOnly(a, op);
        RealOnly(b, op);
        Tensor<T> av = a.Value, bv = b.Value;
        Require(av.Rank >= 2 && av.Rank == bv.Rank && av.Extent(0) == bv.Extent(0) && av.Shape.Skip(2).SequenceEqual(bv.Shape.Skip(2)), op,
            $"{av.ShapeText} and {bv.ShapeText} differ outside the channel axis.");
        int batch = av.Extent(0), sa = av.Count / batch, sb = bv.Count / batch;
        int[] shape = [.. av.Shape];
        shape[1] += bv.Extent(1);
        var y = Tensor<T>.Zeros(shape);
        for (int i = 0; i < batch; i++)
        {
            av.Data.AsSpan(i * sa, sa).CopyTo(y.Data.AsSpan(i * (sa + sb)));
            bv.Data.AsSpan(i * sb, sb).CopyTo(y.Data.AsSpan(i * (sa + sb) + sa));
        }
        return Tape<T>.Result(y, [a, b], o =>
        {
            T[] g = o.Gradient.Data;
            for (int i = 0; i < batch; i++)
            {
                if (a.RequiresGradient) Kernels.AddInPlace(a.Gradient.Data.AsSpan(i * sa, sa), g.AsSpan(i * (sa + sb), sa));
                if (b.RequiresGradient) Kernels.AddInPlace(b.Gradient.Data.AsSpan(i * sb, sb), g.AsSpan(i * (sa + sb) + sa, sb));
            }
        });
    }

    /// <summary>
    /// The window of a real (B, C, N₁, …, N_d) tensor of spatial size <paramref name="size"/> that starts at the
    /// origin: a larger size pads zeros after the data (neuraloperator's one-sided domain padding), a smaller one crops
    /// (removing that padding again).
    /// </summary>
    public static Variable<T> SpatialWindow<T>(Variable<T> x, IReadOnlyList<int> size) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const string op = nameof(SpatialWindow);
        RealOnly(x, op);
        Tensor<T> xv = x.Value;
        int d = xv.Rank - 2;
        Require(d >= 1 && size.Count == d && size.All(n => n >= 1), op, $"size [{string.Join(", ", size)}] must give a positive extent per spatial axis of {xv.ShapeText}.");
        int[] shape = [.. xv.Shape.Take(2), .. size];
        var y = Tensor<T>.Zeros(shape);
        CopyWindow(xv.Data, [.. xv.Shape], y.Data, shape, accumulate: false);
        int[] inputShape = [.. xv.Shape];
        return Tape<T>.Result(y, [x], o => CopyWindow(o.Gradient.Data, shape, x.Gradient.Data, inputShape, accumulate: true));
    }

    /// <summary>
    /// A complex tensor's storage seen as a real tensor of shape (2, shape…): the real parts, then the imaginary parts.
    /// Losses and projections of spectra go through it.
    /// </summary>
    public static Variable<T> AsReal<T>(Variable<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require(z.Value.IsComplex, nameof(AsReal), $"takes a complex tensor; got {z.Value.ShapeText}.");
        var y = new Tensor<T>([2, .. z.Value.Shape], z.Value.Data);
        return Tape<T>.Result(y, [z], o => Kernels.AddInPlace(z.Gradient.Data, o.Gradient.Data));
    }

    /// <summary>Copies (or adds) the common origin-anchored window of two row-major arrays with equal leading two extents.</summary>
    private static void CopyWindow<T>(T[] source, int[] sourceShape, T[] destination, int[] destinationShape, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rank = sourceShape.Length;
        int rows = sourceShape[0] * sourceShape[1];
        int[] common = new int[rank];
        for (int i = 0; i < rank; i++)
            common[i] = Math.Min(sourceShape[i], destinationShape[i]);
        int line = common[^1];
        int lines = 1;
        for (int i = 2; i < rank - 1; i++)
            lines *= common[i];
        int[] index = new int[rank];
        for (int r = 0; r < rows; r++)
            for (int l = 0; l < lines; l++)
            {
                // Decompose l into the middle spatial indices of the common window.
                int rest = l;
                for (int i = rank - 2; i >= 2; i--)
                {
                    index[i] = rest % common[i];
                    rest /= common[i];
                }
                int so = r, dOff = r;
                for (int i = 2; i < rank; i++)
                {
                    so = so * sourceShape[i] + (i < rank - 1 ? index[i] : 0);
                    dOff = dOff * destinationShape[i] + (i < rank - 1 ? index[i] : 0);
                }
                ReadOnlySpan<T> s = source.AsSpan(so, line);
                Span<T> t = destination.AsSpan(dOff, line);
                if (accumulate)
                    Kernels.AddInPlace(t, s);
                else
                    s.CopyTo(t);
            }
    }
}
