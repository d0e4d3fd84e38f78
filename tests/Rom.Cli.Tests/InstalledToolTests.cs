namespace Rom.Cli.Tests;

/// <summary>
/// The shipped tool carries everything <c>rom bench</c> and <c>rom validate</c> need: packed, installed into a fresh
/// folder and run from a working directory outside the repository, it finds its embedded Python scripts and validation
/// cases and writes its rows. Explicit (it packs, installs and runs every benchmark briefly, about a minute):
/// <c>dotnet test tests/Rom.Cli.Tests -c Release --filter Category=Install</c>, as .ci/run does.
/// </summary>
public class InstalledToolTests : TempFolderTest
{
    [Test, Explicit("packs and installs the tool; run with --filter Category=Install"), Category("Install")]
    public void BenchAndValidateRunFromAnInstalledToolOutsideTheRepository()
    {
        string packages = PathOf("packages"), tools = PathOf("tools"), work = PathOf("work");
        Run("dotnet", Cli.RepoRoot, "pack", Path.Combine(Cli.RepoRoot, "src", "Rom.Cli"), "-c", "Release", "-o", packages);
        Run("dotnet", Dir, "tool", "install", "--tool-path", tools, "--add-source", packages, "Rom.Cli");
        Directory.CreateDirectory(work);
        string rom = Path.Combine(tools, "rom");
        Assert.That(work, Does.Not.StartWith(Cli.RepoRoot), "the tool runs outside the checkout");

        string spectral = Run(rom, work, "bench", "spectral", "--quick");
        foreach (string row in new[] { "fft 1-D complex", "kronecker matvec", "gemm" })
            Assert.That(spectral, Does.Contain(row));
        Assert.That(spectral, Does.Contain("NumPy K1 @ X @ K2.T").And.Not.Contain("script failed"), "the embedded NumPy script ran");
        Assert.That(File.Exists(Path.Combine(work, "results", "bench-spectral.txt")));

        using var krylov = JsonDocument.Parse(Run(rom, work, "bench", "krylov", "--families", "skr-darcy", "--count", "2", "--sizes", "small", "--json"));
        var rows = krylov.RootElement.EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("source").GetString()).Distinct(), Is.EquivalentTo(new[] { "rom", "scipy" }), "the embedded SciPy script ran");
        Assert.That(rows.Select(r => r.GetProperty("mode").GetString()), Does.Contain("gcro-dr(40,20) sorted").And.Contain("spsolve"));
        foreach (var row in rows)
            Assert.That(row.GetProperty("converged").GetInt32(), Is.EqualTo(row.GetProperty("systems").GetInt32()), row.ToString());
        Assert.That(File.Exists(Path.Combine(work, "results", "bench-krylov.json")));

        // ~30 s on two cores: the embedded torch_fno.py, and the installed tool starting itself for Rom's side.
        using var neural = JsonDocument.Parse(Run(rom, work, "bench", "neural", "--quick", "--json"));
        var neuralRows = neural.RootElement.EnumerateArray().ToList();
        Assert.That(neuralRows, Has.Count.EqualTo(6));
        foreach (var row in neuralRows)
        {
            Assert.That(row.GetProperty("rom_seconds").GetDouble(), Is.GreaterThan(0), row.ToString());
            Assert.That(row.GetProperty("note").GetString(), Does.Not.Contain("script failed"), "the embedded PyTorch script ran or said why not");
        }

        string validation = Run(rom, work, "validate");
        Assert.That(validation, Does.Contain($"{Directory.GetFiles(Path.Combine(Cli.RepoRoot, "validation", "cases"), "*.h5").Length} passed, 0 failed"),
            "the shipped validation cases run without a checkout");
    }

    // Runs a process to its end in `folder`; a non-zero exit fails the test with its output. Returns standard output.
    private static string Run(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)}\n--- stdout\n{output}\n--- stderr\n{error.Result}");
        return output;
    }
}
