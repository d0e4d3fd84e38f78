using System.Runtime.CompilerServices;
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
        RealOnly(a, b);
        Tensor<T> av = a.Value, bv = b.Value;
        Require(av.Rank >= 2 && av.Rank == bv.Rank && av.Extent(0) == bv.Extent(0) && av.Shape.Skip(2).SequenceEqual(bv.Shape.Skip(2)),
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
    /// The window of a real (B, C, N₁, …, N_d) tensor that starts at spatial index <paramref name="start"/> and has
    /// spatial size <paramref name="size"/>; entries outside the input are zero. A negative start and a larger size pad
    /// (neuraloperator's domain padding puts round(f·N) zeros on both sides: start −p, size N + 2p), and the window
    /// (p, N) removes that padding again.
    /// </summary>
    public static Variable<T> SpatialWindow<T>(Variable<T> x, IReadOnlyList<int> start, IReadOnlyList<int> size) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        Tensor<T> xv = x.Value;
        int d = xv.Rank - 2;
        Require(d >= 1 && size.Count == d && start.Count == d && size.All(n => n >= 1),
            $"start [{string.Join(", ", start)}] and size [{string.Join(", ", size)}] must give one start and a positive extent per spatial axis of {xv.ShapeText}.");
        int[] shape = [.. xv.Shape.Take(2), .. size], inputShape = [.. xv.Shape], offsets = [.. start];
        var y = Tensor<T>.Zeros(shape);
        CopyWindow(xv.Data, inputShape, y.Data, shape, offsets, toWindow: true);
        return Tape<T>.Result(y, [x], o => CopyWindow(x.Gradient.Data, inputShape, o.Gradient.Data, shape, offsets, toWindow: false));
    }

    /// <summary>
    /// Moves data between a full array and its window (window[i] ↔ full[start + i] where both exist): copies full into
    /// the window, or adds the window back into the full array.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyWindow<T>(T[] full, int[] fullShape, T[] window, int[] windowShape, int[] start, bool toWindow)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rank = fullShape.Length, rows = fullShape[0] * fullShape[1];
        int lastFirst = Math.Max(0, -start[^1]), lastEnd = Math.Min(windowShape[^1], fullShape[^1] - start[^1]);
        if (lastEnd <= lastFirst)
            return;
        int lines = 1;
        for (int i = 2; i < rank - 1; i++)
            lines *= windowShape[i];
        int fullRow = 1, windowRow = 1;
        for (int i = 2; i < rank; i++)
        {
            fullRow *= fullShape[i];
            windowRow *= windowShape[i];
        }
        for (int l = 0; l < lines; l++)
        {
            // The window's middle indices of line l and their places in the full array.
            int rest = l, fullOffset = 0, windowOffset = 0, fullStride = fullShape[^1], windowStride = windowShape[^1];
            bool inside = true;
            for (int i = rank - 2; i >= 2; i--)
            {
                int w = rest % windowShape[i], f = w + start[i - 2];
                rest /= windowShape[i];
                inside &= f >= 0 && f < fullShape[i];
                fullOffset += f * fullStride;
                windowOffset += w * windowStride;
                fullStride *= fullShape[i];
                windowStride *= windowShape[i];
            }
            if (!inside)
                continue;
            for (int r = 0; r < rows; r++)
            {
                Span<T> f = full.AsSpan(r * fullRow + fullOffset + lastFirst + start[^1], lastEnd - lastFirst);
                Span<T> w = window.AsSpan(r * windowRow + windowOffset + lastFirst, lastEnd - lastFirst);
                if (toWindow)
                    f.CopyTo(w);
                else
                    Kernels.AddInPlace(f, w);
            }
        }
    }

    /// <summary>
    /// A complex tensor's storage seen as a real tensor of shape (2, shape…): the real parts, then the imaginary parts.
    /// Losses and projections of spectra go through it.
    /// </summary>
    public static Variable<T> AsReal<T>(Variable<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require(z.Value.IsComplex, $"takes a complex tensor; got {z.Value.ShapeText}.");
        var y = new Tensor<T>([2, .. z.Value.Shape], z.Value.Data);
        return Tape<T>.Result(y, [z], o => Kernels.AddInPlace(z.Gradient.Data, o.Gradient.Data));
    }
}
