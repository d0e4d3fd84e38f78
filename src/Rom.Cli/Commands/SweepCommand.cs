using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Rom.Cases.Sweeps;
using Rom.Sweeps;

namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom sweep CASE [--out DATA] [--json] [--shard i/n] [--set key=value ...]</c>: solves every system of a sweep
/// case into one dataset, resuming an interrupted run; <c>rom sweep merge SHARD... --out DATA</c> joins shards.
/// </summary>
public static class SweepCommand
{
    /// <summary>Builds the command and its merge subcommand.</summary>
    public static Command Create(CliContext context)
    {
        var casePath = new Argument<string>("case") { Description = "The sweep case file (HDF5), e.g. cases/darcy-sweep.h5." };
        var output = new Option<string?>("--out")
        {
            Description = "Dataset to write (default: results/<case name>.h5, or results/<case name>.shard-i-of-n.h5); progress is kept in DATA.partial until it is complete.",
        };
        var shard = new Option<string?>("--shard") { Description = "Solve only shard i of n of the order (contiguous blocks), e.g. --shard 2/4; join the shards with 'rom sweep merge'. Inside a Slurm array job it defaults to the task's shard (SLURM_ARRAY_TASK_ID − MIN + 1 of SLURM_ARRAY_TASK_COUNT)." };
        var set = CommandOptions.Set("sweep.method=gmres");
        var json = CommandOptions.Json();
        var command = new Command("sweep", "Solve every system of a sweep case (sorted, recycled) into one HDF5 dataset; a killed sweep restarted with the same arguments resumes.")
        {
            casePath, output, shard, set, json, Merge(context),
        };
        command.SetAction(parse =>
        {
            var progress = new ConsoleProgress(context.Error, context.ErrorIsTerminal);
            // An explicit --shard wins; inside a Slurm array job without one, the task's index picks the shard.
            var part = parse.GetValue(shard) is { } text ? ParseShard(text) : SlurmArray.Shard(Environment.GetEnvironmentVariables()) ?? SweepShard.All;
            var report = SweepRunner.Run(parse.GetRequiredValue(casePath), parse.GetValue(set) ?? [], parse.GetValue(output), part, progress);
            progress.Finish();
            return RunCommand.Print(context, report, parse.GetValue(json), "sweep", o =>
            {
                o["out"] = report.ResultsPath;
                o["shard"] = part.ToString();
            });
        });
        return command;
    }

    /// <summary>
    /// The merge subcommand takes no case, but generated help prints its usage below the parent's argument
    /// ("rom sweep &lt;case&gt; merge"): its help shows the usage it is run with, as in the README.
    /// </summary>
    public static void ShowMergeUsage(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().FirstOrDefault();
        if (option?.Action is HelpAction help)
            option.Action = new MergeHelp(help);
    }

    /// <summary>The default help, with the merge subcommand's usage line written as it is run.</summary>
    private sealed class MergeHelp(HelpAction help) : SynchronousCommandLineAction
    {
        /// <inheritdoc />
        public override bool ClearsParseErrors => true;

        /// <inheritdoc />
        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.CommandResult.Command.Name != "merge")
                return help.Invoke(parseResult);
            var configuration = parseResult.InvocationConfiguration;
            var output = configuration.Output;
            var captured = new StringWriter();
            configuration.Output = captured;
            try
            {
                help.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
            }
            // The parent's <case> argument is listed too; merge does not take it.
            var lines = captured.ToString().Replace(" sweep <case> merge", " sweep merge", StringComparison.Ordinal).Split('\n')
                .Where(line => !line.StartsWith("  <case>", StringComparison.Ordinal));
            output.Write(string.Join('\n', lines));
            return 0;
        }
    }

    private static Command Merge(CliContext context)
    {
        var shards = new Argument<string[]>("shards") { Description = "The shard files written by rom sweep --shard i/n (all n of them), or partial merges of them.", Arity = ArgumentArity.OneOrMore };
        var output = CommandOptions.RequiredOut("The merged dataset to write.");
        var partial = new Option<bool>("--partial") { Description = "Merge a contiguous run of shards a..b into one file that a later merge takes like a shard (a tree merge; see merge.group_size)." };
        var command = new Command("merge", "Join the shard files of one sweep into the dataset an unsharded run writes.") { shards, output, partial };
        command.SetAction(parse =>
        {
            string path = parse.GetRequiredValue(output);
            int count = SweepMerge.Run(parse.GetRequiredValue(shards), path, parse.GetValue(partial));
            context.Out.WriteLine($"merged {parse.GetRequiredValue(shards).Length} files, {count} systems: {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    // "i/n" with 1 ≤ i ≤ n.
    private static SweepShard ParseShard(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 1 && i <= n)
            return new SweepShard(i, n);
        throw new CaseInputException("--shard", $"'{text}'", "i/n with 1 ≤ i ≤ n, e.g. 2/4");
    }
}
