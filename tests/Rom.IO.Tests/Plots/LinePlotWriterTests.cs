using System.Xml.Linq;

namespace Rom.IO.Tests.Plots;

public sealed class LinePlotWriterTests : TempFolderTest
{
    private static LinePlot ResidualHistory(double last)
    {
        var k = Enumerable.Range(0, 121).Select(i => (double)i).ToArray();
        var r = k.Select(i => i == 120 ? last : Math.Pow(10, -i / 10)).ToArray();
        return new LinePlot("Residual history", "iteration", "residual", [new("GMRES", k, r)], LogY: true);
    }

    [Test]
    public void WritesSvgAndPngNextToEachOther()
    {
        var paths = PlotWriter.Write(ResidualHistory(1e-12), Path.Combine(Dir, "residual"));

        Assert.That(paths, Is.EqualTo(new[] { Path.Combine(Dir, "residual.svg"), Path.Combine(Dir, "residual.png") }));
        Assert.That(paths, Has.All.Matches<string>(File.Exists));
    }

    [Test]
    public void PngHasSignatureSizeColoursAndText()
    {
        var png = PlotWriter.Write(ResidualHistory(1e-12), Path.Combine(Dir, "residual"))[1];

        Assert.That(File.ReadAllBytes(png).Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        using var bitmap = PlotImage.Decode(png);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((800, 600)));
        Assert.That(PlotImage.DistinctColours(bitmap), Is.GreaterThan(10));
        Assert.That(PlotImage.DarkPixels(bitmap, 0, 35), Is.GreaterThan(100), "the title is drawn");
        Assert.That(PlotImage.DarkPixels(bitmap, 570, 600), Is.GreaterThan(40), "the x label is drawn");
    }

    [Test]
    public void SvgIsXmlWithTitleAndLabels()
    {
        var svg = PlotWriter.Write(ResidualHistory(1e-12), Path.Combine(Dir, "residual"))[0];

        var root = XDocument.Load(svg).Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("svg"));
        var texts = root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.That(texts, Does.Contain("Residual history").And.Contain("iteration").And.Contain("residual"));
    }

    [Test]
    public void LogAxisSkipsAnExactZero()
    {
        Assert.That(PlotWriter.Write(ResidualHistory(0), Path.Combine(Dir, "converged")), Has.All.Matches<string>(File.Exists));
    }

    [Test]
    public void CreatesTheFolderAndOverwritesWithoutLeftovers()
    {
        var basePath = Path.Combine(Dir, "a", "b", "residual");
        PlotWriter.Write(ResidualHistory(1e-12), basePath);
        PlotWriter.Write(ResidualHistory(1e-13), basePath);

        Assert.That(Directory.GetFiles(Path.GetDirectoryName(basePath)!).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "residual.svg", "residual.png" }));
    }

    private static IEnumerable<TestCaseData> BadPlots()
    {
        double[] x = [1, 2, 3];
        yield return new TestCaseData(new LinePlot("t", "x", "y", [])).SetName("NoSeries");
        yield return new TestCaseData(new LinePlot("t", "x", "y", [new("s", [], [])])).SetName("EmptySeries");
        yield return new TestCaseData(new LinePlot("t", "x", "y", [new("s", x, [1, 2])])).SetName("LengthMismatch");
        yield return new TestCaseData(new LinePlot("t", "x", "y", [new("s", x, [1, double.NaN, 3])])).SetName("NaN");
        yield return new TestCaseData(new LinePlot("t", "x", "y", [new("s", x, [1, 2, double.PositiveInfinity])])).SetName("Infinity");
        yield return new TestCaseData(new LinePlot("t", "x", "y", [new("s", x, [0, -1, 0])], LogY: true)).SetName("NothingPositiveOnLogAxis");
    }

    [TestCaseSource(nameof(BadPlots))]
    public void BadDataThrowsNamingThePlotAndWritesNothing(LinePlot plot)
    {
        var error = Assert.Throws<ArgumentException>(() => PlotWriter.Write(plot, Path.Combine(Dir, "bad")));

        Assert.That(error!.ParamName, Is.EqualTo("plot"));
        Assert.That(Directory.GetFiles(Dir), Is.Empty);
    }

    [Test]
    public void BlankBasePathThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotWriter.Write(ResidualHistory(1e-12), " "));

        Assert.That(error!.ParamName, Is.EqualTo("basePath"));
    }
}
