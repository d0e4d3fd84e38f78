using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Layers.Weights;

/// <summary>
/// A spectral weight W (I, O, kept…) stored as factors (tltorch's complex CP, Tucker or TT tensors). Every form is
/// written as an input factor U (I × r) and a remainder G (r, O, kept…) with
/// <code>
/// W[i, o, k] = Σ_s U[i, s] G[s, o, k]                       (W = G ×₀ U)
/// </code>
/// so the two contractions of a spectrum x (B, I, kept…) are
/// <code>
/// reconstructed:  y = x ×_I (G ×₀ U)                        builds the dense W, then Ops.ModeContraction
/// factorised:     y = (x ×₁ Uᵀ) ×_r G                        never forms W: (B, r, kept…) against (r, O, kept…)
/// </code>
/// (neuraloperator's implementation="reconstructed" or "factorized"); a form whose remainder is large (CP) overrides
/// the factorised contraction.
/// </summary>
public abstract class FactorizedSpectralWeight<T> : ISpectralWeight<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The shape (I, O, kept…) and how to contract.</summary>
    /// <exception cref="ArgumentException">An implementation other than "factorized" or "reconstructed".</exception>
    protected FactorizedSpectralWeight(int inChannels, int outChannels, IReadOnlyList<int> keptModes, string implementation)
    {
        if (!SpectralWeights.Implementations.Contains(implementation))
            throw new ArgumentException($"implementation = '{implementation}', expected one of {string.Join(", ", SpectralWeights.Implementations)}.", nameof(implementation));
        InChannels = inChannels;
        OutChannels = outChannels;
        KeptModes = [.. keptModes];
        Implementation = implementation;
    }

    /// <inheritdoc />
    public abstract string Factorization { get; }

    /// <summary>"factorized" (contract with the factors) or "reconstructed" (build the dense weight first).</summary>
    public string Implementation { get; }

    /// <inheritdoc />
    public int InChannels { get; }

    /// <inheritdoc />
    public int OutChannels { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> KeptModes { get; }

    /// <summary>The dense shape (I, O, kept…) the factors represent.</summary>
    public int[] Shape => [InChannels, OutChannels, .. KeptModes];

    /// <inheritdoc />
    public abstract IEnumerable<Parameter<T>> Parameters { get; }

    /// <inheritdoc />
    public Variable<T> Contract(Variable<T> spectrum, Tape<T>? tape) =>
        Implementation == SpectralWeights.Reconstructed ? Ops.ModeContraction(spectrum, Dense(tape)) : ContractFactors(spectrum, tape);

    /// <inheritdoc />
    public Variable<T> Dense(Tape<T>? tape) => Ops.ModeProduct(Remainder(tape), InputFactor(tape), 0);

    /// <summary>The input factor U (I × r).</summary>
    protected abstract Variable<T> InputFactor(Tape<T>? tape);

    /// <summary>The remainder G (r, O, kept…) with W = G ×₀ U.</summary>
    protected abstract Variable<T> Remainder(Tape<T>? tape);

    /// <summary>y = (x ×₁ Uᵀ) ×_r G: the spectrum projected onto the input rank, then contracted per mode with the remainder.</summary>
    protected virtual Variable<T> ContractFactors(Variable<T> spectrum, Tape<T>? tape) =>
        Ops.ModeContraction(Ops.ModeProduct(spectrum, InputFactor(tape), 1, transpose: true), Remainder(tape));

    /// <summary>The dense initialisation's standard deviation √(2/(I + O)), which the reconstruction is initialised to match.</summary>
    protected double DenseStd => Math.Sqrt(2.0 / (InChannels + OutChannels));
}
