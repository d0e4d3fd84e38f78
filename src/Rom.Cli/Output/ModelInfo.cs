using Rom.Neural;

namespace Rom.Cli.Output;

/// <summary>What <c>rom info</c> says about a model file beyond its tree: architecture, parameter count, normalisers, training.</summary>
public static class ModelInfo
{
    /// <summary>Reads the model (checking every parameter) and writes its description.</summary>
    public static void Write(TextWriter writer, DataGroup root, string path)
    {
        var (model, training) = NeuralModelFile.FromTree(root, path);
        var o = model.Options;
        writer.WriteLine($"Model: {(o.Factorization == "dense" ? "FNO" : "TFNO")}, {o.Dimensions}-D, {o.InChannels} → {o.OutChannels} channels");
        var rows = new List<(string, string)>();
        foreach (var name in FnoArchitecture.Names)
        {
            var group = new DataGroup();
            FnoArchitecture.WriteTo(group, o);
            var a = group.Attributes[name];
            rows.Add((name, a.IsString ? a.AsStrings()[0] : a.IsInteger ? Join(a.AsLongs()) : Join(a.AsDoubles())));
        }
        rows.Add(("parameters", SummaryTable.Format(model.ParameterCount) + " real scalars (complex counted twice)"));
        rows.Add(("input normaliser", Describe(model.InputNormalizer)));
        rows.Add(("output normaliser", Describe(model.OutputNormalizer)));
        SummaryTable.Write(writer, rows);
        writer.WriteLine();
        if (training is null)
        {
            writer.WriteLine("Training: not recorded in this file.");
            return;
        }
        writer.WriteLine("Training:");
        var t = new List<(string, string)>
        {
            ("epochs", training.Epochs.ToString(CultureInfo.InvariantCulture)),
            ("time", SummaryTable.Format(training.Seconds, "s")),
            ("case", training.CaseFile),
            ("rom version", training.RomVersion),
            ("finished (UTC)", training.CreatedUtc),
            ("machine", training.Machine),
        };
        foreach (var (name, values) in training.History)
            if (values.Length > 0)
                t.Add(($"final {name}", SummaryTable.Format(values[^1])));
        SummaryTable.Write(writer, t);
    }

    private static string Describe(UnitGaussianNormalizer<float>? n) => n is null
        ? "none"
        : $"mean {Join([.. n.Mean.Select(v => (double)v)])}, std {Join([.. n.StandardDeviation.Select(v => (double)v)])}, eps {SummaryTable.Format(n.Epsilon)}";

    private static string Join(long[] values) => values.Length == 1 ? values[0].ToString(CultureInfo.InvariantCulture) : $"[{string.Join(", ", values)}]";

    private static string Join(double[] values) => values.Length == 1 ? SummaryTable.Format(values[0]) : $"[{string.Join(", ", values.Select(v => SummaryTable.Format(v)))}]";
}
