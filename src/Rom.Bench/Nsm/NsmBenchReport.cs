namespace Rom.Bench.Nsm;

/// <summary>The rows of <c>rom bench nsm</c> as a text table and as a JSON array.</summary>
public static class NsmBenchReport
{
    /// <summary>An aligned table (problem, method, test error, training time, inference per instance, parameters) and each row's note.</summary>
    public static string Table(IReadOnlyList<NsmBenchRow> rows, NsmBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var writer = new StringWriter();
        writer.WriteLine($"Neural spectral methods vs baselines, {options.Steps} steps of batch {options.BatchSize} each (Adam {options.LearningRate.ToString(CultureInfo.InvariantCulture)}, "
            + $"decay {options.Decay.ToString(CultureInfo.InvariantCulture)} over the run), {options.TestSamples} test samples, {Environment.ProcessorCount} core(s).");
        writer.WriteLine();
        var lines = new List<string[]> { new[] { "problem", "method", "test rel. L2", "train", "inference / instance", "parameters" } };
        lines.AddRange(rows.Select(r => new[]
        {
            r.Problem, r.Method, r.TestRelativeL2.ToString("0.000%", CultureInfo.InvariantCulture), Seconds(r.TrainSeconds),
            Seconds(r.InferenceSeconds), r.Parameters?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
        }));
        BenchText.WriteAligned(writer, lines);
        writer.WriteLine();
        foreach (var r in rows)
        {
            writer.WriteLine($"{r.Problem} {r.Method}: {r.Note}.");
            if (r.InferenceSecondsByResolution is { } by)
                writer.WriteLine($"  inference per instance with evaluation on the grid: {string.Join(", ", by.Select(p => $"{p.Key}² {Seconds(p.Value)}"))}");
            if (r.StepTiming is { } t)
                writer.WriteLine($"  one training step (batch {options.BatchSize}, {Environment.ProcessorCount} threads, median of {NsmStepTiming.Repeats}): Rom {Seconds(t.RomSeconds)}, "
                    + $"{t.Reference} {Seconds(t.TorchSeconds)}; Rom / PyTorch = {t.RomSeconds / t.TorchSeconds:0.00}");
        }
        return writer.ToString();
    }

    /// <summary>
    /// A JSON array, one object per row: problem, method, test_rel_l2, train_seconds, inference_seconds, parameters, steps,
    /// inference_seconds_by_resolution, train_step_seconds and torch_train_step_seconds (the Poisson NSM row with --torch: one
    /// training step in Rom and in PyTorch), solver_seconds_at_equal_accuracy (the problem's classical solver per instance at NSM's
    /// accuracy: the FFT solve for Poisson, exact there; the cheapest ETDRK4 setting that matches NSM for reaction–diffusion), note.
    /// </summary>
    public static string Json(IReadOnlyList<NsmBenchRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return BenchText.RelaxedJson(rows.Select(r => (JsonNode)new JsonObject
        {
            ["problem"] = r.Problem,
            ["method"] = r.Method,
            ["test_rel_l2"] = r.TestRelativeL2,
            ["train_seconds"] = r.TrainSeconds,
            ["inference_seconds"] = r.InferenceSeconds,
            ["parameters"] = r.Parameters,
            ["steps"] = r.Steps,
            ["inference_seconds_by_resolution"] = r.InferenceSecondsByResolution is { } by
                ? new JsonObject(by.Select(p => KeyValuePair.Create(p.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)p.Value)))
                : null,
            ["train_step_seconds"] = r.StepTiming?.RomSeconds,
            ["torch_train_step_seconds"] = r.StepTiming?.TorchSeconds,
            ["solver_seconds_at_equal_accuracy"] = rows.FirstOrDefault(s => s.Problem == r.Problem && s.SolverSecondsAtEqualAccuracy is not null)?.SolverSecondsAtEqualAccuracy,
            ["note"] = r.Note,
        }));
    }

    private static string Seconds(double? seconds) => seconds switch
    {
        null => "-",
        >= 1 => $"{seconds:0.0} s",
        >= 1e-3 => $"{seconds * 1e3:0.00} ms",
        _ => $"{seconds * 1e6:0.0} µs",
    };
}
