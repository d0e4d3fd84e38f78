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
