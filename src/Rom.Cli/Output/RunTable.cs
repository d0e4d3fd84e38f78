namespace Rom.Cli.Output;

/// <summary>The printed summary of <c>rom run</c>: case, summary lines, outcome and files written.</summary>
public static class RunTable
{
    /// <summary>Writes the summary of one run.</summary>
    public static void Write(TextWriter writer, RunReport report)
    {
        writer.WriteLine($"{report.Document.Kind.Name}: {report.Document.Title}");
        if (report.SettingChanges.Count > 0)
            writer.WriteLine($"  the case file's title, but run with: {string.Join("; ", report.SettingChanges)}");
        var rows = report.Outcome.Summary.Select(s => (s.Label, SummaryTable.Format(s.Value, s.Unit))).ToList();
        rows.Add(("total time", SummaryTable.Format(report.TotalSeconds, "s")));
        SummaryTable.Write(writer, rows);
        writer.WriteLine($"{(report.Outcome.Succeeded ? "ok" : "FAILED")}: {report.Outcome.Message}");
        writer.WriteLine($"results: {report.ResultsPath}");
        if (report.PlotFiles.Count > 0)
            writer.WriteLine($"plots:   {string.Join(", ", report.PlotFiles)}");
    }
}
