using Rom.Bench;
using Rom.Cases.Validation;

namespace Rom.Cli.Output;

/// <summary>The printed table of <c>rom validate</c>, ending with the line "N passed, N failed".</summary>
public static class ValidationTable
{
    /// <summary>Writes one row per check and the closing count.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ValidationCheck> checks)
    {
        List<string[]> lines = [["case", "check", "expected", "actual", "rel. error", "tolerance", "result"]];
        lines.AddRange(checks.Select(c => new[]
        {
            c.Case, c.Check, SummaryTable.Format(c.Expected), SummaryTable.Format(c.Actual),
            SummaryTable.Format(c.RelativeError), SummaryTable.Format(c.Tolerance), c.Passed ? "pass" : "FAIL",
        }));
        BenchText.WriteAligned(writer, lines);
        foreach (var c in checks.Where(c => c.Problem is not null))
            writer.WriteLine($"  {c.Case} / {c.Check}: {c.Problem}");
        foreach (var source in checks.Select(c => $"{c.Case}: {c.Source}").Distinct())
            writer.WriteLine($"  reference of {source}");
        writer.WriteLine($"{checks.Count(c => c.Passed)} passed, {checks.Count(c => !c.Passed)} failed");
    }
}
