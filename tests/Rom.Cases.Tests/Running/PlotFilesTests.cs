using Rom.Cases.Running;
using Rom.IO.Plots;

namespace Rom.Cases.Tests.Running;

public class PlotFilesTests : TempFolderTest
{
    private static PlotRequest Plot(string name) =>
        PlotRequest.Of(name, new LinePlot(name, "x", "y", [new("s", [0.0, 1.0], [1.0, 2.0])]));

    [Test]
    public void PlotsAppearOnlyAfterTheMainFile()
    {
        string path = PathOf("r.h5");
        string[] seenWhileWriting = [];
        var files = PlotFiles.Write(path, [Plot("a"), Plot("b")], () =>
        {
            seenWhileWriting = Directory.GetFiles(Dir, "r-*");
            File.WriteAllText(path, "main");
        });
        Assert.Multiple(() =>
        {
            Assert.That(seenWhileWriting, Is.Empty, "no plot is in place before the main file is written");
            Assert.That(files.Select(Path.GetFileName), Is.EquivalentTo(new[] { "r-a.svg", "r-a.png", "r-b.svg", "r-b.png" }));
            Assert.That(files.All(File.Exists));
        });
    }

    [Test]
    public void AFailedMainWriteLeavesNoPlotsAndNoStaging()
    {
        string path = PathOf("r.h5");
        Assert.Throws<IOException>(() => PlotFiles.Write(path, [Plot("a")], () => throw new IOException("disk full")));
        Assert.That(Directory.GetFileSystemEntries(Dir), Is.Empty);
    }

    [Test]
    public void TheNextRunRemovesThePreviousPlotsAndAKilledRunsStaging()
    {
        string path = PathOf("r.h5");
        PlotFiles.Write(path, [Plot("a"), Plot("b")], () => File.WriteAllText(path, "first"));
        string staging = PathOf(".r.h5.plots.0123");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "r-a.svg"), "killed run");

        var files = PlotFiles.Write(path, [Plot("a")], () => File.WriteAllText(path, "second"));

        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(Dir, "r-*").Select(Path.GetFileName), Is.EquivalentTo(files.Select(Path.GetFileName)));
            Assert.That(File.Exists(PathOf("r-b.svg")), Is.False, "the plot this run did not draw is gone");
            Assert.That(Directory.Exists(staging), Is.False);
        });
    }
}
