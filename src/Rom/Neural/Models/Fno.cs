using System.Numerics;
using Rom.Neural.Layers;
using Rom.Neural.Layers.Weights;
using Rom.Tensors;

namespace Rom.Neural.Models;

/// <summary>
/// The Fourier neural operator (Li et al., ICLR 2021) as neuraloperator 1.0 builds it, and with factorised spectral
/// weights the tensorised FNO (Kossaifi et al., TMLR 2023):
/// <code>
/// x ← patches(x)                         multigrid patches with context channels (optional, MG-TFNO)
/// x ← [x, grid]                          positional embedding (optional)
/// x ← lifting(x)                         channel MLP in → 2·width → width
/// x ← pad(x)                             domain padding (optional)
/// for block l = 1 … L:
///     x ← K_l x + W_l x                  spectral convolution + linear skip
///     x ← σ(x)                           (not after the last block)
///     x ← MLP_l(x) + g_l ⊙ x_in          channel MLP with soft-gating skip (optional)
///     x ← σ(x)                           (not after the last block)
/// x ← unpad(x); y ← projection(x)        channel MLP width → 2·width → out
/// y ← stitch(y)                          whole fields again (with multigrid patches)
/// </code>
/// σ is the exact GELU unless <see cref="FnoOptions.NonLinearity"/> names another.
/// With <see cref="FnoOptions.MultigridLevels"/> L ≥ 1 the network is neuraloperator's FNO
/// inside its MGPatchingDataProcessor with stitching (see <see cref="Multigrid"/>): it takes in·(L+1) channels on
/// patches, while this model takes and returns whole fields, so training, its loss and inference are unchanged.
/// Parameter names are neuraloperator's state-dict keys.
/// </summary>
public sealed class Fno<T> : INeuralOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ChannelMlp<T> _lifting, _projection;
    private readonly Block[] _blocks;
    private readonly Multigrid _multigrid;

    /// <summary>A freshly initialised model (seeded by <see cref="FnoOptions.Seed"/>).</summary>
    public Fno(FnoOptions options)
    {
        Options = options.Checked();
        var init = new Initialization(options.Seed);
        int width = options.HiddenChannels, d = options.Dimensions;
        _multigrid = new Multigrid(options.MultigridLevels, options.MultigridPadding);
        int liftingIn = options.InChannels * (options.MultigridLevels + 1) + (options.PositionalEmbedding ? d : 0);
        _lifting = new ChannelMlp<T>("lifting", [liftingIn, (int)(options.LiftingChannelRatio * width), width], init, options.NonLinearity);
        int[] kept = Ops.KeptModes(options.Modes);
        _blocks = [.. Enumerable.Range(0, options.Layers).Select(l => new Block(options, l, kept, init))];
        _projection = new ChannelMlp<T>("projection", [width, (int)(options.ProjectionChannelRatio * width), options.OutChannels], init, options.NonLinearity);
    }

    /// <summary>The architecture.</summary>
    public FnoOptions Options { get; }

    /// <inheritdoc />
    public IEnumerable<Parameter<T>> Parameters =>
        _lifting.Parameters.Concat(_blocks.SelectMany(b => b.Parameters)).Concat(_projection.Parameters);

    /// <summary>The spectral convolutions, block by block.</summary>
    public IEnumerable<SpectralConvolution<T>> SpectralConvolutions => _blocks.Select(b => b.Spectral);

    /// <summary>
    /// The model on a real (B, in, N…) batch at any resolution whose every axis holds the kept modes (every padded
    /// patch's axis, with multigrid patching, whose resolution must divide by 4^L); returns (B, out, N…).
    /// With a tape the pass is recorded for <see cref="Tape{T}.Backward"/>; without one it is inference only.
    /// </summary>
    /// <exception cref="ArgumentException">The input's channels or number of axes differ from the model's, or a resolution is too small for its modes or does not suit its multigrid levels.</exception>
    public Variable<T> Forward(Variable<T> x, Tape<T>? tape)
    {
        int d = Options.Dimensions;
        if (x.Value.Rank != d + 2 || x.Value.Extent(1) != Options.InChannels)
            throw new ArgumentException($"input {x.Value.ShapeText} must be (batch, {Options.InChannels}, {d} spatial axes).", nameof(x));
        int[] field = [.. x.Shape.Skip(2)], size = Options.BlockResolution(field);
        string patch = Options.MultigridLevels > 0 ? " (of a multigrid patch)" : "";
        for (int a = 0; a < d; a++)
            if (size[a] < Options.Modes[a])
                throw new ArgumentException($"resolution {size[a]}{patch} on axis {a} is below the {Options.Modes[a]} modes the model keeps there.", nameof(x));
        x = _multigrid.Patch(x);
        if (Options.PositionalEmbedding)
            x = Ops.ConcatenateChannels(x, Tape<T>.Constant(Grid(x.Value.Extent(0), size)));
        x = _lifting.Forward(x, tape);
        int[] padding = [.. size.Select(n => (int)Math.Round(Options.DomainPadding * n))];
        bool padded = padding.Any(p => p > 0);
        if (padded)
            x = Ops.SpatialWindow(x, [.. padding.Select(p => -p)], [.. size.Select((n, a) => n + 2 * padding[a])]);
        for (int l = 0; l < _blocks.Length; l++)
            x = _blocks[l].Forward(x, tape, last: l == _blocks.Length - 1);
        if (padded)
            x = Ops.SpatialWindow(x, padding, size);
        return _multigrid.Stitch(_projection.Forward(x, tape), field);
    }

    /// <summary>The grid channels (B, d, N…): channel a holds i_a / N_a.</summary>
    private static Tensor<T> Grid(int batch, int[] size)
    {
        int d = size.Length, points = size.Aggregate(1, (p, n) => p * n);
        var grid = Tensor<T>.Zeros([batch, d, .. size]);
        for (int a = 0; a < d; a++)
        {
            int stride = 1;
            for (int j = a + 1; j < d; j++)
                stride *= size[j];
            for (int p = 0; p < points; p++)
            {
                T value = T.CreateTruncating((double)(p / stride % size[a]) / size[a]);
                for (int b = 0; b < batch; b++)
                    grid.Data[(b * d + a) * points + p] = value;
            }
        }
        return grid;
    }

    /// <summary>One Fourier block with neuraloperator's names (fno_blocks.convs.l, fno_skips.l, channel_mlp.l, channel_mlp_skips.l).</summary>
    private sealed class Block
    {
        private readonly PointwiseLinear<T> _skip;
        private readonly ChannelMlp<T>? _mlp;
        private readonly Parameter<T>? _gate;
        private readonly string _nonLinearity;

        public Block(FnoOptions options, int l, int[] kept, Initialization init)
        {
            int width = options.HiddenChannels;
            _nonLinearity = options.NonLinearity;
            ISpectralWeight<T> weight = SpectralWeights.Create<T>($"fno_blocks.convs.{l}.weight", options.Factorization, options.Rank, width, width, kept, init,
                options.Implementation);
            Spectral = new SpectralConvolution<T>($"fno_blocks.convs.{l}", options.Modes, weight, bias: true, init);
            _skip = new PointwiseLinear<T>($"fno_blocks.fno_skips.{l}.conv", width, width, bias: false, init);
            if (options.ChannelMlp)
            {
                _mlp = new ChannelMlp<T>($"fno_blocks.channel_mlp.{l}", [width, (int)Math.Round(width * options.ChannelMlpExpansion), width], init, options.NonLinearity);
                _gate = new Parameter<T>($"fno_blocks.channel_mlp_skips.{l}.weight", Initialization.Constant<T>([width], 1));
            }
        }

        public SpectralConvolution<T> Spectral { get; }

        public IEnumerable<Parameter<T>> Parameters =>
            Spectral.Parameters.Concat(_skip.Parameters).Concat(_mlp?.Parameters ?? []).Concat(_gate is null ? [] : [_gate]);

        public Variable<T> Forward(Variable<T> x, Tape<T>? tape, bool last)
        {
            Variable<T> input = x;
            // K x + b + W x, the spectral convolution's bias added by the skip's GEMM.
            x = Ops.Add(Spectral.ForwardWithoutBias(x, tape), Ops.ChannelLinear(x, _skip.Weight.Use(tape), Spectral.Bias?.Use(tape)));
            if (!last)
                x = Activations.Apply(_nonLinearity, x);
            if (_mlp is not null)
            {
                x = Ops.Add(_mlp.Forward(x, tape), Ops.ChannelAffine(input, _gate!.Use(tape), null));
                if (!last)
                    x = Activations.Apply(_nonLinearity, x);
            }
            return x;
        }
    }
}
