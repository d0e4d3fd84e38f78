using Rom.Krylov;
using Rom.Sweeps;

namespace Rom.Cases.Sweeps;

/// <summary>
/// The layout of a sweep's samples in HDF5 (docs/case-format.md): one row per sample in the datasets /indices,
/// /positions, /solutions [m, n], /iterations, /matvecs, /residuals, /seconds, /converged, /stop_reasons, /messages,
/// /warm_start_from; a dataset adds /inputs [m, field length] and /order, with rows sorted by system index. The
/// same sample datasets make up the checkpoint chunks, so one reader serves datasets, shards and checkpoints.
/// </summary>
public static class SweepDataset
{
    /// <summary>
    /// The per-sample datasets of <paramref name="samples"/>, in the order given, into <paramref name="group"/>; the
    /// solutions are rows of the samples' common length (left out when <paramref name="solutions"/> is false: the
    /// caller streams them, as the merge does).
    /// </summary>
    public static void WriteSamples(DataGroup group, IReadOnlyList<SweepSample> samples, bool solutions = true)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(samples);
        group.Datasets["indices"] = DataArray.Of(samples.Select(s => (long)s.Index).ToArray());
        group.Datasets["positions"] = DataArray.Of(samples.Select(s => (long)s.Position).ToArray());
        if (solutions)
        {
            int length = samples.Count == 0 ? 0 : samples[0].Solution.Length;
            var rows = new double[samples.Count * length];
            for (int i = 0; i < samples.Count; i++) samples[i].Solution.CopyTo(rows, i * length);
            group.Datasets["solutions"] = DataArray.Of(rows, samples.Count, length);
        }
        group.Datasets["iterations"] = DataArray.Of(samples.Select(s => (long)s.Iterations).ToArray());
        group.Datasets["matvecs"] = DataArray.Of(samples.Select(s => (long)s.MatrixVectorProducts).ToArray());
        group.Datasets["residuals"] = DataArray.Of(samples.Select(s => s.RelativeResidual).ToArray());
        group.Datasets["seconds"] = DataArray.Of(samples.Select(s => s.Seconds).ToArray());
        group.Datasets["converged"] = DataArray.Of(samples.Select(s => s.Converged ? 1L : 0L).ToArray());
        group.Datasets["stop_reasons"] = DataArray.Of(samples.Select(s => s.Reason.ToString()).ToArray());
        group.Datasets["messages"] = DataArray.Of(samples.Select(s => s.Message).ToArray());
        group.Datasets["warm_start_from"] = DataArray.Of(samples.Select(s => (long)s.WarmStartFrom).ToArray());
    }

    /// <summary>
    /// Reads the samples <see cref="WriteSamples"/> wrote; a missing or misshapen dataset is a <see cref="DataFileException"/>.
    /// Without <paramref name="solutions"/> the samples' solutions are empty and /solutions is not looked at (the merge
    /// reads it a block of rows at a time).
    /// </summary>
    public static List<SweepSample> ReadSamples(DataGroup group, string path, bool solutions = true)
    {
        ArgumentNullException.ThrowIfNull(group);
        var indices = Column(group, path, "indices", true).AsLongs();
        int m = indices.Length;
        DataArray Get(string name, bool integer) => Column(group, path, name, integer, m);
        var positions = Get("positions", true).AsLongs();
        var iterations = Get("iterations", true).AsLongs();
        var matvecs = Get("matvecs", true).AsLongs();
        var residuals = Get("residuals", false).AsDoubles();
        var seconds = Get("seconds", false).AsDoubles();
        var from = Get("warm_start_from", true).AsLongs();
        var reasons = Text(group, path, "stop_reasons", m);
        var messages = Text(group, path, "messages", m);
        int n = 0;
        double[] x = [];
        if (solutions)
        {
            if (!group.TryGetDataset("solutions", out var table) || !table.IsFloat || table.Shape.Length != 2 || table.Shape[0] != m)
                throw new DataFileException(path, "/solutions", $"expected a float dataset of shape [{m}, n], found {table?.ToString() ?? "nothing"}");
            n = table.Shape[1];
            x = table.AsDoubles();
        }
        var samples = new List<SweepSample>(m);
        for (int i = 0; i < m; i++)
        {
            if (!Enum.TryParse<StopReason>(reasons[i], out var reason))
                throw new DataFileException(path, "/stop_reasons", $"row {i} is '{reasons[i]}'; expected one of {string.Join(", ", Enum.GetNames<StopReason>())}");
            samples.Add(new SweepSample((int)indices[i], (int)positions[i], x.AsSpan(i * n, n).ToArray(), (int)iterations[i], (int)matvecs[i],
                residuals[i], seconds[i], reason, messages[i], (int)from[i]));
        }
        return samples;
    }

    /// <summary>
    /// What a sweep computed, as a case outcome: the dataset (<paramref name="header"/>'s attributes, rows sorted by
    /// system index, the inputs given by <paramref name="inputs"/>, the order), the summary and a plot of the
    /// iterations in solve order. It succeeds when every system converged. With <paramref name="inputs"/> null the
    /// dataset has neither /inputs nor /solutions: the caller streams both (<see cref="SweepMerge"/>).
    /// </summary>
    public static CaseRunOutcome Outcome(IReadOnlyList<SweepSample> samples, Func<int, double[]>? inputs, IReadOnlyList<int> order, SweepHeader header)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(header);
        var rows = samples.OrderBy(s => s.Index).ToList();
        var results = new DataGroup();
        header.WriteTo(results);
        if (inputs is not null)
        {
            var fields = rows.Select(s => inputs(s.Index)).ToList();
            results.Datasets["inputs"] = DataArray.Of(fields.SelectMany(f => f).ToArray(), rows.Count, fields[0].Length);
        }
        WriteSamples(results, rows, solutions: inputs is not null);
        results.Datasets["order"] = DataArray.Of(order.Select(i => (long)i).ToArray());

        var solveOrder = samples.OrderBy(s => s.Position).ToList();
        var plot = PlotRequest.Of("iterations", new LinePlot($"{header.Family} sweep, {header.Method}: work per system", "position in the solve order", "matrix-vector products",
            [new LineSeriesData("matvecs", solveOrder.Select(s => (double)s.Position).ToArray(), solveOrder.Select(s => (double)s.MatrixVectorProducts).ToArray())]));
        int failed = rows.Count(s => !s.Converged);
        string message = failed == 0
            ? $"{rows.Count} systems solved, {rows.Average(s => s.Iterations):F1} iterations and {rows.Average(s => s.MatrixVectorProducts):F1} products with A on average"
            : $"{failed} of {rows.Count} systems did not converge (first: system {rows.First(s => !s.Converged).Index}: {rows.First(s => !s.Converged).Message})";
        return new CaseRunOutcome(results, [plot], Summary(rows, header), failed == 0, message);
    }

    /// <summary>The summary lines (and JSON keys) of a set of samples of the sweep <paramref name="header"/> describes.</summary>
    public static IReadOnlyList<SummaryItem> Summary(IReadOnlyList<SweepSample> samples, SweepHeader header) =>
    [
        new("count", "systems", (long)samples.Count),
        new("n", "unknowns per system", (long)header.Unknowns),
        new("method", "method", header.Method),
        new("avg_iterations", "average iterations", samples.Average(s => s.Iterations)),
        new("avg_matvecs", "average products with A", samples.Average(s => s.MatrixVectorProducts)),
        new("avg_seconds", "average solve time", samples.Average(s => s.Seconds), "s"),
        new("max_residual", "largest relative residual", samples.Max(s => s.RelativeResidual)),
        new("all_converged", "all converged", samples.All(s => s.Converged)),
    ];

    private static DataArray Column(DataGroup group, string path, string name, bool integer, int rows = -1)
    {
        if (!group.TryGetDataset(name, out var a) || a.Shape.Length != 1 || (rows >= 0 && a.Shape[0] != rows) || (integer ? !a.IsInteger : !a.IsFloat))
            throw new DataFileException(path, "/" + name, $"expected a 1-D {(integer ? "integer" : "float")} dataset{(rows >= 0 ? $" of length {rows}" : "")}, found {a?.ToString() ?? "nothing"}");
        return a;
    }

    private static string[] Text(DataGroup group, string path, string name, int rows)
    {
        if (!group.TryGetDataset(name, out var a) || !a.IsString || a.Shape.Length != 1 || a.Shape[0] != rows)
            throw new DataFileException(path, "/" + name, $"expected {rows} strings, found {a?.ToString() ?? "nothing"}");
        return a.AsStrings();
    }
}
