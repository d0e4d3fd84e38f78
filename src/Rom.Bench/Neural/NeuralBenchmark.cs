namespace Rom.Bench.Neural;

/// <summary>
/// <c>rom bench neural</c>: for each configuration, Rom's side in a fresh child process and PyTorch's in a fresh
/// Python process, one after the other with the same thread count, and two rows from them (training step; inference
/// per sample, the batch's forward time ÷ the batch).
/// </summary>
public static class NeuralBenchmark
{
    /// <summary>Runs every configuration of <paramref name="options"/>; <paramref name="log"/> sees progress lines.</summary>
    /// <exception cref="InvalidOperationException">Rom's side failed. PyTorch failing is not an error: its rows say why.</exception>
    public static IReadOnlyList<NeuralBenchRow> Run(NeuralBenchOptions options, RomChildProcess rom, Action<string>? log = null)
    {
        var rows = new List<NeuralBenchRow>();
        foreach (var config in options.Cases)
        {
            log?.Invoke($"  {config.Label}: Rom …");
            NeuralTiming mine = rom.Measure(config, options.Threads, options.Quick);
            log?.Invoke($"  {config.Label}: PyTorch …");
            NeuralTiming? reference = null;
            string missing = "";
            try
            {
                reference = TorchFnoTiming.Measure(options.Python, options.WorkFolder, config, options.Threads, options.Warmup, options.WarmupSeconds, options.Repeats);
                // Not caught below (reference is set): two different models would make every ratio meaningless.
                if (reference.Parameters != mine.Parameters)
                    throw new InvalidOperationException($"PyTorch's model has {reference.Parameters} parameters, Rom's {mine.Parameters}: not the same architecture.");
            }
            catch (InvalidOperationException e) when (reference is null)
            {
                missing = e.Message;
            }
            string how = $"median of {options.Repeats} after ≥ {options.Warmup} warm-up call(s) and ≥ {options.WarmupSeconds} s; fresh processes per configuration";
            string note = reference is null ? $"PyTorch not run: {missing}" : how;
            string name = reference?.Implementation ?? "PyTorch (not run)";
            rows.Add(new NeuralBenchRow($"{config.Label} train step", mine.TrainStepSeconds, name, reference?.TrainStepSeconds,
                mine.TrainPeakRssBytes, reference?.TrainPeakRssBytes, mine.BaselineRssBytes, reference?.BaselineRssBytes, mine.Threads, mine.Parameters, note));
            rows.Add(new NeuralBenchRow($"{config.Label} inference per sample", mine.InferenceSeconds / config.Batch, name,
                reference?.InferenceSeconds / config.Batch, mine.InferencePeakRssBytes, reference?.InferencePeakRssBytes,
                mine.BaselineRssBytes, reference?.BaselineRssBytes, mine.Threads, mine.Parameters, note));
        }
        return rows;
    }
}
