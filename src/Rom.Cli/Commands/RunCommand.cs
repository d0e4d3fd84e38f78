using System.CommandLine;
using Rom.Cases.Running;
using Rom.Cli.Output;

namespace Rom.Cli.Commands;

/// <summary><c>rom run CASE [--out RESULTS] [--set key=value ...] [--json]</c>: runs a case and writes results and plots.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var casePath = new Argument<string>("case") { Description = "The case file (HDF5) to run." };
        var output = new Option<string?>("--out") { Description = "Results file to write (default: results/<case name>.h5); plots go beside it." };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a setting, e.g. --set solver.relative_tolerance=1e-8 (repeatable; 'rom info CASE' lists them).",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        var command = new Command("run", "Run a case: build the model, solve, write a results file and plots, print a summary.")
        {
            casePath, output, set, json,
        };
        command.SetAction(parse =>
        {
            bool asJson = parse.GetValue(json);
            var progress = new ConsoleProgress(context.Error, context.ErrorIsTerminal);
            var report = CaseRunner.Run(parse.GetRequiredValue(casePath), parse.GetValue(set) ?? [], parse.GetValue(output), progress);
            progress.Finish();
            if (asJson)
                context.Out.WriteLine(RunJson.Format(report));
            else
                RunTable.Write(context.Out, report);
            if (!report.Outcome.Succeeded)
            {
                context.Error.WriteLine($"error: the run failed: {report.Outcome.Message} (results written to {report.ResultsPath})");
                return ExitCodes.Failure;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
