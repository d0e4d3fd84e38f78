namespace Rom.IO.Tests.Hdf5;

public class Hdf5BadInputTests : TempFolderTest
{
    [Test]
    public void MissingFile_NamesTheFile()
    {
        string path = PathOf("missing.h5");
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Read(path));
        Assert.Multiple(() =>
        {
            Assert.That(error!.FilePath, Is.EqualTo(path));
            Assert.That(error.Message, Does.Contain(path).And.Contain("not found"));
        });
    }

    [Test]
    public void TextFile_IsNotHdf5()
    {
        string path = PathOf("notes.h5");
        File.WriteAllText(path, "this is plain text, not HDF5\n");
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Read(path));
        Assert.That(error!.Message, Does.Contain(path).And.Contain("not a readable HDF5 file"));
    }

    [TestCase(0.5)]
    [TestCase(0.1)]
    [TestCase(0.99)]
    public void TruncatedFile_GivesDataFileException(double keptFraction)
    {
        string path = PathOf("truncated.h5");
        var root = new DataGroup();
        root.Attributes["title"] = DataArray.Scalar("will be cut");
        root.GetOrAddGroup("data").Datasets["x"] = DataArray.Of(Enumerable.Range(0, 20000).Select(i => (double)i).ToArray());
        Hdf5File.Write(path, root);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keptFraction)]);

        var error = Assert.Throws<DataFileException>(() => Hdf5File.Read(path));
        TestContext.Out.WriteLine(error!.Message);
        Assert.That(error.Message, Does.Contain(path));
    }

    [Test]
    public void CompoundDataset_IsUnsupported_NamingTheObject()
    {
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "h5py-unsupported.h5");
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Read(path));
        TestContext.Out.WriteLine(error!.Message);
        Assert.Multiple(() =>
        {
            Assert.That(error.ObjectPath, Is.EqualTo("/data/records"));
            Assert.That(error.Message, Does.Contain(path).And.Contain("/data/records").And.Contain("Compound"));
        });
    }

    [Test]
    public void InvalidNames_AreRejectedBeforeWriting()
    {
        string path = PathOf("bad-name.h5");
        var root = new DataGroup();
        root.GetOrAddGroup("data").Datasets["a/b"] = DataArray.Scalar(1.0);
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Write(path, root));
        Assert.Multiple(() =>
        {
            Assert.That(error!.ObjectPath, Is.EqualTo("/data/a/b"));
            Assert.That(error.Message, Does.Contain("invalid name 'a/b'"));
            Assert.That(Directory.GetFileSystemEntries(Dir), Is.Empty);
        });
    }

    [Test]
    public void GroupAndDatasetWithTheSameName_AreRejected()
    {
        var root = new DataGroup();
        root.Groups["x"] = new DataGroup();
        root.Datasets["x"] = DataArray.Scalar(1.0);
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Write(PathOf("clash.h5"), root));
        Assert.That(error!.ObjectPath, Is.EqualTo("/x"));
    }
}
