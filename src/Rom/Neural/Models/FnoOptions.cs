using Rom.Neural.Layers;
using Rom.Neural.Layers.Weights;

namespace Rom.Neural.Models;

/// <summary>
/// The architecture of an FNO or TFNO. Every default is neuraloperator's (1.0, class <c>FNO</c>) except the two that
/// must be given there (modes and width), which default to the FNO paper's 2-D Darcy setting.
/// </summary>
public sealed record FnoOptions
{
    /// <summary>Input channels of the data (neuraloperator: in_channels, required).</summary>
    public int InChannels { get; init; } = 1;

    /// <summary>Output channels (out_channels, required).</summary>
    public int OutChannels { get; init; } = 1;

    /// <summary>The width of the hidden layers (hidden_channels, required).</summary>
    public int HiddenChannels { get; init; } = 32;

    /// <summary>Modes per spatial axis (n_modes, required); the last axis keeps modes/2 + 1 of its half spectrum.</summary>
    public int[] Modes { get; init; } = [12, 12];

    /// <summary>The number of Fourier blocks (n_layers = 4).</summary>
    public int Layers { get; init; } = 4;

    /// <summary>The lifting MLP's hidden width over the model width (lifting_channel_ratio = 2).</summary>
    public double LiftingChannelRatio { get; init; } = 2;

    /// <summary>The projection MLP's hidden width over the model width (projection_channel_ratio = 2).</summary>
    public double ProjectionChannelRatio { get; init; } = 2;

    /// <summary>Append one grid coordinate channel per axis, x_i = i/N on [0, 1) (positional_embedding = "grid").</summary>
    public bool PositionalEmbedding { get; init; } = true;

    /// <summary>A channel MLP after each spectral convolution, with a soft-gating skip (use_channel_mlp = True).</summary>
    public bool ChannelMlp { get; init; } = true;

    /// <summary>The channel MLP's hidden width over the model width (channel_mlp_expansion = 0.5).</summary>
    public double ChannelMlpExpansion { get; init; } = 0.5;

    /// <summary>Zero padding as a fraction of the resolution on both sides of every axis, for non-periodic problems (domain_padding = None, i.e. 0).</summary>
    public double DomainPadding { get; init; }

    /// <summary>How the spectral weights are stored: dense (FNO) or cp, tucker, tt (TFNO) (factorization = None, i.e. dense).</summary>
    public string Factorization { get; init; } = "dense";

    /// <summary>The factorised weight's size as a fraction of the dense one's (rank = 1.0).</summary>
    public double Rank { get; init; } = 1.0;

    /// <summary>
    /// How a factorised weight is contracted: "factorized" with its factors, never forming the dense weight, or
    /// "reconstructed" by rebuilding the dense weight first (implementation; neuraloperator's default is "reconstructed",
    /// this one defaults to the cheaper "factorized"). Ignored for dense weights.
    /// </summary>
    public string Implementation { get; init; } = SpectralWeights.Factorized;

    /// <summary>
    /// Multi-grid domain decomposition (MG-TFNO, Kossaifi et al., TMLR 2023; neuraloperator's patching levels = 0, off):
    /// with L ≥ 1 the network runs on 2^L × 2^L patches of each 2-D field, each with L coarser views of the field around
    /// it as extra input channels (in_channels · (L+1) in all), and its outputs are stitched back into the whole field;
    /// the resolution must divide by 4^L. See <see cref="Multigrid"/>.
    /// </summary>
    public int MultigridLevels { get; init; }

    /// <summary>
    /// The periodic padding of each multigrid patch, on every side, as a fraction of the resolution (padding_fraction = 0);
    /// ignored when <see cref="MultigridLevels"/> is 0.
    /// </summary>
    public double MultigridPadding { get; init; }

    /// <summary>
    /// The pointwise non-linearity of the lifting, the blocks and the projection (non_linearity = F.gelu): "gelu", "relu"
    /// or "tanh" (<see cref="Activations"/>).
    /// </summary>
    public string NonLinearity { get; init; } = Activations.Gelu;

    /// <summary>The seed of the initial weights.</summary>
    public int Seed { get; init; }

    /// <summary>The number of spatial axes.</summary>
    public int Dimensions => Modes.Length;

    /// <summary>
    /// The resolution the Fourier blocks see for input fields of <paramref name="resolution"/>: the field's own, or
    /// with multigrid patching a padded patch's.
    /// </summary>
    /// <exception cref="ArgumentException">With multigrid patching, a resolution that does not divide by 4^L (named mg_levels).</exception>
    public int[] BlockResolution(IReadOnlyList<int> resolution) => new Multigrid(MultigridLevels, MultigridPadding).PatchResolution(resolution);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public FnoOptions Checked()
    {
        Check(InChannels >= 1, "in_channels", InChannels, "≥ 1");
        Check(OutChannels >= 1, "out_channels", OutChannels, "≥ 1");
        Check(HiddenChannels >= 1, "hidden_channels", HiddenChannels, "≥ 1");
        Check(Modes.Length is >= 1 and <= 3, "n_modes", $"[{string.Join(", ", Modes)}]", "1 to 3 positive mode counts");
        Check(Modes.All(m => m >= 1), "n_modes", $"[{string.Join(", ", Modes)}]", "positive mode counts");
        Check(Layers >= 1, "n_layers", Layers, "≥ 1");
        Check(LiftingChannelRatio > 0, "lifting_channel_ratio", LiftingChannelRatio, "> 0");
        Check(ProjectionChannelRatio > 0, "projection_channel_ratio", ProjectionChannelRatio, "> 0");
        Check(ChannelMlpExpansion > 0, "channel_mlp_expansion", ChannelMlpExpansion, "> 0");
        Check(DomainPadding is >= 0 and < 1, "domain_padding", DomainPadding, "a fraction in [0, 1)");
        Check(SpectralWeights.Names.Contains(Factorization.ToLowerInvariant()), "factorization", Factorization, string.Join(", ", SpectralWeights.Names));
        Check(Activations.Names.Contains(NonLinearity.ToLowerInvariant()), "non_linearity", NonLinearity, string.Join(", ", Activations.Names));
        Check(Rank is > 0 and <= 1, "rank", Rank, "a fraction in (0, 1]");
        Check(SpectralWeights.Implementations.Contains(Implementation.ToLowerInvariant()), "implementation", Implementation, string.Join(", ", SpectralWeights.Implementations));
        Check(MultigridLevels is >= 0 and <= 15, "mg_levels", MultigridLevels, "an integer in 0 (off) … 15");
        Check(MultigridLevels == 0 || Dimensions == 2, "mg_levels", MultigridLevels, $"0: multigrid patching is 2-D and n_modes has {Dimensions} entries");
        Check(MultigridPadding is >= 0 and < 1, "mg_padding", MultigridPadding, "a fraction in [0, 1)");
        return this;
    }

    private static void Check(bool ok, string name, object value, string expected)
    {
        if (!ok)
            throw new ArgumentException($"{name} = {value}, expected {expected}.", name);
    }
}
