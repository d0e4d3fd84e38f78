using Rom.Cli.Commands;

namespace Rom.Cli;

/// <summary>The <c>rom</c> command line: builds the commands, runs one, and turns errors into one line and an exit code.</summary>
public static class RomApp
{
    /// <summary>Runs the command line and returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("Rom: reduced-order modelling and PDE solving. Run a case file, inspect HDF5 files, validate.")
        {
            NewCommand.Create(context),
            InfoCommand.Create(context),
            RunCommand.Create(context),
            ValidateCommand.Create(context),
            EvalCommand.Create(context),
            SweepCommand.Create(context),
            SlurmCommand.Create(context),
            TrainCommand.Create(context),
            PredictCommand.Create(context),
            ImportCommand.Create(context),
            BenchCommand.Create(context),
        };
        SweepCommand.ShowMergeUsage(root);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line: "Required command was not provided" only adds noise beside an unrecognised command.
            var messages = parse.Errors.Select(e => e.Message).ToList();
            if (messages.Count > 1)
                messages.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
            context.Error.WriteLine($"error: {string.Join(" ", messages)}");
            context.Error.WriteLine("Run 'rom --help' or 'rom COMMAND --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (e is CaseInputException or DataFileException)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("ROM_DEBUG") != "1")
        {
            context.Error.WriteLine($"error: unexpected failure ({e.GetType().Name}): {e.Message}");
            context.Error.WriteLine("Set ROM_DEBUG=1 to see the stack trace, and please report it.");
            return ExitCodes.Failure;
        }
    }
}
