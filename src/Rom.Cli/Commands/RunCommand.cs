namespace Rom.Cli.Commands;

/// <summary><c>rom run CASE [--out RESULTS] [--set key=value ...] [--json]</c>: runs a case and writes results and plots.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var casePath = new Argument<string>("case") { Description = "The case file (HDF5) to run." };
        var output = new Option<string?>("--out") { Description = "Results file to write (default: results/<case name>.h5); plots go beside it." };
        var set = CommandOptions.Set("solver.relative_tolerance=1e-8");
        var json = CommandOptions.Json();
        var command = new Command("run", "Run a case: build the model, solve, write a results file and plots, print a summary.")
        {
            casePath, output, set, json,
        };
        command.SetAction(parse =>
        {
            var progress = new ConsoleProgress(context.Error, context.ErrorIsTerminal);
            var report = CaseRunner.Run(parse.GetRequiredValue(casePath), parse.GetValue(set) ?? [], parse.GetValue(output), progress);
            progress.Finish();
            return Print(context, report, parse.GetValue(json), "run");
        });
        return command;
    }

    /// <summary>
    /// Prints a finished run as the summary table or one JSON object (with the keys <paramref name="extend"/> adds)
    /// and returns the exit code: 1 when the run computed but failed.
    /// </summary>
    internal static int Print(CliContext context, RunReport report, bool asJson, string what, Action<JsonObject>? extend = null)
    {
        if (asJson)
        {
            var o = RunJson.Object(report);
            extend?.Invoke(o);
            context.Out.WriteLine(RunJson.Indented(o));
        }
        else
            RunTable.Write(context.Out, report);
        if (report.Outcome.Succeeded)
            return ExitCodes.Success;
        context.Error.WriteLine($"error: the {what} failed: {report.Outcome.Message} (results written to {report.ResultsPath})");
        return ExitCodes.Failure;
    }
}
