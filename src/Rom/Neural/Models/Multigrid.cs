using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Models;

/// <summary>
/// The multi-grid domain decomposition of the MG-TFNO (Kossaifi et al., "Multi-Grid Tensorized Fourier Neural
/// Operator", TMLR 2023) as neuraloperator's <c>MultigridPatching2D</c> with stitching, for 2-D fields: the network
/// sees small patches of the field, each with the whole field at coarser and coarser resolution around it as extra
/// channels, and its outputs on the patches are cropped and reassembled into the whole field.
/// <code>
/// n ← 2^L;  per axis: P ← N/n,  p ← round(padding · N)
/// patches ← the n × n patches of x, each widened by p periodically wrapped points per side     (B·n², C, P+2p)
/// for level l = 1 … L:
///     f ← 2^l;  q ← ⌈(P − P/f)/2⌉ + p
///     context ← x coarsened by f (x[::f, ::f]), wrapped periodically, cut into n × n windows of P+2p coarse
///               points; window (i, j) starts q coarse points before patch (i, j)'s first one, so it is centred
///               on the patch and sees f times its extent
///     patches ← [patches, context]                                        along the channels: C·(l+1)
/// the network maps the (B·n², C·(L+1), P+2p) patches to (B·n², C′, P+2p)
/// y ← every patch with its p padding points cropped, put back in its place                      (B, C′, N)
/// </code>
/// The context windows have whole coarse points at every level when P divides by 2^L, i.e. N by 4^L. With L = 0
/// both steps are the identity.
/// </summary>
public sealed class Multigrid
{
    /// <summary>The decomposition into 2^<paramref name="levels"/> × 2^<paramref name="levels"/> patches padded by <paramref name="padding"/> × the resolution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Levels outside 0 … 15, or padding outside [0, 1).</exception>
    public Multigrid(int levels, double padding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levels, 15);
        if (padding is not (>= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "a fraction in [0, 1)");
        Levels = levels;
        Padding = padding;
    }

    /// <summary>The number of levels L (neuraloperator's levels).</summary>
    public int Levels { get; }

    /// <summary>The periodic padding of each patch as a fraction of the field's resolution (neuraloperator's padding_fraction).</summary>
    public double Padding { get; }

    /// <summary>Patches per axis, 2^L.</summary>
    public int Patches => 1 << Levels;

    /// <summary>
    /// The resolution the network sees for fields of <paramref name="resolution"/>: per axis N/2^L + 2·round(padding·N)
    /// (the resolution itself when L = 0).
    /// </summary>
    /// <exception cref="ArgumentException">A resolution that does not divide by 4^L (named, as mg_levels).</exception>
    public int[] PatchResolution(IReadOnlyList<int> resolution)
    {
        if (Levels == 0)
            return [.. resolution];
        int divisor = Patches * Patches;
        for (int a = 0; a < resolution.Count; a++)
            if (resolution[a] % divisor != 0)
                throw new ArgumentException(
                    $"mg_levels = {Levels} needs a resolution that divides by 4^{Levels} = {divisor} ({Patches} patches per axis, each coarsened up to {Patches}-fold); axis {a} has {resolution[a]} points.",
                    "mg_levels");
        return [.. resolution.Select(n => n / Patches + 2 * PaddingPoints(n))];
    }

    /// <summary>Cuts a real (B, C, N₁, N₂) batch into the (B·4^L, C·(L+1), P₁+2p₁, P₂+2p₂) padded patches with their context channels.</summary>
    /// <exception cref="ArgumentException">The input is not 2-D, or its resolution does not divide by 4^L.</exception>
    public Variable<T> Patch<T>(Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Levels == 0)
            return x;
        if (x.Value.Rank != 4)
            throw new ArgumentException($"multigrid patching is 2-D; input {x.Value.ShapeText} is not (batch, channels, N₁, N₂).", nameof(x));
        int[] n = [.. x.Shape.Skip(2)], size = PatchResolution(n);
        int[] patch = [.. n.Select(m => m / Patches)], padding = [.. n.Select(PaddingPoints)];
        // Level 0: the patches themselves, p wrapped points on every side.
        Variable<T> patches = Ops.PeriodicPatches(x, Patches, [.. padding.Select(p => -p)], size);
        for (int l = 1; l <= Levels; l++)
        {
            // Level l: every f-th point, the window centred on the patch: q coarse points (f·q fine ones) before it.
            int f = 1 << l;
            int[] start = [.. patch.Select((m, a) => -f * ((m - m / f + 1) / 2 + padding[a]))];
            patches = Ops.ConcatenateChannels(patches, Ops.PeriodicPatches(x, Patches, start, size, step: f));
        }
        return patches;
    }

    /// <summary>
    /// Crops the padding of the network's outputs on the patches of (B, ·, <paramref name="resolution"/>) fields and
    /// reassembles them into (B, C′, N₁, N₂).
    /// </summary>
    /// <exception cref="ArgumentException">The patches do not come from fields of that resolution.</exception>
    public Variable<T> Stitch<T>(Variable<T> y, IReadOnlyList<int> resolution) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Levels == 0)
            return y;
        int[] size = PatchResolution(resolution);
        if (y.Value.Rank != 4 || y.Value.Extent(2) != size[0] || y.Value.Extent(3) != size[1])
            throw new ArgumentException($"patches {y.Value.ShapeText} do not have the {size[0]}×{size[1]} points of a {string.Join("×", resolution)} field's.", nameof(y));
        return Ops.StitchPatches(y, Patches, [.. resolution.Select(PaddingPoints)]);
    }

    /// <summary>The padding points on an axis of <paramref name="resolution"/> points: round(padding · N), ties to even as Python's round.</summary>
    public int PaddingPoints(int resolution) => (int)Math.Round(Padding * resolution);
}
