using Rom.Bench.Krylov;

namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom bench krylov [--families ...] [--count 100] [--large-count 20] [--sizes full|small] [--out FILE] [--json]</c>:
/// issue 3's Krylov benchmark (independent vs recycled solvers, SciPy in the same run).
/// </summary>
public static class BenchKrylovCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var families = new Option<string>("--families")
        {
            Description = $"Comma-separated families: {string.Join(", ", KrylovBenchOptions.FamilyNames)} (default: all).",
            DefaultValueFactory = _ => string.Join(",", KrylovBenchOptions.FamilyNames),
        };
        var count = new Option<int>("--count") { Description = "Systems per family at SKR n = 10⁴ (and at every size with --sizes small).", DefaultValueFactory = _ => 100 };
        var largeCount = new Option<int>("--large-count") { Description = "Systems per family at SKR n = 4·10⁴ and Darcy SPD 48³.", DefaultValueFactory = _ => 20 };
        var sizes = new Option<string>("--sizes")
        {
            Description = "'full': SKR n = 10⁴ and 4·10⁴, Darcy SPD 48³; 'small': SKR n = 32², Darcy SPD 12³ (a smoke test).",
            DefaultValueFactory = _ => "full",
        };
        var directSubset = new Option<int>("--direct-subset") { Description = "SciPy's spsolve runs on this many 3-D systems only.", DefaultValueFactory = _ => 2 };
        var output = CommandOptions.TableFile("bench-krylov.txt");
        var python = new Option<string>("--python") { Description = "Python with SciPy and h5py.", DefaultValueFactory = _ => PythonScript.DebianPython };
        var json = CommandOptions.JsonRows();
        var command = new Command("krylov", "Independent vs recycled Krylov solvers on the SKR and Darcy SPD families, with SciPy's gmres, cg and spsolve on the same matrices.")
        {
            families, count, largeCount, sizes, directSubset, output, python, json,
        };
        command.SetAction(parse =>
        {
            OutputFile.Prepare(parse.GetRequiredValue(output));
            string sizeName = parse.GetRequiredValue(sizes);
            if (sizeName is not ("full" or "small"))
            {
                context.Error.WriteLine($"error: --sizes is '{sizeName}'; expected 'full' or 'small'.");
                return ExitCodes.BadInput;
            }
            string outPath = parse.GetRequiredValue(output);
            var options = new KrylovBenchOptions(
                parse.GetRequiredValue(families).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                parse.GetValue(count), parse.GetValue(largeCount), sizeName == "small", parse.GetValue(directSubset),
                Path.Combine(Path.GetTempPath(), $"rom-bench-krylov-{Environment.ProcessId}"), parse.GetRequiredValue(python));
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }
            IReadOnlyList<KrylovBenchRow> rows;
            try
            {
                rows = KrylovBenchmark.Run(options, line => context.Error.WriteLine(line));
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failure;
            }
            finally
            {
                // The folder is this process's own (named after its id): the exported systems and the script went there.
                if (Directory.Exists(options.WorkFolder)) Directory.Delete(options.WorkFolder, recursive: true);
            }
            string jsonText = new JsonArray(rows.Select(ToJson).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            var table = new StringWriter();
            KrylovBenchTable.Write(table, rows);
            return BenchOutput.Finish(context, table.ToString(), jsonText, outPath, parse.GetValue(json));
        });
        return command;
    }

    private static JsonNode ToJson(KrylovBenchRow r) => new JsonObject
    {
        ["family"] = r.Family,
        ["n"] = r.N,
        ["systems"] = r.Systems,
        ["source"] = r.Source,
        ["mode"] = r.Mode,
        ["preconditioner"] = r.Preconditioner,
        ["avg_iterations"] = JsonNumber.Of(r.AverageIterations),
        ["avg_matvecs"] = JsonNumber.Of(r.AverageProducts),
        ["avg_seconds"] = JsonNumber.Of(r.AverageSeconds),
        ["converged"] = r.Converged,
        ["max_relative_residual"] = JsonNumber.Of(r.MaxResidual),
        ["reference"] = r.Reference,
        ["iteration_ratio"] = JsonNumber.Of(r.IterationRatio),
        ["time_ratio"] = JsonNumber.Of(r.TimeRatio),
        ["scipy_best_seconds"] = JsonNumber.Of(r.ScipyBestSeconds),
    };
}
