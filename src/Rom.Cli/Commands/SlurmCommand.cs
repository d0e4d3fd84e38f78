using System.ComponentModel;
using System.Diagnostics;
using Rom.Cases.Sweeps;

namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom slurm sweep CASE --shards N --out DATA [--partition P] [--time T] [--cpus-per-task C] [--set ...] [--submit] [--json]</c>:
/// writes the sbatch scripts of a sharded sweep (<see cref="SlurmSweepScripts"/>) and, with --submit, submits the array
/// and the merge job that depends on it.
/// </summary>
public static class SlurmCommand
{
    /// <summary>Builds the parent command with its subcommand.</summary>
    public static Command Create(CliContext context) =>
        new("slurm", "Run work on a Slurm cluster: writes sbatch scripts that use this rom, and submits them with --submit.") { Sweep(context) };

    private static Command Sweep(CliContext context)
    {
        var casePath = new Argument<string>("case") { Description = "The sweep case file (HDF5), e.g. cases/darcy-sweep.h5." };
        var shards = new Option<int>("--shards") { Description = "Number of shards n: array task i solves shard i of n.", Required = true };
        var output = CommandOptions.RequiredOut("The merged dataset; the scripts, shard files and logs go to DATA.slurm/ beside it (a folder every node sees).");
        var partition = new Option<string?>("--partition") { Description = "sbatch --partition (default: the cluster's)." };
        var time = new Option<string?>("--time") { Description = "sbatch --time per task, e.g. 02:00:00 (default: the partition's)." };
        var cpus = new Option<int?>("--cpus-per-task") { Description = "sbatch --cpus-per-task (default: the cluster's)." };
        var submit = new Option<bool>("--submit") { Description = "Submit the array job, then the merge job with --dependency=afterok on it, and print their job ids." };
        var set = CommandOptions.Set("sweep.method=gmres");
        var json = CommandOptions.Json("Print one JSON object instead of lines.");
        var command = new Command("sweep", "Write (and with --submit, submit) an sbatch array script for the shards of a sweep and a merge job that depends on it.")
        {
            casePath, shards, output, partition, time, cpus, set, submit, json,
        };
        command.SetAction(parse =>
        {
            var job = SlurmSweepScripts.Write(RomCommand(), parse.GetRequiredValue(casePath), parse.GetValue(set) ?? [], parse.GetRequiredValue(output),
                parse.GetValue(shards), new SlurmResources(parse.GetValue(partition), parse.GetValue(time), parse.GetValue(cpus)));
            (string Array, IReadOnlyList<string> Levels, string Merge)? ids = null;
            try
            {
                if (parse.GetValue(submit))
                    ids = Submit(job);
            }
            catch (SbatchFailed e)
            {
                context.Error.WriteLine($"error: {e.Message} (the scripts are written: {job.ArrayScript}, {job.MergeScript})");
                return ExitCodes.Failure;
            }
            if (parse.GetValue(json))
            {
                var obj = new JsonObject
                {
                    ["array_script"] = job.ArrayScript,
                    ["merge_level_scripts"] = new JsonArray([.. job.MergeLevelScripts.Select(p => (JsonNode?)p)]),
                    ["merge_script"] = job.MergeScript,
                    ["shards"] = job.Shards,
                };
                if (ids is { } submitted)
                {
                    obj["array_job"] = submitted.Array;
                    obj["merge_level_jobs"] = new JsonArray([.. submitted.Levels.Select(p => (JsonNode?)p)]);
                    obj["merge_job"] = submitted.Merge;
                }
                context.Out.WriteLine(RunJson.Indented(obj));
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"array script: {job.ArrayScript} ({job.Shards} tasks, one shard each)");
            foreach (string script in job.MergeLevelScripts)
                context.Out.WriteLine($"merge level script: {script}");
            context.Out.WriteLine($"merge script: {job.MergeScript}");
            if (ids is { } jobs)
                context.Out.WriteLine($"submitted array job {jobs.Array}{string.Concat(jobs.Levels.Select(id => $", merge level job {id}"))} and merge job {jobs.Merge} (each runs after every task before it succeeds)");
            else
                context.Out.WriteLine("submit with: id=$(sbatch --parsable " + SlurmSweepScripts.Quote(job.ArrayScript) + ")"
                    + string.Concat(job.MergeLevelScripts.Select(script => $" && id=$(sbatch --parsable --dependency=afterok:$id {SlurmSweepScripts.Quote(script)})"))
                    + $" && sbatch --dependency=afterok:$id {SlurmSweepScripts.Quote(job.MergeScript)}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The command that runs this rom on a node: its executable, or dotnet with this assembly when run by dotnet.</summary>
    private static string RomCommand()
    {
        string process = Environment.ProcessPath ?? "rom";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"{SlurmSweepScripts.Quote(process)} {SlurmSweepScripts.Quote(typeof(SlurmCommand).Assembly.Location)}"
            : SlurmSweepScripts.Quote(process);
    }

    private static (string Array, IReadOnlyList<string> Levels, string Merge) Submit(SlurmSweepJob job)
    {
        string array = Sbatch(job, ["--parsable", job.ArrayScript]), last = array;
        var levels = new List<string>();
        foreach (string script in job.MergeLevelScripts)
            levels.Add(last = Sbatch(job, ["--parsable", $"--dependency=afterok:{last}", script]));
        return (array, levels, Sbatch(job, ["--parsable", $"--dependency=afterok:{last}", job.MergeScript]));
    }

    /// <summary>Runs sbatch and returns the job id it prints ("id" or "id;cluster").</summary>
    private static string Sbatch(SlurmSweepJob job, string[] arguments)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("sbatch", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        }
        catch (Win32Exception)
        {
            throw new CaseInputException("--submit", "no sbatch on PATH", $"a machine with Slurm's sbatch; the scripts are written, submit them there: {job.ArrayScript}, then {job.MergeScript}");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new SbatchFailed($"sbatch {string.Join(" ", arguments)} failed (exit {process.ExitCode}): {error.Result.Trim().ReplaceLineEndings(" | ")}");
            return output.Split(';')[0];
        }
    }

    /// <summary>sbatch ran and refused: the cluster's answer, reported as a failed command (exit 1).</summary>
    private sealed class SbatchFailed(string message) : Exception(message);
}
