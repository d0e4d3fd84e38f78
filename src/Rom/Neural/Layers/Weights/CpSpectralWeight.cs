using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Layers.Weights;

/// <summary>
/// The weight as a complex CP tensor (tltorch's ComplexCPTensor): W[i, o, k₁, …] = Σ_r λ_r U_I[i, r] U_O[o, r] Π_j U_j[k_j, r],
/// parameters <c>{name}.weights</c> (R) and <c>{name}.factors.factor_{j}</c> (n_j × R) in the order I, O, modes. The
/// factorised contraction is neuraloperator's <c>_contract_cp</c>, einsum "abc,d,bd,ed,cd->aec" for one mode, evaluated as
/// <code>
/// t[b, r, k] = Σ_i x[b, i, k] U_I[i, r]                   x ×₁ U_Iᵀ
/// t[b, r, k] ← t[b, r, k] · λ_r Π_j U_j[k_j, r]            broadcast by the (R, kept…) rank-one mode terms
/// y[b, o, k] = Σ_r U_O[o, r] t[b, r, k]                   t ×₁ U_O
/// </code>
/// at B·K·R·(I + O + 1) complex products against B·K·I·O for the dense weight.
/// </summary>
public sealed class CpSpectralWeight<T> : FactorizedSpectralWeight<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// A CP weight of rank <see cref="FactorizationRanks.Cp"/>(shape, <paramref name="rank"/>), initialised as tltorch's
    /// normal_: λ = 1 and factors complex normal with std (σ/√R)^(1/N), N = 2 + modes, so the reconstruction has std σ =
    /// √(2/(I + O)).
    /// </summary>
    public CpSpectralWeight(string name, int inChannels, int outChannels, IReadOnlyList<int> keptModes, double rank,
        Initialization init, string implementation = SpectralWeights.Factorized)
        : base(inChannels, outChannels, keptModes, implementation)
    {
        int[] shape = Shape;
        Rank = FactorizationRanks.Cp(shape, rank);
        double factorStd = Math.Pow(DenseStd / Math.Sqrt(Rank), 1.0 / shape.Length);
        var weights = Tensor<T>.Zeros([Rank], true);
        weights.Real.Fill(T.One);
        Weights = new Parameter<T>($"{name}.weights", weights);
        Factors = [.. shape.Select((n, j) => new Parameter<T>($"{name}.factors.factor_{j}", init.Normal<T>([n, Rank], factorStd, complex: true)))];
    }

    /// <inheritdoc />
    public override string Factorization => "cp";

    /// <summary>The CP rank R.</summary>
    public int Rank { get; }

    /// <summary>The weights λ (R), complex.</summary>
    public Parameter<T> Weights { get; }

    /// <summary>The factors U_I (I × R), U_O (O × R), then one (kept_j × R) per mode.</summary>
    public IReadOnlyList<Parameter<T>> Factors { get; }

    /// <inheritdoc />
    public override IEnumerable<Parameter<T>> Parameters => [Weights, .. Factors];

    /// <inheritdoc />
    protected override Variable<T> InputFactor(Tape<T>? tape) => Factors[0].Use(tape);

    /// <summary>G[r, o, k] = λ_r U_O[o, r] Π_j U_j[k_j, r].</summary>
    protected override Variable<T> Remainder(Tape<T>? tape) => Terms(tape, Factors.Skip(1));

    /// <inheritdoc />
    protected override Variable<T> ContractFactors(Variable<T> spectrum, Tape<T>? tape)
    {
        Variable<T> t = Ops.ModeProduct(spectrum, InputFactor(tape), 1, transpose: true);
        t = Ops.BroadcastMultiply(t, Terms(tape, Factors.Skip(2)));
        return Ops.ModeProduct(t, Factors[1].Use(tape), 1);
    }

    /// <summary>The (R, n…) tensor λ_r Π U[k, r] over the given factors: λ enters the Khatri–Rao product as a (1 × R) factor.</summary>
    private Variable<T> Terms(Tape<T>? tape, IEnumerable<Parameter<T>> factors)
    {
        Parameter<T>[] used = [.. factors];
        Variable<T> terms = Ops.KhatriRao([Ops.Reshape(Weights.Use(tape), 1, Rank), .. used.Select(f => f.Use(tape))]);
        return Ops.Reshape(terms, [Rank, .. used.Select(f => f.Value.Extent(0))]);
    }
}
