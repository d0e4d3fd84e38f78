namespace Rom.IO.Tests.Hdf5;

public class Hdf5AtomicWriteTests : TempFolderTest
{
    private static DataGroup Tree(double value)
    {
        var root = new DataGroup();
        root.Datasets["x"] = DataArray.Scalar(value);
        return root;
    }

    [Test]
    public void SuccessfulWrite_ReplacesTheFile_AndLeavesNoTemporaryFile()
    {
        string path = PathOf("result.h5");
        Hdf5File.Write(path, Tree(1.0));
        Hdf5File.Write(path, Tree(2.0));

        Assert.Multiple(() =>
        {
            Assert.That(Hdf5File.Read(path).Datasets["x"].AsDoubles(), Is.EqualTo(new[] { 2.0 }));
            Assert.That(Directory.GetFileSystemEntries(Dir), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void AWrite_RemovesTheTemporaryFilesOfKilledWriters_ButNotOfLiveOnes()
    {
        string path = PathOf("result.h5");
        string killed = PathOf(".result.h5.0123456789abcdef0123456789abcdef.tmp"), live = PathOf(".result.h5.fedcba9876543210fedcba9876543210.tmp");
        string other = PathOf(".other.h5.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllBytes(killed, new byte[100]);
        File.WriteAllBytes(other, new byte[100]);
        // A live writer holds its temporary file open as AtomicFile does (FileShare.Read: a shared lock).
        using (new FileStream(live, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read))
        {
            Hdf5File.Write(path, Tree(1.0));
            Assert.Multiple(() =>
            {
                Assert.That(File.Exists(killed), Is.False, "a killed writer's leftover is removed");
                Assert.That(File.Exists(live), "a live writer's file is left alone");
                Assert.That(File.Exists(other), "another output's files are not this write's business");
            });
        }
    }

    [Test]
    public void FailedRename_DeletesTheTemporaryFile()
    {
        // A folder in the way: the temporary file is written, but cannot be renamed over a folder.
        string path = PathOf("occupied.h5");
        Directory.CreateDirectory(Path.Combine(path, "inside"));

        var error = Assert.Throws<DataFileException>(() => Hdf5File.Write(path, Tree(1.0)));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(path).And.Contain("cannot write"));
            Assert.That(Directory.GetFileSystemEntries(Dir), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void FailedWrite_LeavesTheExistingFileUntouched()
    {
        string path = PathOf("keep.h5");
        Hdf5File.Write(path, Tree(1.0));
        byte[] before = File.ReadAllBytes(path);
        var invalid = Tree(2.0);
        invalid.Datasets[""] = DataArray.Scalar(3.0);

        Assert.Throws<DataFileException>(() => Hdf5File.Write(path, invalid));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
            Assert.That(Directory.GetFileSystemEntries(Dir), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void MissingFolder_GivesDataFileException_AndCreatesNothing()
    {
        string path = Path.Combine(Dir, "no-such-folder", "result.h5");
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Write(path, Tree(1.0)));
        Assert.Multiple(() =>
        {
            Assert.That(error!.FilePath, Is.EqualTo(path));
            Assert.That(Directory.GetFileSystemEntries(Dir), Is.Empty);
        });
    }
}
