using Rom.Bench.GaussianProcesses;

namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom bench gp [--quick] [--components Q] [--out FILE] [--json]</c>: one evaluation of GP-HM's objective and its
/// gradient on 1-D, 2-D and 3-D grids of growing size, Rom beside PyTorch's autograd of the same objective
/// (<see cref="GpObjectiveBenchmark"/>).
/// </summary>
public static class BenchGpCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var output = CommandOptions.TableFile("bench-gp.txt");
        var quick = new Option<bool>("--quick") { Description = "Small grids, Q = 5, short timings (checks the plumbing, not the speed)." };
        var components = new Option<int?>("--components") { Description = "Q, spectral components per axis (default 30, the reference's; 5 with --quick)." };
        var json = CommandOptions.JsonRows();
        var command = new Command("gp", "Time one GP-HM objective + gradient evaluation against PyTorch's autograd of it, on grids of growing size.")
        {
            output, quick, components, json,
        };
        command.SetAction(parse =>
        {
            string path = OutputFile.Prepare(parse.GetRequiredValue(output));
            bool small = parse.GetValue(quick);
            int q = parse.GetValue(components) ?? (small ? 5 : 30);
            if (q < 1)
            {
                context.Error.WriteLine($"error: --components is {q}; expected at least 1 spectral component.");
                return ExitCodes.BadInput;
            }
            string folder = Path.Combine(Path.GetTempPath(), $"rom-bench-gp-{Environment.ProcessId}");
            try
            {
                var rows = GpObjectiveBenchmark.Run(GpObjectiveBenchmark.Grids(small), q, PythonScript.DebianPython, folder, small ? 0.2 : 2,
                    new Progress<string>(line => context.Error.WriteLine($"[gp] {line}")));
                string table = GpObjectiveBenchmark.Table(rows, q, GpObjectiveBenchmark.Parallelism());
                var array = new JsonArray([.. rows.Select(r => (JsonNode?)new JsonObject
                {
                    ["dimensions"] = r.Dimensions, ["points"] = r.Points, ["rom_seconds"] = r.RomSeconds,
                    ["torch_seconds"] = r.TorchSeconds, ["relative_difference"] = r.RelativeDifference,
                })]);
                File.WriteAllText(path, table);
                File.WriteAllText(Path.ChangeExtension(path, ".json"), array.ToJsonString());
                context.Out.Write(parse.GetValue(json) ? array.ToJsonString() + Environment.NewLine : table);
                return ExitCodes.Success;
            }
            finally
            {
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }
}
