namespace Rom.Cli.Tests;

/// <summary>A summary says what ran: the file's title is never shown as if it described settings --set changed.</summary>
public class SummaryHeaderTests : TempFolderTest
{
    [Test]
    public void ARunWithChangedSettingsSaysSoUnderTheTitle()
    {
        string casePath = Cli.New("thermal-block", PathOf("tb.h5"));
        var run = Cli.Run("run", casePath, "--out", PathOf("r.h5"), "--set", "problem.squares_per_side=8", "--set", "reduction.enabled=0", "--set", "output.plots=0");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        string[] lines = run.Out.Split('\n');
        Assert.That(lines[0], Does.Contain("141 squares per side"), "the file's title");
        Assert.That(lines[1], Does.Contain("run with").And.Contain("problem.squares_per_side: 141 → 8").And.Contain("reduction.enabled: 1 → 0"));

        var json = Cli.Run("run", casePath, "--out", PathOf("r.h5"), "--json", "--set", "problem.squares_per_side=8", "--set", "reduction.enabled=0", "--set", "output.plots=0");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.That(doc.RootElement.GetProperty("setting_changes").EnumerateArray().Select(e => e.GetString()), Does.Contain("problem.squares_per_side: 141 → 8"));
    }

    [Test]
    public void ARunAsWrittenShowsOnlyTheTitle()
    {
        string casePath = Cli.New("thermal-block", PathOf("tb.h5"), "--set", "problem.squares_per_side=8", "--set", "reduction.enabled=0", "--set", "output.plots=0");
        var run = Cli.Run("run", casePath, "--out", PathOf("r.h5"), "--set", "problem.squares_per_side=8");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Not.Contain("run with"), "setting a value to what the file holds changes nothing");
    }

    [Test]
    public void NewWithChangedSettingsDoesNotWriteTheDefaultTitle()
    {
        string path = Cli.New("thermal-block", PathOf("tb.h5"), "--set", "problem.squares_per_side=8");
        string title = Rom.IO.Hdf5.Hdf5File.Read(path).Attributes["title"].AsStrings()[0];
        Assert.That(title, Does.Not.Contain(new Rom.Cases.Kinds.ThermalBlockKind().DefaultTitle).And.Contain("problem.squares_per_side: 141 → 8"));
    }
}
