using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// Cuts every field of a real 2-D batch (B, C, N₁, N₂) into n × n periodic windows stacked along the batch axis,
    /// giving (B·n², C, size₁, size₂) with, for patch (i, j) of sample b,
    /// <code>
    /// y[(b·n + i)·n + j, c, r, s] = x[b, c, (i·N₁/n + start₁ + r·step) mod N₁, (j·N₂/n + start₂ + s·step) mod N₂]
    /// </code>
    /// With start −p, size N/n + 2p and step 1 these are neuraloperator's <c>make_patches</c>: the patches with p points
    /// of periodically wrapped neighbouring data on every side. With step 2^l they are windows of the field coarsened by
    /// 2^l (its multigrid context channels, <c>x[:, :, ::2^l, ::2^l]</c> wrapped and unfolded). The windows may overlap
    /// and wrap more than once; the backward step adds every window's gradient back into the points it read.
    /// </summary>
    /// <exception cref="ArgumentException">The input is not a real 4-D tensor whose spatial extents divide by n, or a size or step is not positive.</exception>
    public static Variable<T> PeriodicPatches<T>(Variable<T> x, int patches, IReadOnlyList<int> start, IReadOnlyList<int> size, int step = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        Tensor<T> xv = x.Value;
        Require(xv.Rank == 4, $"input {xv.ShapeText} must be a 2-D batch (batch, channels, N₁, N₂).");
        Require(patches >= 1 && xv.Extent(2) % patches == 0 && xv.Extent(3) % patches == 0,
            $"{patches} patches per axis must divide the resolution {xv.Extent(2)}×{xv.Extent(3)}.");
        Require(start.Count == 2 && size.Count == 2 && size.All(n => n >= 1) && step >= 1,
            $"start [{string.Join(", ", start)}], size [{string.Join(", ", size)}] and step {step} must give one start and a positive size per axis and a positive step.");
        int[] field = [.. xv.Shape], patched = [xv.Extent(0) * patches * patches, xv.Extent(1), size[0], size[1]];
        // Where each window point reads: map[a][i·size_a + r] = (i·N_a/n + start_a + r·step) mod N_a.
        int[][] map = new int[2][];
        for (int a = 0; a < 2; a++)
        {
            int n = field[a + 2], stride = n / patches;
            map[a] = new int[patches * size[a]];
            for (int i = 0; i < patches; i++)
                for (int r = 0; r < size[a]; r++)
                    map[a][i * size[a] + r] = (int)((((long)i * stride + start[a] + (long)r * step) % n + n) % n);
        }
        var y = Tensor<T>.Uninitialized(patched);
        MovePatches(xv.Data, field, y.Data, patched, patches, map[0], map[1], toPatches: true, accumulate: false);
        return Tape<T>.Result(y, [x], o =>
            MovePatches(x.Gradient.Data, field, o.Gradient.Data, patched, patches, map[0], map[1], toPatches: false, accumulate: true));
    }

    /// <summary>
    /// Reassembles n × n patches stacked along the batch axis (B·n², C, h₁ + 2·crop₁, h₂ + 2·crop₂), in
    /// <see cref="PeriodicPatches{T}"/>'s order, into whole fields (B, C, n·h₁, n·h₂) after cropping their padding,
    /// as neuraloperator's <c>_unpad</c> then <c>_stitch</c>:
    /// <code>
    /// y[b, c, i·h₁ + r, j·h₂ + s] = x[(b·n + i)·n + j, c, crop₁ + r, crop₂ + s]
    /// </code>
    /// The cropped points take no gradient.
    /// </summary>
    /// <exception cref="ArgumentException">The input is not a real 4-D tensor with a multiple of n² patches, or the crop leaves nothing.</exception>
    public static Variable<T> StitchPatches<T>(Variable<T> x, int patches, IReadOnlyList<int> crop) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RealOnly(x);
        Tensor<T> xv = x.Value;
        Require(xv.Rank == 4 && patches >= 1 && xv.Extent(0) % (patches * patches) == 0,
            $"input {xv.ShapeText} must be 2-D patches (batch·{patches}², channels, h₁, h₂).");
        Require(crop.Count == 2 && crop.All(p => p >= 0) && xv.Extent(2) > 2 * crop[0] && xv.Extent(3) > 2 * crop[1],
            $"crop [{string.Join(", ", crop)}] must leave points of the {xv.Extent(2)}×{xv.Extent(3)} patches.");
        int[] patched = [.. xv.Shape];
        int[] inner = [patched[2] - 2 * crop[0], patched[3] - 2 * crop[1]];
        int[] field = [patched[0] / (patches * patches), patched[1], patches * inner[0], patches * inner[1]];
        // Where each patch point goes: map[a][i·h_a + r] = i·inner_a + r − crop_a, or −1 in the cropped margin.
        int[][] map = new int[2][];
        for (int a = 0; a < 2; a++)
        {
            int h = patched[a + 2];
            map[a] = new int[patches * h];
            for (int i = 0; i < patches; i++)
                for (int r = 0; r < h; r++)
                    map[a][i * h + r] = r >= crop[a] && r < crop[a] + inner[a] ? i * inner[a] + r - crop[a] : -1;
        }
        var y = Tensor<T>.Uninitialized(field);
        MovePatches(y.Data, field, xv.Data, patched, patches, map[0], map[1], toPatches: false, accumulate: false);
        return Tape<T>.Result(y, [x], o =>
            MovePatches(o.Gradient.Data, field, x.Gradient.Data, patched, patches, map[0], map[1], toPatches: true, accumulate: true));
    }

    /// <summary>
    /// Moves data between whole fields (B, C, N₁, N₂) and their patches (B·n², C, h₁, h₂), where patch point
    /// (i, j; r, s) corresponds to field point (rows[i·h₁ + r], columns[j·h₂ + s]) and −1 marks a point with no partner:
    /// copies or adds fields into patches (<paramref name="toPatches"/>), or patches into fields.
    /// </summary>
    private static void MovePatches<T>(T[] field, int[] fieldShape, T[] patch, int[] patchShape, int patches, int[] rows, int[] columns,
        bool toPatches, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int batch = fieldShape[0], channels = fieldShape[1], n1 = fieldShape[2], n2 = fieldShape[3], h1 = patchShape[2], h2 = patchShape[3];
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < patches; i++)
                for (int j = 0; j < patches; j++)
                    for (int c = 0; c < channels; c++)
                    {
                        int fieldBase = (b * channels + c) * n1 * n2, patchBase = ((((b * patches + i) * patches + j) * channels) + c) * h1 * h2;
                        for (int r = 0; r < h1; r++)
                        {
                            int row = rows[i * h1 + r];
                            if (row < 0)
                                continue;
                            int f = fieldBase + row * n2, p = patchBase + r * h2;
                            for (int s = 0; s < h2; s++)
                            {
                                int column = columns[j * h2 + s];
                                if (column < 0)
                                    continue;
                                ref T from = ref toPatches ? ref field[f + column] : ref patch[p + s];
                                ref T to = ref toPatches ? ref patch[p + s] : ref field[f + column];
                                to = accumulate ? to + from : from;
                            }
                        }
                    }
    }
}
