using System.Text.RegularExpressions;

namespace Rom.Cli.Tests;

/// <summary>
/// The h5py examples of docs/case-format.md write cases that run as written: each Python block is run by Debian's
/// interpreter (h5py, NumPy, SciPy) in an empty folder, and the case it writes is run by <c>rom run</c> (or
/// <c>rom sweep</c> for a sweep case).
/// </summary>
public class DocsH5pyExampleTests : TempFolderTest
{
    private const string DebianPython = "/usr/bin/python3";

    private static string[] Blocks()
    {
        string text = File.ReadAllText(Path.Combine(Cli.RepoRoot, "docs", "case-format.md")).ReplaceLineEndings("\n");
        return [.. Regex.Matches(text, @"```python\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value)];
    }

    [Test]
    public void TheDocsHaveH5pyExamples() => Assert.That(Blocks(), Has.Length.GreaterThanOrEqualTo(2));

    [TestCase(0)]
    [TestCase(1)]
    public void H5pyExampleWritesACaseThatRuns(int block)
    {
        if (!File.Exists(DebianPython) || Python("import h5py, numpy, scipy").ExitCode != 0)
            Assert.Ignore($"{DebianPython} with h5py, NumPy and SciPy is not available (CI installs them).");
        var written = Python(Blocks()[block]);
        Assert.That(written.ExitCode, Is.EqualTo(0), written.Error);
        string casePath = Directory.GetFiles(Dir, "*.h5").Single();
        string kind = Hdf5File.Read(casePath).Attributes["kind"].AsStrings()[0];
        var run = kind == "sweep"
            ? Cli.Run("sweep", casePath, "--out", PathOf("out/data.h5"))
            : Cli.Run("run", casePath, "--out", PathOf("out/results.h5"), "--set", "output.plots=0");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Error, Does.Not.Contain("error:"), run.ToString());
    }

    private (int ExitCode, string Error) Python(string script)
    {
        using var process = Process.Start(new ProcessStartInfo(DebianPython, ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Dir,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }
}
