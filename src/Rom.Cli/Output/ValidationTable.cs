using Rom.Cases.Validation;

namespace Rom.Cli.Output;

/// <summary>The printed table of <c>rom validate</c>, ending with the line "N passed, N failed".</summary>
public static class ValidationTable
{
    /// <summary>Writes one row per check and the closing count.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ValidationCheck> checks)
    {
        string[] header = ["case", "check", "expected", "actual", "rel. error", "tolerance", "result"];
        var rows = checks.Select(c => new[]
        {
            c.Case, c.Check, SummaryTable.Format(c.Expected), SummaryTable.Format(c.Actual),
            SummaryTable.Format(c.RelativeError), SummaryTable.Format(c.Tolerance), c.Passed ? "pass" : "FAIL",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var r in rows)
            writer.WriteLine(string.Join("  ", r.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
        foreach (var c in checks.Where(c => c.Problem is not null))
            writer.WriteLine($"  {c.Case} / {c.Check}: {c.Problem}");
        foreach (var source in checks.Select(c => $"{c.Case}: {c.Source}").Distinct())
            writer.WriteLine($"  reference of {source}");
        writer.WriteLine($"{checks.Count(c => c.Passed)} passed, {checks.Count(c => !c.Passed)} failed");
    }
}
