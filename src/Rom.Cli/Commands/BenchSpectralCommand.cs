using Rom.Bench.Spectral;

namespace Rom.Cli.Commands;

/// <summary>
/// <c>rom bench spectral [--out FILE] [--json] [--quick] [--check-out FILE]</c>: FFTs (and the other spectral
/// primitives) against FFTW and friends, one table row per task with Rom ÷ reference.
/// </summary>
public static class BenchSpectralCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var output = CommandOptions.TableFile("bench-spectral.txt");
        var json = CommandOptions.JsonRows();
        var quick = new Option<bool>("--quick") { Description = "Tiny sizes and short timings (checks the plumbing, not the speed)." };
        var checkOut = new Option<string?>("--check-out")
        {
            Description = "Instead of timing, write Rom's FFTs of random inputs to this HDF5 file for validation/check_fft_numpy.py.",
        };
        var command = new Command("spectral", "Time Rom's FFTs against FFTW (1 thread each) and print Rom ÷ reference.")
        {
            output, json, quick, checkOut,
        };
        command.SetAction(parse =>
        {
            OutputFile.Prepare(parse.GetRequiredValue(output));
            if (parse.GetValue(checkOut) is { } checkPath)
            {
                FftAgreementFile.Write(checkPath);
                context.Out.WriteLine($"wrote {checkPath}");
                return ExitCodes.Success;
            }
            var rows = SpectralBench.Run(new SpectralBenchOptions(parse.GetValue(quick)),
                row => context.Error.WriteLine($"  {row.Name}: {Seconds(row.RomSeconds)} vs {Seconds(row.ReferenceSeconds)}"));
            return BenchOutput.Finish(context, Table(rows), Json(rows), parse.GetRequiredValue(output), parse.GetValue(json));
        });
        return command;
    }

    /// <summary>The rows as an aligned text table.</summary>
    private static string Table(IReadOnlyList<SpectralBenchRow> rows)
    {
        var lines = new List<string[]> { new[] { "task", "Rom", "reference", "reference time", "Rom ÷ ref", "note" } };
        lines.AddRange(rows.Select(r => new[]
        {
            r.Name, Seconds(r.RomSeconds), r.Reference, Seconds(r.ReferenceSeconds),
            r.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "-", r.Note,
        }));
        var writer = new StringWriter();
        BenchText.WriteAligned(writer, lines);
        return writer.ToString();
    }

    /// <summary>The rows as a JSON array with name, rom_seconds, reference, reference_seconds, ratio and note.</summary>
    private static string Json(IReadOnlyList<SpectralBenchRow> rows) =>
        new JsonArray(rows.Select(r => (JsonNode)new JsonObject
        {
            ["name"] = r.Name,
            ["rom_seconds"] = r.RomSeconds is { } rom ? JsonNumber.Of(rom) : null,
            ["reference"] = r.Reference,
            ["reference_seconds"] = r.ReferenceSeconds is { } reference ? JsonNumber.Of(reference) : null,
            ["ratio"] = r.Ratio is { } ratio ? JsonNumber.Of(ratio) : null,
            ["note"] = r.Note,
        }).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static string Seconds(double? seconds) => seconds switch
    {
        null => "-",
        >= 1 => $"{seconds:0.000} s",
        >= 1e-3 => $"{seconds * 1e3:0.000} ms",
        _ => $"{seconds * 1e6:0.0} µs",
    };
}
