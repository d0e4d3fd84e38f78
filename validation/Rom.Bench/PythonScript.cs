using System.Diagnostics;

namespace Rom.Bench;

/// <summary>Runs a reference script in Debian's Python as a subprocess and collects what it printed.</summary>
internal static class PythonScript
{
    /// <summary>What the process returned.</summary>
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs <paramref name="python"/> with <paramref name="arguments"/> (the script first) and waits for it. Standard
    /// error is read concurrently with standard output, so neither pipe can fill and stall the process.
    /// </summary>
    public static Outcome Run(string python, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{python}'.");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Outcome(process.ExitCode, output, error.Result);
    }
}
