using System.Numerics;
using Rom.Tensors;

namespace Rom.Neural.Layers.Weights;

/// <summary>
/// The weight as a complex tensor train (tltorch's ComplexTTTensor): W[i, o, k₁, …] = G₀[0, i, :] G₁[:, o, :] G₂[:, k₁, :] ⋯
/// G_{d+1}[:, k_d, 0], a product of matrices, with cores <c>{name}.factors.factor_{j}</c> (r_j, n_j, r_{j+1}), r₀ = r_{d+2} = 1,
/// in the order I, O, modes. neuraloperator's <c>_contract_tt</c> (einsum "abc,ebf,fdg,gch->adc" for one mode) is
/// evaluated as
/// <code>
/// G = G₁ G₂ ⋯ G_{d+1}                                       (r₁, O, kept…), the train after the input core
/// y = (x ×₁ G₀ᵀ) ×_r G                                     G₀ seen as (I × r₁)
/// </code>
/// </summary>
public sealed class TtSpectralWeight<T> : FactorizedSpectralWeight<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// A tensor-train weight of ranks <see cref="FactorizationRanks.TensorTrain"/>(shape, <paramref name="rank"/>), cores
    /// complex normal with std (σ/√(Π r_j))^(1/N), so the reconstruction (a sum of Π r_j products of N entries) has std
    /// σ = √(2/(I + O)). tltorch's TT normal_ divides by Π r_j rather than its square root, which leaves its reconstruction
    /// √(Π r_j) times smaller than σ; this follows the stated intent, not that factor.
    /// </summary>
    public TtSpectralWeight(string name, int inChannels, int outChannels, IReadOnlyList<int> keptModes, double rank,
        Initialization init, string implementation = SpectralWeights.Factorized)
        : base(inChannels, outChannels, keptModes, implementation)
    {
        int[] shape = Shape;
        Ranks = FactorizationRanks.TensorTrain(shape, rank);
        double std = Math.Pow(DenseStd / Math.Sqrt(Ranks.Aggregate(1.0, (p, r) => p * r)), 1.0 / shape.Length);
        Factors = [.. shape.Select((n, j) => new Parameter<T>($"{name}.factors.factor_{j}", init.Normal<T>([Ranks[j], n, Ranks[j + 1]], std, complex: true)))];
    }

    /// <inheritdoc />
    public override string Factorization => "tt";

    /// <summary>The tensor-train ranks (1, r₁, …, 1), one more than the order.</summary>
    public IReadOnlyList<int> Ranks { get; }

    /// <summary>The cores (r_j, n_j, r_{j+1}) for I, O, then the modes.</summary>
    public IReadOnlyList<Parameter<T>> Factors { get; }

    /// <inheritdoc />
    public override IEnumerable<Parameter<T>> Parameters => Factors;

    /// <summary>The first core (1, I, r₁) seen as the matrix (I × r₁).</summary>
    protected override Variable<T> InputFactor(Tape<T>? tape) => Ops.Reshape(Factors[0].Use(tape), InChannels, Ranks[1]);

    /// <summary>The train from the second core on, (r₁, O, kept…): each core joins by a product over the rank axis between them.</summary>
    protected override Variable<T> Remainder(Tape<T>? tape)
    {
        Variable<T> train = Factors[1].Use(tape);
        for (int j = 2; j < Factors.Count; j++)
        {
            // train (r₁, n…, r_j) ×_last core (r_j, n_j·r_{j+1})ᵀ, then split n_j from r_{j+1}.
            Variable<T> core = Ops.Reshape(Factors[j].Use(tape), Ranks[j], Factors[j].Value.Extent(1) * Ranks[j + 1]);
            train = Ops.ModeProduct(train, core, train.Value.Rank - 1, transpose: true);
            train = Ops.Reshape(train, [.. train.Shape.SkipLast(1), Factors[j].Value.Extent(1), Ranks[j + 1]]);
        }
        return Ops.Reshape(train, [Ranks[1], .. train.Shape.Skip(1).SkipLast(1)]);
    }
}
