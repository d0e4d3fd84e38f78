using OxyPlot;
using OxyPlot.SkiaSharp;
using Png = OxyPlot.SkiaSharp.PngExporter;
using Svg = OxyPlot.SvgExporter;

namespace Rom.IO.Plots;

/// <summary>Page size, font and exporters shared by every plot.</summary>
internal static class PlotCanvas
{
    /// <summary>Image width in pixels (96 dpi).</summary>
    public const int Width = 800;

    /// <summary>Image height in pixels (96 dpi).</summary>
    public const int Height = 600;

    /// <summary>Font family of every text.</summary>
    public const string FontFamily = "DejaVu Sans";

    /// <summary>Line colours, cycled through (the "tab10" palette).</summary>
    private static readonly OxyColor[] SeriesColors =
    [
        OxyColor.FromRgb(31, 119, 180), OxyColor.FromRgb(255, 127, 14), OxyColor.FromRgb(44, 160, 44),
        OxyColor.FromRgb(214, 39, 40), OxyColor.FromRgb(148, 103, 189), OxyColor.FromRgb(140, 86, 75),
        OxyColor.FromRgb(227, 119, 194), OxyColor.FromRgb(127, 127, 127), OxyColor.FromRgb(188, 189, 34),
        OxyColor.FromRgb(23, 190, 207),
    ];

    /// <summary>A plot model with the shared font and title.</summary>
    public static PlotModel CreateModel(string title) => new()
    {
        Title = title,
        DefaultFont = FontFamily,
        DefaultFontSize = 14,
        TitleFontSize = 18,
        Background = OxyColors.White,
        Padding = new OxyThickness(8, 8, 16, 8),
        DefaultColors = SeriesColors,
    };

    /// <summary>Lays <paramref name="model"/> out on the page so that its plot area is known.</summary>
    public static void Layout(PlotModel model) => WritePng(model, Stream.Null);

    /// <summary>Renders <paramref name="model"/> as PNG.</summary>
    public static void WritePng(PlotModel model, Stream stream) =>
        new Png { Width = Width, Height = Height, Dpi = 96 }.Export(model, stream);

    /// <summary>Renders <paramref name="model"/> as an SVG document.</summary>
    /// <remarks>Text is measured by Skia, as in the PNG, so both images share one layout.</remarks>
    public static void WriteSvg(PlotModel model, Stream stream)
    {
        using var measurer = new SkiaRenderContext { RenderTarget = RenderTarget.VectorGraphic };
        new Svg { Width = Width, Height = Height, TextMeasurer = measurer }.Export(model, stream);
    }
}
