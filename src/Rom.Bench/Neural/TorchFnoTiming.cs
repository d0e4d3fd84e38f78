namespace Rom.Bench.Neural;

/// <summary>PyTorch's side of one configuration: <c>torch_fno.py bench</c> (embedded) in a fresh Python process.</summary>
public static class TorchFnoTiming
{
    /// <summary>Runs the script with the configuration, thread count and repeats and reads what it printed.</summary>
    /// <exception cref="InvalidOperationException">The script failed (no PyTorch, an error) or printed no timing.</exception>
    public static NeuralTiming Measure(string python, string folder, NeuralBenchCase config, int threads, int warmup, double warmupSeconds, int repeats)
    {
        var outcome = PythonScript.Run(python, "torch_fno.py", folder,
        [
            "bench", .. config.ScriptArguments(), "--threads", threads.ToString(CultureInfo.InvariantCulture),
            "--warmup", warmup.ToString(CultureInfo.InvariantCulture), "--warmup_seconds", warmupSeconds.ToString(CultureInfo.InvariantCulture), "--repeats", repeats.ToString(CultureInfo.InvariantCulture),
        ]);
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"torch_fno.py bench failed ({python}, exit {outcome.ExitCode}): {PythonScript.LastLine(outcome.Error) ?? "(no message)"}");
        try
        {
            return NeuralTiming.Parse(outcome.Output);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"torch_fno.py bench printed no timing: {e.Message}", e);
        }
    }
}
