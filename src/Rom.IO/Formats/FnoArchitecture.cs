using Rom.IO.Hdf5;
using Rom.Neural.Layers;
using Rom.Neural.Models;

namespace Rom.IO.Formats;

/// <summary>
/// <see cref="FnoOptions"/> as the attributes of a model file's <c>/architecture</c> group, under neuraloperator's
/// argument names (in_channels, n_modes, …; positional_embedding "grid" or "none", factorization "dense", "cp", …).
/// </summary>
public static class FnoArchitecture
{
    /// <summary>The attribute names, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "in_channels", "out_channels", "hidden_channels", "n_modes", "n_layers", "lifting_channel_ratio", "projection_channel_ratio",
        "positional_embedding", "use_channel_mlp", "channel_mlp_expansion", "domain_padding", "factorization", "rank", "seed",
        "mg_levels", "mg_padding", "non_linearity",
    ];

    /// <summary>Writes every field of <paramref name="options"/> as an attribute of <paramref name="group"/>.</summary>
    public static void WriteTo(DataGroup group, FnoOptions options)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(options);
        var a = group.Attributes;
        a["in_channels"] = DataArray.Scalar((long)options.InChannels);
        a["out_channels"] = DataArray.Scalar((long)options.OutChannels);
        a["hidden_channels"] = DataArray.Scalar((long)options.HiddenChannels);
        a["n_modes"] = DataArray.Of(options.Modes.Select(m => (long)m).ToArray());
        a["n_layers"] = DataArray.Scalar((long)options.Layers);
        a["lifting_channel_ratio"] = DataArray.Scalar(options.LiftingChannelRatio);
        a["projection_channel_ratio"] = DataArray.Scalar(options.ProjectionChannelRatio);
        a["positional_embedding"] = DataArray.Scalar(options.PositionalEmbedding ? "grid" : "none");
        a["use_channel_mlp"] = DataArray.Scalar(options.ChannelMlp ? 1L : 0L);
        a["channel_mlp_expansion"] = DataArray.Scalar(options.ChannelMlpExpansion);
        a["domain_padding"] = DataArray.Scalar(options.DomainPadding);
        a["factorization"] = DataArray.Scalar(options.Factorization);
        a["rank"] = DataArray.Scalar(options.Rank);
        a["seed"] = DataArray.Scalar((long)options.Seed);
        a["mg_levels"] = DataArray.Scalar((long)options.MultigridLevels);
        a["mg_padding"] = DataArray.Scalar(options.MultigridPadding);
        a["non_linearity"] = DataArray.Scalar(options.NonLinearity.ToLowerInvariant());
    }

    /// <summary>
    /// Reads the options back and checks them; every attribute is required except those files written before them lack:
    /// the multigrid ones (mg_levels, mg_padding) read as 0, no multigrid patching, and non_linearity as "gelu".
    /// </summary>
    /// <exception cref="DataFileException">A missing or mistyped attribute, or a value <see cref="FnoOptions.Checked"/> refuses (named).</exception>
    public static FnoOptions Read(DataGroup group, string path)
    {
        ArgumentNullException.ThrowIfNull(group);
        DataArray Get(string name, Func<DataArray, bool> ok, string expected) =>
            group.Attributes.TryGetValue(name, out var a) && ok(a)
                ? a
                : throw new DataFileException(path, "/architecture@" + name, $"found {a?.ToString() ?? "nothing"}; expected {expected}");
        int Integer(string name) => (int)Math.Clamp(Get(name, a => a.IsInteger && a.Count == 1, "a scalar integer").AsLongs()[0], int.MinValue, int.MaxValue);
        double Real(string name) => Get(name, a => (a.IsFloat || a.IsInteger) && a.Count == 1, "a scalar number").AsDoubles()[0];
        string Text(string name) => Get(name, a => a.IsString && a.Count == 1, "a scalar string").AsStrings()[0];

        bool Has(string name) => group.Attributes.ContainsKey(name);

        string embedding = Text("positional_embedding");
        if (embedding is not ("grid" or "none"))
            throw new DataFileException(path, "/architecture@positional_embedding", $"found '{embedding}'; expected 'grid' or 'none'");
        var options = new FnoOptions
        {
            InChannels = Integer("in_channels"),
            OutChannels = Integer("out_channels"),
            HiddenChannels = Integer("hidden_channels"),
            Modes = [.. Get("n_modes", a => a.IsInteger && a.Shape.Length <= 1, "a list of integers").AsLongs().Select(m => (int)Math.Clamp(m, int.MinValue, int.MaxValue))],
            Layers = Integer("n_layers"),
            LiftingChannelRatio = Real("lifting_channel_ratio"),
            ProjectionChannelRatio = Real("projection_channel_ratio"),
            PositionalEmbedding = embedding == "grid",
            ChannelMlp = Integer("use_channel_mlp") != 0,
            ChannelMlpExpansion = Real("channel_mlp_expansion"),
            DomainPadding = Real("domain_padding"),
            Factorization = Text("factorization"),
            Rank = Real("rank"),
            Seed = Integer("seed"),
            MultigridLevels = Has("mg_levels") ? Integer("mg_levels") : 0,
            MultigridPadding = Has("mg_padding") ? Real("mg_padding") : 0,
            NonLinearity = Has("non_linearity") ? Text("non_linearity") : Activations.Gelu,
        };
        try
        {
            return options.Checked();
        }
        catch (ArgumentException e)
        {
            throw new DataFileException(path, "/architecture@" + e.ParamName, e.Message.Split(" (Parameter")[0]);
        }
    }
}
