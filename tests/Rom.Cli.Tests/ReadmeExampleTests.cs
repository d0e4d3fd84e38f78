using System.Text.RegularExpressions;

namespace Rom.Cli.Tests;

/// <summary>
/// Every C# block of the README is code that builds and runs: the whole docs/examples/LibraryExample program, or a
/// region of docs/examples/Snippets (between "// README: NAME" and "// README end"), word for word.
/// </summary>
public class ReadmeExampleTests
{
    private static string Example => Path.Combine(Cli.RepoRoot, "docs", "examples", "LibraryExample");

    private static string SnippetsFolder => Path.Combine(Cli.RepoRoot, "docs", "examples", "Snippets");

    private static string Readme => File.ReadAllText(Path.Combine(Cli.RepoRoot, "README.md")).ReplaceLineEndings("\n");

    /// <summary>The snippet regions, unindented, each ending in a newline.</summary>
    private static Dictionary<string, string> Regions()
    {
        string source = File.ReadAllText(Path.Combine(SnippetsFolder, "Snippets.cs")).ReplaceLineEndings("\n");
        return Regex.Matches(source, @"\n( *)// README: ([a-z-]+)\n(.*?)\n *// README end", RegexOptions.Singleline).ToDictionary(
            m => m.Groups[2].Value,
            m => string.Join("\n", m.Groups[3].Value.Split('\n').Select(l => l.Length >= m.Groups[1].Length ? l[m.Groups[1].Length..] : l.TrimStart())) + "\n");
    }

    /// <summary>Runs a built example (a project reference of this test project, so built in the same configuration).</summary>
    private static (int ExitCode, string Output) RunExample(string folder, string name)
    {
        string configuration = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;
        string dll = Path.Combine(folder, "bin", configuration, "net10.0", name + ".dll");
        Assert.That(File.Exists(dll), dll);
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        })!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(120_000), "finished within two minutes");
        return (process.ExitCode, output + error.Result);
    }

    [Test]
    public void EveryCSharpBlockOfTheReadmeIsBuiltCode()
    {
        var blocks = Regex.Matches(Readme, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        var built = Regions().Values.Append(File.ReadAllText(Path.Combine(Example, "Program.cs")).ReplaceLineEndings("\n")).ToList();
        Assert.Multiple(() =>
        {
            foreach (string block in blocks)
                Assert.That(built.Any(code => block.EndsWith(code, StringComparison.Ordinal) && block[..^code.Length].Split('\n').All(l => l.Length == 0 || l.StartsWith("using "))),
                    $"this README block is not in docs/examples (only using lines may precede a snippet):\n{block}");
            foreach (var (name, code) in Regions())
                Assert.That(blocks.Any(b => b.EndsWith(code, StringComparison.Ordinal)), $"snippet '{name}' is not shown in the README");
        });
    }

    [Test]
    public void TheSnippetsRunAndComputeWhatTheySay()
    {
        var (exitCode, output) = RunExample(SnippetsFolder, "Snippets");
        Assert.That(exitCode, Is.EqualTo(0), output);
        foreach (string name in Regions().Keys)
            Assert.That(output, Does.Contain($"ok {name}:"), output);
    }

    [Test]
    public void TheReadmeShowsTheExampleProgramWordForWord()
    {
        string readme = Readme;
        string section = readme[readme.IndexOf("## Using the library from C#", StringComparison.Ordinal)..];
        var block = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline);
        Assert.That(block.Success, "a csharp block under 'Using the library from C#'");
        Assert.That(block.Groups[1].Value, Is.EqualTo(File.ReadAllText(Path.Combine(Example, "Program.cs")).ReplaceLineEndings("\n")));
        Assert.That(section, Does.Contain("docs/examples/LibraryExample/LibraryExample.csproj"), "the README names the project it needs");
    }

    [Test]
    public void TheExampleRunsAndCertifiesItsReducedBasis()
    {
        var (exitCode, output) = RunExample(Example, "LibraryExample");
        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("full order: 7081 unknowns")
            .And.Contain("reduced basis: N = ")
            .And.Contain("every error within its bound")
            .And.Contain("loaded from "));
    }
}
