using System.Xml.Linq;
using SkiaSharp;

namespace Rom.IO.Tests.Plots;

public sealed class HeatmapPlotWriterTests : TempFolderTest
{
    private static double[,] Grid(int n, Func<double, double, double> f)
    {
        var values = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                values[i, j] = f(i / (n - 1.0), j / (n - 1.0));
            }
        }

        return values;
    }

    [Test]
    public void WritesPngAndSvgOfTheField()
    {
        var plot = new HeatmapPlot("Mode 1", Grid(101, (x, y) => Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y)), 0, 1, 0, 1, "amplitude");

        var paths = PlotWriter.Write(plot, Path.Combine(Dir, "mode"));

        using var bitmap = PlotImage.Decode(paths[1]);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((800, 600)));
        Assert.That(PlotImage.DistinctColours(bitmap), Is.GreaterThan(50));
        Assert.That(PlotImage.DarkPixels(bitmap, 0, 35), Is.GreaterThan(100), "the title is drawn");
        var texts = XDocument.Load(paths[0]).Root!.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value);
        Assert.That(texts, Does.Contain("Mode 1").And.Contain("amplitude").And.Contain("x").And.Contain("y"));
    }

    [Test]
    public void HotCornerAtLargeXSmallYIsDrawnBottomRight()
    {
        var plot = new HeatmapPlot("hot corner", Grid(21, (x, y) => x > 0.75 && y < 0.25 ? 1 : 0), 0, 1, 0, 1, "T");
        using var bitmap = PlotImage.Decode(PlotWriter.Write(plot, Path.Combine(Dir, "hot"))[1]);

        // The plot area is where the cold colour fills long rows and columns; the colour bar's cold end is too short to count.
        var cold = PlotImage.Pixels(bitmap).Where(p => IsCold(bitmap.GetPixel(p.X, p.Y))).ToList();
        var columns = cold.GroupBy(p => p.X).Where(g => g.Count() > 100).Select(g => g.Key).ToList();
        var rows = cold.GroupBy(p => p.Y).Where(g => g.Count() > 100).Select(g => g.Key).ToList();
        double left = columns.Min(), right = columns.Max(), top = rows.Min(), bottom = rows.Max();
        var hot = PlotImage.Pixels(bitmap)
            .Where(p => p.X >= left && p.X <= right && p.Y >= top && p.Y <= bottom && IsHot(bitmap.GetPixel(p.X, p.Y)))
            .ToList();

        Assert.That(hot, Is.Not.Empty);
        Assert.That(hot, Has.All.Matches<SKPointI>(p => p.X > (left + right) / 2 && p.Y > (top + bottom) / 2));
        Assert.That(right - left, Is.EqualTo(bottom - top).Within(3), "a square domain is drawn square");
    }

    private static bool IsCold(SKColor c) => c.Red < 90 && c.Green < 30 && c.Blue > 60 && c.Blue < 110;

    private static bool IsHot(SKColor c) => c.Red > 180 && c.Green > 180 && c.Blue < 100;

    private static IEnumerable<TestCaseData> BadPlots()
    {
        var good = Grid(3, (x, y) => x + y);
        var nan = Grid(3, (x, y) => x + y);
        nan[1, 2] = double.NaN;
        var infinite = Grid(3, (x, y) => x + y);
        infinite[0, 0] = double.NegativeInfinity;
        yield return new TestCaseData(new HeatmapPlot("t", nan, 0, 1, 0, 1, "c")).SetName("NaN");
        yield return new TestCaseData(new HeatmapPlot("t", infinite, 0, 1, 0, 1, "c")).SetName("Infinity");
        yield return new TestCaseData(new HeatmapPlot("t", new double[1, 5], 0, 1, 0, 1, "c")).SetName("SingleColumn");
        yield return new TestCaseData(new HeatmapPlot("t", good, 1, 1, 0, 1, "c")).SetName("EmptyRectangle");
        yield return new TestCaseData(new HeatmapPlot("t", good, 0, double.NaN, 0, 1, "c")).SetName("NaNEdge");
    }

    [TestCaseSource(nameof(BadPlots))]
    public void BadDataThrowsNamingThePlotAndWritesNothing(HeatmapPlot plot)
    {
        var error = Assert.Throws<ArgumentException>(() => PlotWriter.Write(plot, Path.Combine(Dir, "bad")));

        Assert.That(error!.ParamName, Is.EqualTo("plot"));
        Assert.That(Directory.GetFiles(Dir), Is.Empty);
    }
}
