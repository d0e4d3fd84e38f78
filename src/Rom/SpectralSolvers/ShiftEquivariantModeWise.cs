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
/// Chebyshev axes keep a matrix per slot. The reference network's per-slot matrices (<see cref="Ops.ModeWiseLinear{T}"/>)
/// treat the cosine and sine of a wave independently, so what they learn at one phase they must learn again at every other.
/// </summary>
public sealed class ShiftEquivariantModeWise<T> : IModeWiseLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _weights;
    private readonly (int Axis, double[,] Expansion, double[,] QuarterTurn)[] _fourier;

    /// <summary>A layer of width <paramref name="width"/> on slots <paramref name="modes"/>, weights N(0, σ²/2^F).</summary>
    public ShiftEquivariantModeWise(string name, int[] modes, SpectralBasis[] bases, int width, double std, Initialization init)
    {
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(init);
        _fourier = [.. Enumerable.Range(0, modes.Length).Where(a => bases[a] == SpectralBasis.Fourier)
            .Select(a => (a, Expansion(modes[a]), QuarterTurn(modes[a])))];
        int[] blocks = [.. modes];
        foreach (var f in _fourier)
            blocks[f.Axis] = f.Expansion.GetLength(1);
        int subsets = 1 << _fourier.Length;
        double scale = std / Math.Sqrt(subsets);
        _weights = [.. Enumerable.Range(0, subsets).Select(s => new Parameter<T>($"{name}.{s}", init.Normal<T>([.. blocks, width, width], scale)))];
    }

    /// <summary>The channel matrices θ_S, one tensor (wave blocks…, h, h) per subset S of the Fourier axes.</summary>
    public IEnumerable<Parameter<T>> Parameters => _weights;

    /// <summary>y = Σ_S J_S(W_S ⊙ u) for u (B, h, modes…); with a tape the pass is recorded.</summary>
    public Variable<T> Forward(Variable<T> u, Tape<T>? tape)
    {
        ArgumentNullException.ThrowIfNull(u);
        Variable<T>? y = null;
        for (int s = 0; s < _weights.Length; s++)
        {
            var w = _weights[s].Use(tape);
            foreach (var f in _fourier)
                w = Ops.AxisLinear(w, f.Expansion, f.Axis);
            var term = Ops.ModeWiseLinear(u, w);
            for (int i = 0; i < _fourier.Length; i++)
                if ((s >> i & 1) == 1)
                    term = Ops.AxisLinear(term, _fourier[i].QuarterTurn, 2 + _fourier[i].Axis);
            y = y is null ? term : Ops.Add(y, term);
        }
        return y!;
    }

    /// <summary>E[slot, k] = 1 where the slot belongs to wave k (n × number of waves).</summary>
    private static double[,] Expansion(int n)
    {
        int[] waves = RealFourierBasis.WaveNumbers(n);
        var e = new double[n, waves.Max() + 1];
        for (int s = 0; s < n; s++)
            e[s, waves[s]] = 1;
        return e;
    }

    /// <summary>J: the cosine slot of wave k > 0 takes the sine's coefficient, the sine slot minus the cosine's; slots without a partner map to 0.</summary>
    private static double[,] QuarterTurn(int n)
    {
        int[] waves = RealFourierBasis.WaveNumbers(n);
        var j = new double[n, n];
        for (int c = 0; c < n; c++)
            for (int s = 0; s < n; s++)
                if (waves[c] > 0 && waves[c] == waves[s] && RealFourierBasis.IsCosine(n, c) && !RealFourierBasis.IsCosine(n, s))
                    (j[c, s], j[s, c]) = (1, -1);
        return j;
    }
}
