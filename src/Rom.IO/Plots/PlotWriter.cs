using OxyPlot;

namespace Rom.IO.Plots;

/// <summary>Writes plots as an SVG and a PNG image side by side.</summary>
public static class PlotWriter
{
    /// <summary>Writes <c>basePath.svg</c> and <c>basePath.png</c> and returns both paths.</summary>
    /// <exception cref="ArgumentException">A series is empty, holds a non-finite value, or its X and Y differ in length.</exception>
    public static IReadOnlyList<string> Write(LinePlot plot, string basePath) =>
        Write(LinePlotModel.Build(plot), basePath);

    /// <summary>Writes <c>basePath.svg</c> and <c>basePath.png</c> and returns both paths.</summary>
    /// <exception cref="ArgumentException">The values are fewer than 2 × 2 or not finite, or the rectangle is empty.</exception>
    public static IReadOnlyList<string> Write(HeatmapPlot plot, string basePath) =>
        Write(HeatmapModel.Build(plot), basePath);

    /// <summary>Writes <c>basePath.png</c> (a grid of heatmaps is raster only) and returns its path.</summary>
    /// <exception cref="ArgumentException">An empty or ragged grid, or a panel <see cref="Write(HeatmapPlot, string)"/> refuses.</exception>
    public static IReadOnlyList<string> Write(HeatmapGrid grid, string basePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(basePath);
        var png = basePath + ".png";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(basePath))!);
        AtomicFile.Write(png, stream => HeatmapGridImage.WritePng(grid, stream));
        return [png];
    }

    private static IReadOnlyList<string> Write(PlotModel model, string basePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(basePath);
        var svg = basePath + ".svg";
        var png = basePath + ".png";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(basePath))!);
        AtomicFile.Write(svg, stream => PlotCanvas.WriteSvg(model, stream));
        AtomicFile.Write(png, stream => PlotCanvas.WritePng(model, stream));
        return [svg, png];
    }
}
