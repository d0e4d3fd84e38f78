namespace Rom.IO.Tests.Hdf5;

public class Hdf5RoundTripTests : TempFolderTest
{
    /// <summary>Every data type as scalar, 1-D, 2-D and 3-D, plus empty arrays.</summary>
    private static IEnumerable<TestCaseData> Arrays()
    {
        var floats = new[] { 0.5, -1.25, 3.0, 1e10, -0.0, 6.0 };
        var strings = new[] { "plain", "ünïcödé ∑", "", "with \"quotes\"", "a\nb", "x" };
        var cases = new List<(DataType, Array)>
        {
            (DataType.Float64, floats),
            (DataType.Float32, floats),
            (DataType.String, strings),
        };
        foreach (var type in Enum.GetValues<DataType>().Where(t => t is not (DataType.Float64 or DataType.Float32 or DataType.String)))
        {
            var (min, max) = type.IntegerRange();
            cases.Add((type, new[] { min, max, 0, 1, max - 1, min + 1 }));
        }
        foreach (var (type, six) in cases)
        {
            var one = Array.CreateInstance(six.GetType().GetElementType()!, 1);
            Array.Copy(six, 1, one, 0, 1);
            yield return new TestCaseData(DataArray.Create(type, one, [])).SetArgDisplayNames($"{type} scalar");
            foreach (int[] shape in new[] { new[] { 6 }, [2, 3], [3, 1, 2] })
                yield return new TestCaseData(DataArray.Create(type, six, shape)).SetArgDisplayNames($"{type} [{string.Join(",", shape)}]");
        }
        yield return new TestCaseData(DataArray.Of(Array.Empty<double>())).SetArgDisplayNames("Float64 empty [0]");
        yield return new TestCaseData(DataArray.Of(Array.Empty<long>(), 0, 3)).SetArgDisplayNames("Int64 empty [0,3]");
    }

    [TestCaseSource(nameof(Arrays))]
    public void DatasetAndAttribute_RoundTrip(DataArray array)
    {
        var root = new DataGroup();
        root.Attributes["value"] = array;
        root.GetOrAddGroup("g").Datasets["value"] = array;
        string path = PathOf("round-trip.h5");

        Hdf5File.Write(path, root);
        var read = Hdf5File.Read(path);

        AssertSame(array, read.Attributes["value"]);
        Assert.That(read.TryGetDataset("g/value", out var dataset), Is.True);
        AssertSame(array, dataset!);
    }

    [Test]
    public void NestedGroupsAndDatasetAttributes_RoundTrip()
    {
        var root = new DataGroup();
        var deep = root.GetOrAddGroup("a/b/c");
        deep.Attributes["note"] = DataArray.Scalar("deep");
        deep.Datasets["x"] = DataArray.Of(new[] { 1.0, 2.0 });
        deep.AttributesOf("x")["unit"] = DataArray.Scalar("m/s");
        root.GetOrAddGroup("empty");
        string path = PathOf("nested.h5");

        Hdf5File.Write(path, root);
        var read = Hdf5File.Read(path);

        Assert.That(read.TryGetGroup("a/b/c", out var c), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(c!.Attributes["note"].AsStrings(), Is.EqualTo(new[] { "deep" }));
            Assert.That(c.DatasetAttributes["x"]["unit"].AsStrings(), Is.EqualTo(new[] { "m/s" }));
            Assert.That(read.Groups["empty"].Groups, Is.Empty);
            Assert.That(read.Groups["empty"].Datasets, Is.Empty);
        });
    }

    [TestCase(0)]
    [TestCase(4)]
    [TestCase(9)]
    public void CompressedDatasets_RoundTrip_AndShrink(int level)
    {
        var values = Enumerable.Range(0, 300 * 500).Select(i => (double)(i % 17)).ToArray();
        var root = new DataGroup();
        root.Datasets["big"] = DataArray.Of(values, 300, 500);
        root.Datasets["ints"] = DataArray.Of(Enumerable.Range(0, 5000).ToArray());
        root.Datasets["small"] = DataArray.Of(new[] { 1.0, 2.0 });
        string plain = PathOf("plain.h5");
        string compressed = PathOf("compressed.h5");

        Hdf5File.Write(plain, root);
        Hdf5File.Write(compressed, root, new Hdf5WriteOptions(Compress: true, CompressionLevel: level, ChunkElements: 10000));
        var read = Hdf5File.Read(compressed);

        AssertSame(root.Datasets["big"], read.Datasets["big"]);
        AssertSame(root.Datasets["ints"], read.Datasets["ints"]);
        AssertSame(root.Datasets["small"], read.Datasets["small"]);
        if (level > 0)
            Assert.That(new FileInfo(compressed).Length, Is.LessThan(new FileInfo(plain).Length / 10));
    }

    [Test]
    public void WriteOptions_OutOfRange_AreRejected()
    {
        var root = new DataGroup();
        string path = PathOf("x.h5");
        Assert.Throws<ArgumentOutOfRangeException>(() => Hdf5File.Write(path, root, new Hdf5WriteOptions(CompressionLevel: 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hdf5File.Write(path, root, new Hdf5WriteOptions(ChunkElements: 0)));
    }

    /// <summary>Same type, shape and values (bitwise for floats, so -0.0 is told from 0.0).</summary>
    internal static void AssertSame(DataArray expected, DataArray actual)
    {
        Assert.Multiple(() =>
        {
            Assert.That(actual.Type, Is.EqualTo(expected.Type), "type");
            Assert.That(actual.Shape, Is.EqualTo(expected.Shape), "shape");
            if (expected.IsFloat)
                Assert.That(Array.ConvertAll(actual.AsDoubles(), BitConverter.DoubleToInt64Bits),
                    Is.EqualTo(Array.ConvertAll(expected.AsDoubles(), BitConverter.DoubleToInt64Bits)), "values");
            else
                Assert.That(actual.Values, Is.EqualTo(expected.Values), "values");
        });
    }
}
