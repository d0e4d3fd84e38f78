namespace Rom.Bench;

/// <summary>
/// Runs a reference script in Debian's Python as a subprocess and collects what it printed. The scripts are embedded
/// in this assembly (src/Rom.Bench/Scripts/*.py, by file name), so an installed <c>rom</c> needs no checkout: each run
/// writes its script into the caller's work folder first. A new family of rows drops its script into Scripts/ and
/// calls <see cref="Run"/> with the file name.
/// </summary>
public static class PythonScript
{
    /// <summary>Debian's interpreter, which has python3-numpy, python3-scipy and python3-h5py (a pyenv python3 on PATH may not).</summary>
    public const string DebianPython = "/usr/bin/python3";

    /// <summary>What the process returned.</summary>
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>
    /// Writes the embedded script <paramref name="script"/> into <paramref name="folder"/>, runs
    /// <paramref name="python"/> on it with <paramref name="arguments"/>, waits for it and removes the script again.
    /// Standard error is read concurrently with standard output, so neither pipe can fill and stall the process.
    /// </summary>
    public static Outcome Run(string python, string script, string folder, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string path = Extract(script, folder);
        start.ArgumentList.Add(path);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"Could not start '{python}'.");
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new Outcome(process.ExitCode, output, error.Result);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The last non-empty line of <paramref name="text"/> (a script's result or error message), trimmed; null if none.</summary>
    public static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    // Writes the embedded script into the folder and returns its path.
    private static string Extract(string script, string folder)
    {
        using var resource = typeof(PythonScript).Assembly.GetManifestResourceStream(script)
            ?? throw new ArgumentException($"No reference script '{script}' is embedded in Rom.Bench (src/Rom.Bench/Scripts).", nameof(script));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, script);
        using (var file = File.Create(path))
            resource.CopyTo(file);
        return path;
    }
}
