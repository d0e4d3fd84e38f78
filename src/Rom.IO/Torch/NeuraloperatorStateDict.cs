using System.Globalization;
using Rom.IO.Formats;
using Rom.IO.Hdf5;
using Rom.Neural;
using Rom.Neural.Layers;
using Rom.Neural.Models;
using Rom.Tensors;

namespace Rom.IO.Torch;

/// <summary>
/// A neuraloperator (≥ 1.0) FNO or TFNO <c>state_dict</c> saved by <c>torch.save</c> — what <c>model.save_checkpoint</c>
/// writes as <c>NAME_state_dict.pt</c> — read into a Rom model without Python.
/// <para>
/// The architecture comes from the state dict's <c>_metadata</c> entry (neuraloperator's <c>BaseModel</c> stores the
/// constructor's arguments there; a TFNO's defaults, factorization "tucker" and rank 0.1, apply when only its
/// <c>_name</c> says TFNO), and any setting given by the caller, under neuraloperator's argument name, overrides it. The
/// weights are copied by key: tltorch's complex factors (stored as real views with a trailing axis of 2) become Rom's
/// planar complex tensors, and 1×1 convolutions' trailing unit axes, biases' and soft gates' unit axes are dropped. Mode
/// ordering is the same in both codes. Every key must be used, as <c>load_state_dict(strict=True)</c> demands.
/// </para>
/// </summary>
public static class NeuraloperatorStateDict
{
    /// <summary>neuraloperator FNO's leading positional arguments, for metadata whose <c>args</c> holds them.</summary>
    private static readonly string[] Positional = ["n_modes", "in_channels", "out_channels", "hidden_channels", "n_layers"];

    /// <summary>Settings Rom reads, with neuraloperator's FNO default (null: required).</summary>
    private static readonly Dictionary<string, object?> Supported = new(StringComparer.Ordinal)
    {
        ["n_modes"] = null, ["in_channels"] = null, ["out_channels"] = null, ["hidden_channels"] = null,
        ["n_layers"] = 4L, ["lifting_channel_ratio"] = 2L, ["projection_channel_ratio"] = 2L, ["positional_embedding"] = "grid",
        ["use_channel_mlp"] = true, ["channel_mlp_expansion"] = 0.5, ["domain_padding"] = null, ["factorization"] = null,
        ["rank"] = 1.0,
    };

    /// <summary>Settings Rom's FNO does not have: an imported model must leave each at neuraloperator's value here.</summary>
    private static readonly Dictionary<string, object?> MustBeDefault = new(StringComparer.Ordinal)
    {
        ["norm"] = null, ["complex_data"] = false, ["channel_mlp_dropout"] = 0L, ["channel_mlp_skip"] = "soft-gating",
        ["fno_skip"] = "linear", ["conv_bias_kernel"] = 1L, ["resolution_scaling_factor"] = null, ["fno_block_precision"] = "full",
        ["stabilizer"] = null, ["fixed_rank_modes"] = false, ["separable"] = false, ["preactivation"] = false,
        ["enforce_hermitian_symmetry"] = true,
    };

    /// <summary>Reads the state dict at <paramref name="path"/> into a model (without normalisers: neuraloperator keeps those in its data processor).</summary>
    /// <param name="path">A <c>.pt</c> file that <c>torch.save(model.state_dict(), path)</c> wrote.</param>
    /// <param name="settings">Architecture settings by neuraloperator's argument name (n_modes "16,16", factorization "tucker", rank "0.1", …), overriding <c>_metadata</c>.</param>
    /// <exception cref="DataFileException">Not a PyTorch file, not an FNO state dict, an architecture Rom does not have, or a weight whose key or shape does not fit (named).</exception>
    public static NeuralOperatorModel Read(string path, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dict = FindStateDict(TorchFile.Read(path), path);
        var tensors = new Dictionary<string, TorchTensor>(StringComparer.Ordinal);
        PickleDict? metadata = null;
        foreach (var (key, value) in dict.Items)
        {
            if (key is "_metadata" && value is PickleDict m)
                metadata = m;
            else if (key is string name && value is TorchTensor t)
                tensors[name] = t;
            else
                throw new DataFileException(path, Describe(key), $"holds a {value?.GetType().Name ?? "None"}; a state dict maps names to tensors");
        }
        var options = Architecture(metadata, settings ?? new Dictionary<string, string>(), path);
        var network = new Fno<float>(options);
        foreach (var p in network.Parameters)
        {
            if (!tensors.Remove(p.Name, out var source))
                throw new DataFileException(path, p.Name, $"missing; the architecture ({options.Factorization}, rank {options.Rank.ToString(CultureInfo.InvariantCulture)}) needs a {(p.Value.IsComplex ? "complex " : "")}[{string.Join(", ", p.Value.Shape)}] weight here");
            Copy(source, p.Value, p.Name, path);
        }
        if (tensors.Count > 0)
            throw new DataFileException(path, tensors.Keys.First(),
                $"not a weight of the FNO described by _metadata ({tensors.Count} unused key(s): {string.Join(", ", tensors.Keys.Take(4))}{(tensors.Count > 4 ? ", …" : "")})");
        return new NeuralOperatorModel(network);
    }

    private static PickleDict FindStateDict(object? root, string path)
    {
        if (root is not PickleDict dict)
            throw new DataFileException(path, null, $"holds a {root?.GetType().Name ?? "None"}, not a state dict (torch.save(model.state_dict(), path) writes one)");
        if (dict.Items.Any(e => e.Value is TorchTensor))
            return dict;
        foreach (string wrapper in new[] { "state_dict", "model_state_dict", "model" })
            if (dict.TryGetValue(wrapper, out var inner) && inner is PickleDict d && d.Items.Any(e => e.Value is TorchTensor))
                return d;
        throw new DataFileException(path, null, "a dict without tensors, nor one under 'state_dict', 'model_state_dict' or 'model': not a model's state dict");
    }

    private static FnoOptions Architecture(PickleDict? metadata, IReadOnlyDictionary<string, string> settings, string path)
    {
        var values = new Dictionary<string, (object? Value, string Where)>(StringComparer.Ordinal);
        string name = "FNO";
        if (metadata is not null)
        {
            foreach (var (k, v) in metadata.Items)
                if (k is string key)
                    values[key] = (v, $"_metadata['{key}']");
            if (values.TryGetValue("_name", out var n) && n.Value is string s)
                name = s;
            if (values.TryGetValue("args", out var args) && args.Value is object?[] positional)
                for (int i = 0; i < positional.Length && i < Positional.Length; i++)
                    values[Positional[i]] = (positional[i], $"_metadata['args'][{i}]");
        }
        if (!name.StartsWith("FNO", StringComparison.Ordinal) && !name.StartsWith("TFNO", StringComparison.Ordinal))
            throw new DataFileException(path, "_metadata['_name']", $"found '{name}'; Rom imports neuraloperator's FNO and TFNO");
        if (name.StartsWith("TFNO", StringComparison.Ordinal))
        {
            values.TryAdd("factorization", ("tucker", "TFNO's default"));
            values.TryAdd("rank", (0.1, "TFNO's default"));
        }
        foreach (var (key, text) in settings)
        {
            if (!Supported.ContainsKey(key))
                throw new DataFileException(path, key, $"is not a setting Rom's FNO reads (expected one of {string.Join(", ", Supported.Keys)})");
            values[key] = (ParseSetting(text), $"setting {key}");
        }

        foreach (var (key, expected) in MustBeDefault)
            if (values.TryGetValue(key, out var given) && !SameValue(given.Value, expected))
                throw new DataFileException(path, given.Where, $"found {Show(given.Value)}; Rom's FNO has only {Show(expected)} (the model cannot be imported)");
        string nonLinearity = Activations.Gelu;
        if (values.TryGetValue("non_linearity", out var activation))
            nonLinearity = activation.Value is PickleGlobal g && Activations.Names.Contains(g.Name)
                ? g.Name
                : throw new DataFileException(path, activation.Where, $"found {Show(activation.Value)}; Rom's FNO has {string.Join(", ", Activations.Names)} (as torch.nn.functional's)");
        if (values.TryGetValue("conv_module", out var module) && module.Value is PickleGlobal c && c.Name != "SpectralConv")
            throw new DataFileException(path, module.Where, $"found {c}; Rom imports SpectralConv blocks");
        if (values.TryGetValue("max_n_modes", out var max) && max.Value is not null && !SameValue(max.Value, values.GetValueOrDefault("n_modes").Value))
            throw new DataFileException(path, max.Where, $"found {Show(max.Value)}; Rom imports models whose max_n_modes is n_modes");
        if (values.TryGetValue("decomposition_kwargs", out var kwargs) && kwargs.Value is PickleDict { Items.Count: > 0 })
            throw new DataFileException(path, kwargs.Where, "found decomposition arguments; Rom imports tltorch's default factorizations");

        var group = new DataGroup();
        foreach (var (key, fallback) in Supported)
        {
            var (value, where) = values.TryGetValue(key, out var v) ? v : (fallback, "neuraloperator's default");
            if (value is null && fallback is null && key is not ("domain_padding" or "factorization"))
                throw new DataFileException(path, key, $"not in the state dict's _metadata; give it as a setting (rom import … --set {key}=VALUE)");
            group.Attributes[key] = Attribute(key, value, where, path);
        }
        group.Attributes["seed"] = DataArray.Scalar(0L);
        group.Attributes["non_linearity"] = DataArray.Scalar(nonLinearity);
        try
        {
            return FnoArchitecture.Read(group, path);
        }
        catch (DataFileException e) when (e.ObjectPath?.StartsWith("/architecture@", StringComparison.Ordinal) == true)
        {
            string key = e.ObjectPath["/architecture@".Length..];
            throw new DataFileException(path, values.TryGetValue(key, out var v) ? v.Where : key, e.Problem);
        }
    }

    /// <summary>A metadata value as the attribute <see cref="FnoArchitecture"/> reads.</summary>
    private static DataArray Attribute(string key, object? value, string where, string path)
    {
        switch (key, value)
        {
            case ("positional_embedding", null): return DataArray.Scalar("none");
            case ("positional_embedding", string s): return DataArray.Scalar(s);
            case ("factorization", null): return DataArray.Scalar("dense");
            case ("factorization", string s): return DataArray.Scalar(s.ToLowerInvariant());
            case ("domain_padding", null): return DataArray.Scalar(0.0);
            case ("domain_padding", object?[] or List<object?>):
                var each = Numbers(value).Distinct().ToArray();
                return each.Length == 1 ? DataArray.Scalar(each[0])
                    : throw new DataFileException(path, where, $"found {Show(value)}; Rom pads every axis by the same fraction");
            case ("n_modes", _): return DataArray.Of([.. Numbers(value, path, where).Select(m => (long)m)]);
            case (_, bool b): return DataArray.Scalar(b ? 1L : 0L);
            case (_, long l): return DataArray.Scalar(l);
            case (_, double d): return DataArray.Scalar(d);
            case (_, string s): return DataArray.Scalar(s);
            default: throw new DataFileException(path, where, $"found {Show(value)}, which Rom's FNO cannot take for {key}");
        }
    }

    private static IEnumerable<double> Numbers(object? value, string path = "", string where = "") => value switch
    {
        object?[] t => t.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        List<object?> l => l.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        long or double => [Convert.ToDouble(value, CultureInfo.InvariantCulture)],
        _ => throw new DataFileException(path, where, $"found {Show(value)}; expected a list of numbers"),
    };

    /// <summary>A command-line value as Python would have it: int, float, bool, None, a tuple of numbers, or text.</summary>
    private static object? ParseSetting(string text)
    {
        text = text.Trim();
        if (text.Contains(','))
            return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseSetting).ToArray();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            "none" or "null" => null,
            _ => text,
        };
    }

    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (long x, long y) => x == y,
        (long or double, long or double) => Convert.ToDouble(a, CultureInfo.InvariantCulture) == Convert.ToDouble(b, CultureInfo.InvariantCulture),
        (bool x, bool y) => x == y,
        (bool x, long y) => (x ? 1 : 0) == y,
        (string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase),
        (object?[] or List<object?>, object?[] or List<object?>) => Numbers(a).SequenceEqual(Numbers(b)),
        _ => false,
    };

    private static string Show(object? value) => value switch
    {
        null => "None",
        string s => $"'{s}'",
        bool b => b ? "True" : "False",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        object?[] t => "(" + string.Join(", ", t.Select(Show)) + ")",
        List<object?> l => "[" + string.Join(", ", l.Select(Show)) + "]",
        PickleDict => "a dict",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private static string Describe(object? key) => key as string ?? Show(key);

    /// <summary>Copies one stored tensor into a parameter, converting tltorch's real views and dropping unit axes.</summary>
    private static void Copy(TorchTensor source, Tensor<float> target, string key, string path)
    {
        string expected = $"{(target.IsComplex ? "complex " : "")}[{string.Join(", ", target.Shape)}]";
        if (!source.IsFloatingPoint)
            throw new DataFileException(path, key, $"a {source.DType} tensor; expected floating point {expected}");
        float[] values = source.ToSingles();
        if (target.IsComplex)
        {
            bool realView = !source.IsComplex && source.Shape.Length == target.Shape.Count + 1 && source.Shape[^1] == 2
                && source.Shape[..^1].SequenceEqual(target.Shape);
            bool complex = source.IsComplex && source.Shape.SequenceEqual(target.Shape);
            if (!realView && !complex)
                throw new DataFileException(path, key, $"shape {source.ShapeText} ({source.DType}); expected {expected} as complex or as tltorch's real view [{string.Join(", ", target.Shape)}, 2]");
            int n = target.Count;
            for (int i = 0; i < n; i++)
            {
                target.Real[i] = values[2 * i];
                target.Imaginary[i] = values[2 * i + 1];
            }
            return;
        }
        if (source.IsComplex || !source.Shape.Where(s => s != 1).SequenceEqual(target.Shape.Where(s => s != 1)))
            throw new DataFileException(path, key, $"shape {source.ShapeText} ({source.DType}); expected {expected} (unit axes aside)");
        values.CopyTo(target.Data, 0);
    }
}
