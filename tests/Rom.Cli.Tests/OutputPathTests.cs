namespace Rom.Cli.Tests;

/// <summary>Output locations are checked before any computation, with one rule for every command, and a run owns its plots.</summary>
public class OutputPathTests : TempFolderTest
{
    // /proc refuses new files even to root, which the CI machine runs as.
    private const string Unwritable = "/proc/rom-test-output.h5";

    private static readonly string[] SmallRun = Cli.Set("problem.squares_per_side=8", "reduction.enabled=0");

    private string NewCase(string kind = "thermal-block") => Cli.New(kind, PathOf(kind + ".h5"));

    private static void AssertRefusedBeforeComputing(Cli.Outcome outcome, string expected)
    {
        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.ToString());
        Assert.That(outcome.Error, Does.StartWith("error: --out: got ").And.Contain(expected), outcome.ToString());
        Assert.That(outcome.Error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), "one line, no progress: nothing was computed");
    }

    [Test]
    public void RunRefusesAnUnwritableOutputBeforeComputing()
    {
        string casePath = NewCase();
        AssertRefusedBeforeComputing(Cli.Run(["run", casePath, "--out", Unwritable, .. SmallRun]), "a folder this user can create and write");
    }

    [Test]
    public void RunRefusesAFolderAsOutputAndLeavesNoPlots()
    {
        string casePath = NewCase(), folder = PathOf("existing");
        Directory.CreateDirectory(folder);
        AssertRefusedBeforeComputing(Cli.Run(["run", casePath, "--out", folder, .. SmallRun]), "it names a folder");
        Assert.That(Directory.GetFiles(Dir, "*.svg", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void RunRefusesAPathBelowAFile()
    {
        string casePath = NewCase();
        AssertRefusedBeforeComputing(Cli.Run(["run", casePath, "--out", Path.Combine(casePath, "r.h5"), .. SmallRun]), "a folder this user can create and write");
    }

    [Test]
    public void SweepAndTrainRefuseAnUnwritableOutputBeforeComputing()
    {
        AssertRefusedBeforeComputing(Cli.Run("sweep", NewCase("sweep"), "--out", Unwritable), "a folder this user can create and write");
        AssertRefusedBeforeComputing(Cli.Run("train", NewCase("nsm"), "--out", Unwritable), "a folder this user can create and write");
        Assert.That(File.Exists(Unwritable + ".partial"), Is.False);
    }

    [Test]
    public void NewCreatesAMissingFolderAndRefusesToOverwriteWithoutForce()
    {
        string path = PathOf("a/b/case.h5");
        Assert.That(Cli.Run("new", "thermal-block", "--out", path).ExitCode, Is.EqualTo(0), "a missing folder is created, as rom run does");
        var again = Cli.Run("new", "thermal-block", "--out", path, "--title", "second");
        Assert.That(again.ExitCode, Is.EqualTo(2), again.ToString());
        Assert.That(again.Error, Does.Contain("--out").And.Contain("no file exists yet").And.Contain("--force"));
        Assert.That(Rom.IO.Hdf5.Hdf5File.Read(path).Attributes["title"].AsStrings()[0], Is.Not.EqualTo("second"), "the file is untouched");
        Cli.New("thermal-block", path, "--title", "second", "--force");
        Assert.That(Rom.IO.Hdf5.Hdf5File.Read(path).Attributes["title"].AsStrings()[0], Is.EqualTo("second"));
    }

    [Test]
    public void ARerunRemovesThePlotsOfThePreviousRunIntoThePath()
    {
        string casePath = NewCase(), results = PathOf("out/r.h5");
        Assert.That(Cli.Run(["run", casePath, "--out", results, .. SmallRun]).ExitCode, Is.EqualTo(0));
        var plots = Directory.GetFiles(PathOf("out"), "r-*");
        Assert.That(plots, Is.Not.Empty);
        File.WriteAllText(PathOf("out/r-mine.txt"), "a file of the user's, not listed by the run");

        var rerun = Cli.Run(["run", casePath, "--out", results, "--set", "output.plots=0", .. SmallRun]);

        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.ToString());
        Assert.That(plots.Where(File.Exists), Is.Empty, "no stale plot beside the new results");
        Assert.That(File.Exists(PathOf("out/r-mine.txt")), "only files the previous run listed are removed");
        Assert.That(Directory.GetFileSystemEntries(PathOf("out"), ".r.h5.plots.*"), Is.Empty, "no staging folder left");
    }
}
