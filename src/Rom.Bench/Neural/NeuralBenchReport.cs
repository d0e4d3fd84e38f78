namespace Rom.Bench.Neural;

/// <summary>The rows of <c>rom bench neural</c> as a text table and as a JSON array.</summary>
public static class NeuralBenchReport
{
    /// <summary>An aligned table: task, Rom, PyTorch, Rom ÷ PyTorch, peak RSS of each side; a header says how it was measured.</summary>
    public static string Table(IReadOnlyList<NeuralBenchRow> rows)
    {
        var writer = new StringWriter();
        if (rows.Count > 0)
        {
            var first = rows[0];
            writer.WriteLine($"FNO training step and inference, Rom (float) vs {first.Reference}, {first.Threads} thread(s) each; {first.Note}.");
            writer.WriteLine("Rom runs in a child process of this tool (TensorThreads.MaxThreads and DOTNET_PROCESSOR_COUNT = threads), PyTorch in a fresh python3;");
            writer.WriteLine($"peak RSS is that whole process's (VmHWM / ru_maxrss) after the task's timings, inference first; before the model it was " +
                $"Rom {Mib(first.RomBaselineBytes)}, PyTorch {Mib(first.ReferenceBaselineBytes)}.");
            writer.WriteLine();
        }
        var lines = new List<string[]> { new[] { "task", "Rom", "PyTorch", "Rom ÷ PyTorch", "Rom peak RSS", "PyTorch peak RSS" } };
        lines.AddRange(rows.Select(r => new[]
        {
            r.Name, Seconds(r.RomSeconds), Seconds(r.ReferenceSeconds),
            r.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "-", Mib(r.RomPeakBytes), Mib(r.ReferencePeakBytes),
        }));
        BenchText.WriteAligned(writer, lines);
        return writer.ToString();
    }

    /// <summary>
    /// A JSON array, one object per row: name, rom_seconds, reference, reference_seconds, ratio (Rom ÷ reference),
    /// threads, parameters, rom_peak_rss_mib, reference_peak_rss_mib, rom_baseline_rss_mib, reference_baseline_rss_mib, note.
    /// </summary>
    public static string Json(IReadOnlyList<NeuralBenchRow> rows) =>
        BenchText.RelaxedJson(rows.Select(r => (JsonNode)new JsonObject
        {
            ["name"] = r.Name,
            ["rom_seconds"] = r.RomSeconds,
            ["reference"] = r.Reference,
            ["reference_seconds"] = r.ReferenceSeconds,
            ["ratio"] = r.Ratio,
            ["threads"] = r.Threads,
            ["parameters"] = r.Parameters,
            ["rom_peak_rss_mib"] = MibValue(r.RomPeakBytes),
            ["reference_peak_rss_mib"] = MibValue(r.ReferencePeakBytes),
            ["rom_baseline_rss_mib"] = MibValue(r.RomBaselineBytes),
            ["reference_baseline_rss_mib"] = MibValue(r.ReferenceBaselineBytes),
            ["note"] = r.Note,
        }));

    private static double? MibValue(long? bytes) => bytes is { } b ? Math.Round(b / 1048576.0, 1) : null;

    private static string Mib(long? bytes) => bytes is { } b ? $"{b / 1048576.0:0} MiB" : "-";

    private static string Seconds(double? seconds) => seconds switch
    {
        null => "-",
        >= 1 => $"{seconds:0.000} s",
        >= 1e-3 => $"{seconds * 1e3:0.00} ms",
        _ => $"{seconds * 1e6:0.0} µs",
    };
}
