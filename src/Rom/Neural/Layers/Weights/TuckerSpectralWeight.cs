using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Layers.Weights;

/// <summary>
/// The weight as a complex Tucker tensor (tltorch's ComplexTuckerTensor): W = core ×₀ U_I ×₁ U_O ×₂ U₁ ⋯, parameters
/// <c>{name}.core</c> (r_I, r_O, r₁, …) and <c>{name}.factors.factor_{j}</c> (n_j × r_j) in the order I, O, modes.
/// neuraloperator's <c>_contract_tucker</c> (einsum "abc,efg,be,df,cg->adc" for one mode) is evaluated as
/// <code>
/// G = core ×₁ U_O ×₂ U₁ ⋯ ×_{d+1} U_d                       (r_I, O, kept…), the remainder
/// y = (x ×₁ U_Iᵀ) ×_r G                                    (B, r_I, kept…) against G, per mode
/// </code>
/// </summary>
public sealed class TuckerSpectralWeight<T> : FactorizedSpectralWeight<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// A Tucker weight of ranks <see cref="FactorizationRanks.Tucker"/>(shape, <paramref name="rank"/>), initialised as
    /// tltorch's normal_: core and factors complex normal with std (σ/Π √r_j)^(1/(N + 1)), so the reconstruction has std
    /// σ = √(2/(I + O)).
    /// </summary>
    public TuckerSpectralWeight(string name, int inChannels, int outChannels, IReadOnlyList<int> keptModes, double rank,
        Initialization init, string implementation = SpectralWeights.Factorized)
        : base(inChannels, outChannels, keptModes, implementation)
    {
        int[] shape = Shape;
        Ranks = FactorizationRanks.Tucker(shape, rank);
        double std = Math.Pow(DenseStd / Ranks.Aggregate(1.0, (p, r) => p * Math.Sqrt(r)), 1.0 / (shape.Length + 1));
        Core = new Parameter<T>($"{name}.core", init.Normal<T>([.. Ranks], std, complex: true));
        Factors = [.. shape.Select((n, j) => new Parameter<T>($"{name}.factors.factor_{j}", init.Normal<T>([n, Ranks[j]], std, complex: true)))];
    }

    /// <inheritdoc />
    public override string Factorization => "tucker";

    /// <summary>The Tucker ranks (r_I, r_O, r₁, …).</summary>
    public IReadOnlyList<int> Ranks { get; }

    /// <summary>The core (r_I, r_O, r₁, …), complex.</summary>
    public Parameter<T> Core { get; }

    /// <summary>The factors U_I (I × r_I), U_O (O × r_O), then one (kept_j × r_j) per mode.</summary>
    public IReadOnlyList<Parameter<T>> Factors { get; }

    /// <inheritdoc />
    public override IEnumerable<Parameter<T>> Parameters => [Core, .. Factors];

    /// <inheritdoc />
    protected override Variable<T> InputFactor(Tape<T>? tape) => Factors[0].Use(tape);

    /// <inheritdoc />
    protected override Variable<T> Remainder(Tape<T>? tape)
    {
        Variable<T> g = Core.Use(tape);
        for (int j = 1; j < Factors.Count; j++)
            g = Ops.ModeProduct(g, Factors[j].Use(tape), j);
        return g;
    }
}
