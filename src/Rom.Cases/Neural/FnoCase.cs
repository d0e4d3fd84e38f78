using Rom.Neural.Layers;
using Rom.Neural.Layers.Weights;
using Rom.Neural.Models;

namespace Rom.Cases.Neural;

/// <summary>
/// The settings of an <c>fno</c> case (a training case: data files, architecture, optimiser, schedule) and how they
/// turn into <see cref="FnoOptions"/>, <see cref="FnoTrainingSettings"/> and the loaded data. model.* defaults are
/// <see cref="FnoOptions"/>'s (neuraloperator's); data.* default to the shipped 16×16 Darcy set beside the case.
/// </summary>
public static class FnoCase
{
    private static readonly FnoOptions Defaults = new();

    /// <summary>The settings schema.</summary>
    public static IReadOnlyList<SettingDefinition> Settings { get; } =
    [
        new("data.train_file", SettingType.Text, "data/darcy_train_16.h5", "Training data (HDF5), relative to the case file's folder.", NotEmpty),
        new("data.test_file", SettingType.Text, "data/darcy_test_16.h5", "Test data (HDF5), relative to the case file's folder.", NotEmpty),
        SettingDefinition.Integer("data.train_samples", 0, "Training samples to use, the first ones (0: all).", 0),
        SettingDefinition.Integer("data.test_samples", 0, "Test samples to use, the first ones (0: all).", 0),
        new("data.input_dataset", SettingType.Text, "x", "Input dataset of neuraloperator's layout (a rom sweep dataset uses /inputs).", NotEmpty),
        new("data.output_dataset", SettingType.Text, "y", "Target dataset of neuraloperator's layout (a rom sweep dataset uses /solutions).", NotEmpty),
        new("data.resolution_test_files", SettingType.Text, "", "Further test files, comma-separated (e.g. the test set at another resolution); '' for none."),

        SettingDefinition.Integer("model.in_channels", Defaults.InChannels, "Input channels (in_channels).", 1),
        SettingDefinition.Integer("model.out_channels", Defaults.OutChannels, "Output channels (out_channels).", 1),
        SettingDefinition.Integer("model.hidden_channels", Defaults.HiddenChannels, "Width of the hidden layers (hidden_channels).", 1),
        new("model.n_modes", SettingType.RealList, Defaults.Modes.Select(m => (double)m).ToArray(), "Fourier modes kept per axis (n_modes); its length is the dimension (1–3).",
            v => ((double[])v) is { Length: >= 1 and <= 3 } m && m.All(x => x >= 1 && x == Math.Floor(x) && x <= 4096) ? null : "1 to 3 positive integers"),
        SettingDefinition.Integer("model.n_layers", Defaults.Layers, "Fourier blocks (n_layers).", 1),
        SettingDefinition.Real("model.lifting_channel_ratio", Defaults.LiftingChannelRatio, "Lifting MLP's hidden width over the width.", v => v > 0, "a number > 0"),
        SettingDefinition.Real("model.projection_channel_ratio", Defaults.ProjectionChannelRatio, "Projection MLP's hidden width over the width.", v => v > 0, "a number > 0"),
        SettingDefinition.Choice("model.positional_embedding", Defaults.PositionalEmbedding ? "grid" : "none", "Append grid coordinates as channels ('grid') or not ('none').", "grid", "none"),
        SettingDefinition.Flag("model.use_channel_mlp", Defaults.ChannelMlp, "A channel MLP with soft-gating skip after each spectral convolution."),
        SettingDefinition.Real("model.channel_mlp_expansion", Defaults.ChannelMlpExpansion, "Channel MLP's hidden width over the width.", v => v > 0, "a number > 0"),
        SettingDefinition.Choice("model.non_linearity", Defaults.NonLinearity, "Pointwise non-linearity of the lifting, blocks and projection.", [.. Activations.Names]),
        SettingDefinition.Real("model.domain_padding", Defaults.DomainPadding, "Zero padding per side as a fraction of the resolution.", v => v is >= 0 and < 1, "a fraction in [0, 1)"),
        SettingDefinition.Choice("model.factorization", Defaults.Factorization, "Spectral weights: 'dense' (FNO) or a factorisation (TFNO).", [.. SpectralWeights.Names]),
        SettingDefinition.Real("model.rank", Defaults.Rank, "Factorised weight size over the dense one.", v => v is > 0 and <= 1, "a fraction in (0, 1]"),
        new("model.mg_levels", SettingType.Integer, (long)Defaults.MultigridLevels,
            "Multi-grid patching levels L (MG-TFNO, 2-D): 2^L×2^L patches with L coarser context channels each; 0 = off. The resolution must divide by 4^L.",
            v => (long)v is >= 0 and <= 15 ? null : "an integer in 0 (off) … 15"),
        SettingDefinition.Real("model.mg_padding", Defaults.MultigridPadding, "Periodic padding of each multigrid patch per side, as a fraction of the resolution.",
            v => v is >= 0 and < 1, "a fraction in [0, 1)"),
        new("model.seed", SettingType.Integer, (long)Defaults.Seed, "Seed of the initial weights.", v => (long)v is >= 0 and <= int.MaxValue ? null : $"an integer in 0..{int.MaxValue}"),

        SettingDefinition.Integer("training.epochs", 30, "Passes over the training set.", 1),
        SettingDefinition.Integer("training.batch_size", 32, "Samples per optimiser step.", 1),
        SettingDefinition.Real("training.learning_rate", 1e-3, "Initial learning rate.", v => v > 0, "a number > 0"),
        SettingDefinition.Real("training.weight_decay", 1e-4, "Weight decay.", v => v >= 0, "a number ≥ 0"),
        SettingDefinition.Choice("training.optimizer", "adamw", "Optimiser: 'adam' (L2 in the gradient) or 'adamw' (decoupled decay).", "adam", "adamw"),
        SettingDefinition.Choice("training.schedule", "cosine", "Learning-rate schedule: 'cosine' (to 0 over the epochs), 'step' or 'constant'.", "cosine", "step", "constant"),
        SettingDefinition.Integer("training.step_size", 100, "'step' schedule: epochs between steps.", 1),
        SettingDefinition.Real("training.gamma", 0.5, "'step' schedule: factor per step.", v => v is > 0 and <= 1, "a factor in (0, 1]"),
        SettingDefinition.Choice("training.loss", "h1", "Training loss: relative 'l2' or 'h1' (neuraloperator's LpLoss, H1Loss).", "l2", "h1"),
        new("training.seed", SettingType.Integer, 0L, "Seed of the shuffling.", v => (long)v is >= 0 and <= int.MaxValue ? null : $"an integer in 0..{int.MaxValue}"),
        SettingDefinition.Flag("training.normalize_inputs", false, "Normalise inputs per channel (unit Gaussian over the training set)."),
        SettingDefinition.Flag("training.normalize_outputs", true, "Normalise targets per channel; predictions are decoded."),
        SettingDefinition.Flag("training.shuffle", true, "Shuffle the training samples every epoch."),

        OutputSettings.Plots,
    ];

    /// <summary>The architecture the settings describe.</summary>
    /// <exception cref="CaseInputException">A combination <see cref="FnoOptions.Checked"/> refuses, named by its setting.</exception>
    public static FnoOptions Options(CaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new FnoOptions
        {
            InChannels = (int)settings.Integer("model.in_channels"),
            OutChannels = (int)settings.Integer("model.out_channels"),
            HiddenChannels = (int)settings.Integer("model.hidden_channels"),
            Modes = [.. settings.Reals("model.n_modes").Select(m => (int)m)],
            Layers = (int)settings.Integer("model.n_layers"),
            LiftingChannelRatio = settings.Real("model.lifting_channel_ratio"),
            ProjectionChannelRatio = settings.Real("model.projection_channel_ratio"),
            PositionalEmbedding = settings.Text("model.positional_embedding") == "grid",
            ChannelMlp = settings.Integer("model.use_channel_mlp") == 1,
            ChannelMlpExpansion = settings.Real("model.channel_mlp_expansion"),
            DomainPadding = settings.Real("model.domain_padding"),
            NonLinearity = settings.Text("model.non_linearity"),
            Factorization = settings.Text("model.factorization"),
            Rank = settings.Real("model.rank"),
            MultigridLevels = (int)settings.Integer("model.mg_levels"),
            MultigridPadding = settings.Real("model.mg_padding"),
            Seed = (int)settings.Integer("model.seed"),
        };
        try
        {
            return options.Checked();
        }
        catch (ArgumentException e)
        {
            string key = "model." + e.ParamName;
            string value = settings.Describe().FirstOrDefault(d => d.Key == key).Value ?? "?";
            throw new CaseInputException(key, value, e.Reason());
        }
    }

    /// <summary>The training settings.</summary>
    public static FnoTrainingSettings Training(CaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new FnoTrainingSettings(
            (int)settings.Integer("training.epochs"), (int)settings.Integer("training.batch_size"), settings.Real("training.learning_rate"),
            settings.Real("training.weight_decay"), settings.Text("training.optimizer"), settings.Text("training.schedule"),
            (int)settings.Integer("training.step_size"), settings.Real("training.gamma"), settings.Text("training.loss"),
            (int)settings.Integer("training.seed"), settings.Integer("training.normalize_inputs") == 1,
            settings.Integer("training.normalize_outputs") == 1, settings.Integer("training.shuffle") == 1);
    }

    /// <summary>
    /// Reads and checks everything the case names: the architecture, the training settings and the data files (paths
    /// relative to the case file's folder). Bad data is a <see cref="CaseInputException"/> naming the data file.
    /// </summary>
    public static FnoCaseData Load(CaseDocument document, CaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        var model = Options(settings);
        string folder = Path.GetDirectoryName(Path.GetFullPath(document.Path)) ?? ".";
        string input = settings.Text("data.input_dataset"), output = settings.Text("data.output_dataset");
        FieldData Read(string file, long samples) => FieldDataReader.Read(Path.Combine(folder, file), input, output, model, (int)Math.Min(samples, int.MaxValue));
        var train = Read(settings.Text("data.train_file"), settings.Integer("data.train_samples"));
        var test = Read(settings.Text("data.test_file"), settings.Integer("data.test_samples"));
        var more = settings.Text("data.resolution_test_files")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => Read(f, 0)).ToList();
        return new FnoCaseData(model, Training(settings), train, test, more, settings);
    }

    private static string? NotEmpty(object value) => ((string)value).Trim().Length > 0 ? null : "a non-empty name";
}
