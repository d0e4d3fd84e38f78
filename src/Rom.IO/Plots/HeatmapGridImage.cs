using SkiaSharp;

namespace Rom.IO.Plots;

/// <summary>
/// Renders a <see cref="HeatmapGrid"/> as one PNG: every panel is drawn as the single heatmap of
/// <see cref="HeatmapModel"/> at the page size, scaled by half, and placed in its cell under the title.
/// </summary>
internal static class HeatmapGridImage
{
    private const float Scale = 0.5f;
    private const int TitleHeight = 44;

    /// <summary>Writes the grid as PNG; throws <see cref="ArgumentException"/> on an empty or ragged grid or bad panel data.</summary>
    public static void WritePng(HeatmapGrid grid, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int rows = grid.Rows?.Count ?? 0, columns = rows == 0 ? 0 : grid.Rows![0].Count;
        if (rows == 0 || columns == 0 || grid.Rows!.Any(r => r.Count != columns))
            throw new ArgumentException("the grid needs at least one panel and rows of one length.", nameof(grid));
        int cellWidth = (int)(PlotCanvas.Width * Scale), cellHeight = (int)(PlotCanvas.Height * Scale);
        using var surface = SKSurface.Create(new SKImageInfo(columns * cellWidth, TitleHeight + rows * cellHeight));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true, TextSize = 22, TextAlign = SKTextAlign.Center,
                   Typeface = SKTypeface.FromFamilyName(PlotCanvas.FontFamily) })
            canvas.DrawText(grid.Title, columns * cellWidth / 2f, 30, paint);
        using var sampling = new SKPaint { FilterQuality = SKFilterQuality.High, IsAntialias = true };
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                using var png = new MemoryStream();
                PlotCanvas.WritePng(HeatmapModel.Build(grid.Rows![r][c]), png);
                png.Position = 0;
                using var panel = SKBitmap.Decode(png);
                canvas.DrawBitmap(panel, SKRect.Create(c * cellWidth, TitleHeight + r * cellHeight, cellWidth, cellHeight), sampling);
            }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(stream);
    }
}
