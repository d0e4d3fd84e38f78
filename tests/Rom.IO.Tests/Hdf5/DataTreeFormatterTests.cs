namespace Rom.IO.Tests.Hdf5;

public class DataTreeFormatterTests
{
    [Test]
    public void Describe_OutlinesGroupsAttributesAndDatasets()
    {
        var root = new DataGroup();
        root.Attributes["title"] = DataArray.Scalar("Heat \"2D\"");
        root.Attributes["version"] = DataArray.Scalar(3);
        var op = root.GetOrAddGroup("data/operator");
        op.Attributes["shape"] = DataArray.Of(new long[] { 2, 3 });
        op.Datasets["data"] = DataArray.Of(new[] { 1.5, 2.0, 3.0 });
        op.Datasets["indptr"] = DataArray.Of(new[] { 0, 2, 3 });
        op.AttributesOf("data")["unit"] = DataArray.Scalar("W");
        root.Datasets["dt"] = DataArray.Scalar(0.25);
        root.Datasets["grid"] = DataArray.Of(new double[6], 2, 3);

        string expected = string.Join('\n',
            "/",
            "  @title: string = \"Heat \\\"2D\\\"\"",
            "  @version: int32 = 3",
            "  data/",
            "    operator/",
            "      @shape: int64 [2] = [2, 3]",
            "      data: float64 [3]",
            "        @unit: string = \"W\"",
            "      indptr: int32 [3]",
            "  dt: float64 scalar",
            "  grid: float64 [2, 3]",
            "");
        Assert.That(DataTreeFormatter.Describe(root), Is.EqualTo(expected));
    }

    [Test]
    public void Describe_AbbreviatesLongAttributes()
    {
        var root = new DataGroup();
        root.Attributes["steps"] = DataArray.Of(Enumerable.Range(0, 100).Select(i => i * 0.5).ToArray(), 10, 10);
        Assert.That(DataTreeFormatter.Describe(root, maxValues: 3),
            Is.EqualTo("/\n  @steps: float64 [10, 10] = [0, 0.5, 1, ... +97 more]\n"));
    }
}
