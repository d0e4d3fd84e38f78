namespace Rom.Cli.Tests;

public class NewInfoValidateTests : TempFolderTest
{
    [TestCase("thermal-block", "thermal-block")]
    [TestCase("thermal-bump", "thermal-bump")]
    [TestCase("operator-eim", "operator-eim")]
    [TestCase("nonlinear-heat", "nonlinear-heat")]
    [TestCase("sweep", "darcy-sweep")]
    public void ShippedCaseIsWhatRomNewWrites(string kind, string file)
    {
        // cases/FILE.h5 must be regenerable: same settings as `rom new KIND`.
        string fresh = Cli.New(kind, PathOf("fresh.h5"));
        string shipped = Path.Combine(Cli.RepoRoot, "cases", file + ".h5");
        var a = Cli.Run("info", shipped);
        var b = Cli.Run("info", fresh);
        Assert.That(a.ExitCode, Is.EqualTo(0), a.ToString());
        string Settings(string info) => info[info.IndexOf("Effective settings", StringComparison.Ordinal)..];
        Assert.That(Settings(a.Out), Is.EqualTo(Settings(b.Out)));
    }

    [Test]
    public void ShippedThermalBlockIsPymorsGrid() =>
        Assert.That(Cli.Run("info", Path.Combine(Cli.RepoRoot, "cases", "thermal-block.h5")).Out, Does.Contain("squares_per_side").And.Contain("141"));

    [Test]
    public void InfoDescribesResultsAndForeignFiles()
    {
        string casePath = Cli.New("affine-system", PathOf("a.h5")), results = PathOf("r.h5");
        Cli.Run("run", casePath, "--out", results, "--set", "output.plots=0");
        var info = Cli.Run("info", results);
        Assert.That(info.ExitCode, Is.EqualTo(0), info.ToString());
        Assert.That(info.Out, Does.Contain("Rom results file").And.Contain("residual_history").And.Contain("case_sha256"));
    }

    [Test]
    public void HelpEverywhere()
    {
        foreach (var args in new[] { new[] { "--help" }, ["new", "--help"], ["info", "--help"], ["run", "--help"], ["validate", "--help"] })
        {
            var help = Cli.Run(args);
            Assert.That(help.ExitCode, Is.EqualTo(0), string.Join(" ", args));
            Assert.That(help.Out, Does.Contain("Usage"), string.Join(" ", args));
        }
    }

    /// <summary>Generated help put merge below the parent's argument ("rom sweep &lt;case&gt; merge"), unlike the README.</summary>
    [Test]
    public void SweepMergeHelpShowsTheUsageItIsRunWith()
    {
        var help = Cli.Run("sweep", "merge", "--help");
        Assert.That(help.ExitCode, Is.EqualTo(0), help.ToString());
        Assert.That(help.Out, Does.Contain(" sweep merge <shards>...").And.Contain("--out").And.Not.Contain("<case>"));
        Assert.That(Cli.Run("sweep", "--help").Out, Does.Contain(" sweep <case>"), "the sweep command's own help is unchanged");
    }

    [Test]
    public void ValidateRunsTheShippedValidationCases()
    {
        var json = Cli.Json("validate", Path.Combine(Cli.RepoRoot, "validation", "cases"), "--json");
        var checks = json.EnumerateArray().ToList();
        Assert.That(checks, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(checks.All(c => c.GetProperty("passed").GetBoolean()));
    }

    [Test]
    public void ValidateFailsWhenAReferenceDisagrees()
    {
        // A check that must fail: the Poisson mean compared with a wrong reference value.
        string folder = PathOf("cases");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "wrong.h5");
        File.Copy(Path.Combine(Cli.RepoRoot, "validation", "cases", "poisson-mean.h5"), path);
        var tree = Rom.IO.Hdf5.Hdf5File.Read(path);
        tree.Group("reference/checks/output_mean").Attributes["value"] = Rom.IO.Hdf5.DataArray.Scalar(0.04);
        Rom.IO.Hdf5.Hdf5File.Write(path, tree);

        var run = Cli.Run("validate", folder);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Contain("FAIL").And.Contain("0 passed, 1 failed"));
    }
}
