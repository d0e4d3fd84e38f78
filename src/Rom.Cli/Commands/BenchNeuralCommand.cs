using System.Reflection;
using Rom.Bench.Neural;

namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom bench neural [--quick] [--json] [--threads N] [--case KEY …] [--out FILE] [--python PATH]</c>: an FNO's
/// training step and inference, Rom against the same architecture in PyTorch (embedded torch_fno.py), the same
/// threads on both sides; each configuration runs in fresh processes (Rom's: this tool started again with the hidden
/// <c>--child KEY</c>), so the peak memory reported is that configuration's.
/// </summary>
public static class BenchNeuralCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "One warm-up and one timed call per task instead of ≥ 2 (and ≥ 1 s) and the median of 5." };
        var json = CommandOptions.JsonRows();
        var threads = new Option<int>("--threads")
        {
            Description = "Threads for both sides (Rom's TensorThreads.MaxThreads, PyTorch's set_num_threads); default: every core.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var cases = new Option<string[]>("--case")
        {
            Description = $"Configurations to run: {string.Join(", ", NeuralBenchCase.All.Select(c => $"{c.Key} ({c.Label})"))} (default: all).",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string?>("--out") { Description = "Table file to write; the JSON goes beside it with the extension .json." };
        var python = new Option<string>("--python") { Description = "Python with torch (python3-torch).", DefaultValueFactory = _ => PythonScript.DebianPython };
        var child = new Option<string?>(RomChildProcess.ChildOption) { Hidden = true, Description = "Internal: time Rom on one configuration in this process and print it as JSON." };
        var command = new Command("neural", "FNO training step and inference per sample, Rom vs PyTorch on the same architecture and threads, with peak memory.")
        {
            quick, json, threads, cases, output, python, child,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(output) is { } outputPath)
                OutputFile.Prepare(outputPath);
            int count = parse.GetValue(threads);
            if (count < 1)
            {
                context.Error.WriteLine($"error: --threads is {count}; expected at least 1.");
                return ExitCodes.BadInput;
            }
            string[] keys = parse.GetValue(child) is { } one ? [one]
                : parse.GetValue(cases) is { Length: > 0 } chosen ? chosen : [.. NeuralBenchCase.All.Select(c => c.Key)];
            var configs = keys.Select(NeuralBenchCase.Find).ToList();
            if (configs.IndexOf(null) is var bad and >= 0)
            {
                context.Error.WriteLine($"error: no configuration '{keys[bad]}'; expected one of {string.Join(", ", NeuralBenchCase.All.Select(c => c.Key))}.");
                return ExitCodes.BadInput;
            }
            var options = new NeuralBenchOptions([.. configs.Select(c => c!)], count, parse.GetValue(quick), parse.GetRequiredValue(python),
                Path.Combine(Path.GetTempPath(), $"rom-bench-neural-{Environment.ProcessId}"));
            if (parse.GetValue(child) is not null)
            {
                if (options.Cases.Count != 1)
                {
                    context.Error.WriteLine($"error: {RomChildProcess.ChildOption} takes one configuration.");
                    return ExitCodes.BadInput;
                }
                context.Out.WriteLine(RomFnoTiming.Measure(options.Cases[0], count, options.Warmup, options.WarmupSeconds, options.Repeats).ToJson());
                return ExitCodes.Success;
            }
            IReadOnlyList<NeuralBenchRow> rows;
            try
            {
                rows = NeuralBenchmark.Run(options, Self(), line => context.Error.WriteLine(line));
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failure;
            }
            finally
            {
                // The folder is this process's own (named after its id): only the script went there.
                if (Directory.Exists(options.WorkFolder)) Directory.Delete(options.WorkFolder, recursive: true);
            }
            return BenchOutput.Finish(context, NeuralBenchReport.Table(rows), NeuralBenchReport.Json(rows), parse.GetValue(output), parse.GetValue(json));
        });
        return command;
    }

    /// <summary>
    /// How to start this tool again: its own executable when the process is the tool (an installed <c>rom</c> or the
    /// built apphost), else the <c>dotnet</c> host on Rom.Cli.dll (when the command runs inside another program, e.g. tests).
    /// </summary>
    private static RomChildProcess Self()
    {
        Assembly cli = typeof(BenchNeuralCommand).Assembly;
        string? process = Environment.ProcessPath;
        bool hostedByDotnet = process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet";
        if (process is not null && !hostedByDotnet && Assembly.GetEntryAssembly() == cli)
            return new RomChildProcess(process, []);
        string host = hostedByDotnet ? process!
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } sdkHost ? sdkHost
            : "dotnet";
        return new RomChildProcess(host, [cli.Location]);
    }
}
