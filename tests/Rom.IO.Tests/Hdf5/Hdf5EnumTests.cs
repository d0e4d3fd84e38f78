namespace Rom.IO.Tests.Hdf5;

/// <summary>h5py writes NumPy bools as an enumeration over int8 (FALSE = 0, TRUE = 1): it reads as that integer type.</summary>
public class Hdf5EnumTests
{
    [Test]
    public void H5pyBool_ReadsAsInt8ZerosAndOnes()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rom.sln")))
            dir = dir.Parent;
        string path = Path.Combine(dir!.FullName, "cases", "data", "darcy_test_16.h5"); // neuraloperator's set, written by h5py
        var x = Hdf5File.Read(path).Datasets["x"];
        Assert.Multiple(() =>
        {
            Assert.That(x.Type, Is.EqualTo(DataType.Int8));
            Assert.That(x.Shape, Is.EqualTo(new[] { 50, 16, 16 }));
            Assert.That(x.AsLongs().Distinct().Order(), Is.EqualTo(new long[] { 0, 1 }));
        });
    }
}
