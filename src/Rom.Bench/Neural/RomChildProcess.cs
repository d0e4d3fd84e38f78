namespace Rom.Bench.Neural;

/// <summary>
/// Runs Rom's side of one configuration in a fresh process, so its peak memory is that configuration's alone: the
/// caller names how to start the <c>rom</c> tool (e.g. <c>dotnet Rom.Cli.dll</c>), and the child runs
/// <c>rom bench neural --child KEY --threads N [--quick]</c>, which calls <see cref="RomFnoTiming.Measure"/> and prints
/// its <see cref="NeuralTiming"/> as one JSON line. The child also gets <c>DOTNET_PROCESSOR_COUNT=N</c>, so the .NET
/// thread pool and anything outside the tensor core see N cores too.
/// </summary>
/// <param name="FileName">The program: the <c>dotnet</c> host, or the tool's own executable.</param>
/// <param name="Prefix">Arguments before <c>bench neural …</c> (the path of Rom.Cli.dll under the host; none otherwise).</param>
public sealed record RomChildProcess(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>The hidden option the child is started with.</summary>
    public const string ChildOption = "--child";

    /// <summary>Measures <paramref name="config"/> in a child process.</summary>
    /// <exception cref="InvalidOperationException">The child failed or printed no timing.</exception>
    public NeuralTiming Measure(NeuralBenchCase config, int threads, bool quick)
    {
        var start = new ProcessStartInfo(FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in Prefix)
            start.ArgumentList.Add(argument);
        string count = threads.ToString(CultureInfo.InvariantCulture);
        foreach (string argument in new[] { "bench", "neural", ChildOption, config.Key, "--threads", count })
            start.ArgumentList.Add(argument);
        if (quick)
            start.ArgumentList.Add("--quick");
        start.Environment["DOTNET_PROCESSOR_COUNT"] = count;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{FileName}'.");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Rom's child process for {config.Key} failed (exit {process.ExitCode}): {error.Result.Trim()}");
        try
        {
            return NeuralTiming.Parse(output);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Rom's child process for {config.Key} printed no timing: {e.Message}", e);
        }
    }
}
