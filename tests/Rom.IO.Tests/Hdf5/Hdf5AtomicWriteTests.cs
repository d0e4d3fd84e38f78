using Rom.IO.Hdf5;

namespace Rom.IO.Tests.Hdf5;

public class Hdf5AtomicWriteTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempFolder();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private static DataGroup Tree(double value)
    {
        var root = new DataGroup();
        root.Datasets["x"] = DataArray.Scalar(value);
        return root;
    }

    [Test]
    public void SuccessfulWrite_ReplacesTheFile_AndLeavesNoTemporaryFile()
    {
        string path = _temp.File("result.h5");
        Hdf5File.Write(path, Tree(1.0));
        Hdf5File.Write(path, Tree(2.0));

        Assert.Multiple(() =>
        {
            Assert.That(Hdf5File.Read(path).Datasets["x"].AsDoubles(), Is.EqualTo(new[] { 2.0 }));
            Assert.That(Directory.GetFileSystemEntries(_temp.Path), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void FailedRename_DeletesTheTemporaryFile()
    {
        // A folder in the way: the temporary file is written, but cannot be renamed over a folder.
        string path = _temp.File("occupied.h5");
        Directory.CreateDirectory(Path.Combine(path, "inside"));

        var error = Assert.Throws<DataFileException>(() => Hdf5File.Write(path, Tree(1.0)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(path).And.Contain("cannot write"));
            Assert.That(Directory.GetFileSystemEntries(_temp.Path), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void FailedWrite_LeavesTheExistingFileUntouched()
    {
        string path = _temp.File("keep.h5");
        Hdf5File.Write(path, Tree(1.0));
        byte[] before = File.ReadAllBytes(path);
        var invalid = Tree(2.0);
        invalid.Datasets[""] = DataArray.Scalar(3.0);

        Assert.Throws<DataFileException>(() => Hdf5File.Write(path, invalid));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
            Assert.That(Directory.GetFileSystemEntries(_temp.Path), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void MissingFolder_GivesDataFileException_AndCreatesNothing()
    {
        string path = Path.Combine(_temp.Path, "no-such-folder", "result.h5");
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Write(path, Tree(1.0)));
        Assert.Multiple(() =>
        {
            Assert.That(error!.FilePath, Is.EqualTo(path));
            Assert.That(Directory.GetFileSystemEntries(_temp.Path), Is.Empty);
        });
    }
}
