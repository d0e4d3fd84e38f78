namespace Rom.IO.Tests.Plots;

public sealed class HeatmapGridWriterTests : TempFolderTest
{
    private static HeatmapPlot Panel(string title, double phase)
    {
        var values = new double[17, 17];
        for (int i = 0; i < 17; i++)
            for (int j = 0; j < 17; j++)
                values[i, j] = Math.Sin(i / 4.0 + phase) * Math.Cos(j / 5.0);
        return new HeatmapPlot(title, values, 0, 1, 0, 1, "u");
    }

    [Test]
    public void WritesOnePngWithEveryPanelInItsCell()
    {
        var grid = new HeatmapGrid("samples", [[Panel("a", 0), Panel("b", 1), Panel("c", 2)], [Panel("d", 3), Panel("e", 4), Panel("f", 5)]]);
        var paths = PlotWriter.Write(grid, Path.Combine(Dir, "grid"));
        Assert.That(paths, Is.EqualTo(new[] { Path.Combine(Dir, "grid.png") }));
        using var bitmap = PlotImage.Decode(paths[0]);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((3 * 400, 44 + 2 * 300)));
        Assert.That(PlotImage.DarkPixels(bitmap, 0, 44), Is.GreaterThan(30), "the title is drawn");
        Assert.That(PlotImage.DistinctColours(bitmap), Is.GreaterThan(100), "the panels' colour maps are drawn");
    }

    [Test]
    public void RaggedOrEmptyGrids_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => PlotWriter.Write(new HeatmapGrid("t", []), Path.Combine(Dir, "g")));
        Assert.Throws<ArgumentException>(() => PlotWriter.Write(new HeatmapGrid("t", [[Panel("a", 0)], [Panel("b", 0), Panel("c", 0)]]), Path.Combine(Dir, "g")));
        Assert.That(File.Exists(Path.Combine(Dir, "g.png")), Is.False);
    }
}
