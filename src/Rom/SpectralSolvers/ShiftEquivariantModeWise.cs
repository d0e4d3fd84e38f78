using System.Numerics;
using Rom.Neural;
using Rom.Spectral.Chebyshev;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// A mode-wise channel mixing of real spectral coefficients (B, h, modes…) that commutes with shifts along the Fourier
/// axes — the real-basis form of the FNO's complex weight per wave. On a Fourier axis the slots cos 2πkx and sin 2πkx of
/// one wave k rotate into each other under a shift; a map commutes with every rotation exactly when it is a combination of
/// the identity and the quarter turn J (c ↦ s, s ↦ −c) with channel matrices shared by both slots. With F Fourier axes:
/// <code>
///   y = Σ_{S ⊆ Fourier axes} J_S ( W_S ⊙ u ),   W_S[slot] = θ_S[wave of slot]   (J_S = Π_{a∈S} J_a along axis a)
/// </code>
/// so 2^F channel matrices per wave block instead of one per slot (about as many numbers: a 2-D block has four slots).
/// Chebyshev axes keep a matrix per slot. The reference network's per-slot matrices (<see cref="Ops.ModeWiseLinear{T}(Variable{T}, Variable{T})"/>)
/// treat the cosine and sine of a wave independently, so what they learn at one phase they must learn again at every other.
/// </summary>
public sealed class ShiftEquivariantModeWise<T> : IModeWiseLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _weights;
    private readonly ModeCoupling _coupling;

    /// <summary>A layer of width <paramref name="width"/> on slots <paramref name="modes"/>, weights N(0, σ²/2^F).</summary>
    public ShiftEquivariantModeWise(string name, int[] modes, SpectralBasis[] bases, int width, double std, Initialization init)
    {
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(init);
        int[] fourier = [.. Enumerable.Range(0, modes.Length).Where(a => bases[a] == SpectralBasis.Fourier)];
        // The weight block of a slot along each axis: its wave on a Fourier axis, the slot itself on a Chebyshev one.
        int[][] waves = [.. modes.Select((n, a) => bases[a] == SpectralBasis.Fourier ? RealFourierBasis.WaveNumbers(n) : [.. Enumerable.Range(0, n)])];
        int[] blocks = [.. waves.Select(w => w.Max() + 1)];
        _coupling = Coupling(modes, waves, blocks, fourier);
        double scale = std / Math.Sqrt(_coupling.Terms);
        _weights = [.. Enumerable.Range(0, _coupling.Terms).Select(s => new Parameter<T>($"{name}.{s}", init.Normal<T>([.. blocks, width, width], scale)))];
    }

    /// <summary>The channel matrices θ_S, one tensor (wave blocks…, h, h) per subset S of the Fourier axes.</summary>
    public IEnumerable<Parameter<T>> Parameters => _weights;

    /// <summary>y = Σ_S J_S(W_S ⊙ u) for u (B, h, modes…), one fused pass; with a tape the pass is recorded.</summary>
    public Variable<T> Forward(Variable<T> u, Tape<T>? tape)
    {
        ArgumentNullException.ThrowIfNull(u);
        return Ops.ModeWiseLinear(u, [.. _weights.Select(w => w.Use(tape))], _coupling);
    }

    /// <summary>
    /// The term of subset S (bit i: Fourier axis i) reaches slot k from J_S's source slot: along each axis of S the
    /// partner of k's slot (cosine ↔ sine of the same wave), with sign + at a cosine slot and − at a sine slot (J: c ↦ s,
    /// s ↦ −c); nothing where an axis of S has no partner. Every term uses the matrix of k's wave block.
    /// </summary>
    private static ModeCoupling Coupling(int[] modes, int[][] waves, int[] blocks, int[] fourier)
    {
        int d = modes.Length, count = modes.Aggregate(1, (p, n) => p * n), terms = 1 << fourier.Length;
        int[] block = new int[count];
        int[][] source = [.. Enumerable.Range(0, terms).Select(_ => new int[count])], sign = [.. Enumerable.Range(0, terms).Select(_ => new int[count])];
        var index = new int[d];
        for (int k = 0; k < count; k++)
        {
            for (int a = d - 1, rest = k; a >= 0; rest /= modes[a], a--)
                index[a] = rest % modes[a];
            block[k] = Flatten(d, a => waves[a][index[a]], blocks);
            for (int t = 0; t < terms; t++)
            {
                int[] from = (int[])index.Clone();
                int sigma = 1;
                for (int i = 0; i < fourier.Length && sigma != 0; i++)
                    if ((t >> i & 1) == 1)
                    {
                        int a = fourier[i], partner = Partner(waves[a], index[a]);
                        sigma = partner < 0 ? 0 : sigma * (RealFourierBasis.IsCosine(modes[a], index[a]) ? 1 : -1);
                        from[a] = partner;
                    }
                source[t][k] = sigma == 0 ? -1 : Flatten(d, a => from[a], modes);
                sign[t][k] = sigma == 0 ? 1 : sigma;
            }
        }
        return new ModeCoupling(block, blocks.Aggregate(1, (p, n) => p * n), source, sign);
    }

    private static int Flatten(int d, Func<int, int> index, int[] extents)
    {
        int flat = 0;
        for (int a = 0; a < d; a++)
            flat = flat * extents[a] + index(a);
        return flat;
    }

    /// <summary>The other slot of the same wave k > 0 (its sine for a cosine, and back), or −1 where the slot has none.</summary>
    private static int Partner(int[] waves, int slot)
    {
        int n = waves.Length;
        if (waves[slot] == 0)
            return -1;
        bool cosine = RealFourierBasis.IsCosine(n, slot);
        for (int s = 0; s < n; s++)
            if (s != slot && waves[s] == waves[slot] && RealFourierBasis.IsCosine(n, s) != cosine)
                return s;
        return -1;
    }
}
