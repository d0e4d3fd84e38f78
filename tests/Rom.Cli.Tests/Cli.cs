namespace Rom.Cli.Tests;

/// <summary>Runs the rom command in-process and captures its exit code and output.</summary>
internal static class Cli
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    public static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = RomApp.Run(args, new CliContext(stdout, stderr, ErrorIsTerminal: false));
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The arguments <c>--set A --set B …</c> for these assignments.</summary>
    public static string[] Set(params IEnumerable<string> assignments) => [.. assignments.SelectMany(a => new[] { "--set", a })];

    /// <summary>Writes a case of this kind with <c>rom new</c>, asserts that it succeeded and returns its path.</summary>
    public static string New(string kind, string path, params string[] args)
    {
        var outcome = Run(["new", kind, "--out", path, .. args]);
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
        return path;
    }

    /// <summary>Runs the command, asserts that it succeeded and returns the JSON it printed.</summary>
    public static JsonElement Json(params string[] args)
    {
        var outcome = Run(args);
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
        using var json = JsonDocument.Parse(outcome.Out);
        return json.RootElement.Clone();
    }

    /// <summary>The repository root (the folder holding Rom.sln), found from the test's output folder.</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rom.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Rom.sln not found above the test folder.");
        }
    }
}
