using OxyPlot;

namespace Rom.IO.Plots;

/// <summary>Gives a plot equal scales on x and y by padding its page around a plot area of the data's shape.</summary>
internal static class EqualAspect
{
    /// <summary>Shrinks the plot area of <paramref name="model"/> to width / height = <paramref name="aspect"/>, centred.</summary>
    /// <remarks>Axis margins stay automatic, so labels never overlap; a second pass absorbs tick labels that change with the area.</remarks>
    public static void Apply(PlotModel model, double aspect)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            PlotCanvas.Layout(model);
            var area = model.PlotArea;
            var width = Math.Min(area.Width, area.Height * aspect);
            var dx = (area.Width - width) / 2;
            var dy = (area.Height - width / aspect) / 2;
            var padding = model.Padding;
            model.Padding = new OxyThickness(padding.Left + dx, padding.Top + dy, padding.Right + dx, padding.Bottom + dy);
        }
    }
}
