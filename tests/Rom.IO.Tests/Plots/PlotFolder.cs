namespace Rom.IO.Tests.Plots;

/// <summary>A fresh temporary folder per test, removed afterwards.</summary>
public abstract class PlotFolder
{
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Folder = Directory.CreateTempSubdirectory("rom-plots-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);
}
