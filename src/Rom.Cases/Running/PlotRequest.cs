namespace Rom.Cases.Running;

/// <summary>A plot a run asks for: a file-name suffix and how to write it given a base path.</summary>
public sealed record PlotRequest(string Name, Func<string, IReadOnlyList<string>> WriteTo)
{
    /// <summary>A line plot written as SVG and PNG.</summary>
    public static PlotRequest Of(string name, LinePlot plot) => new(name, basePath => PlotWriter.Write(plot, basePath));

    /// <summary>A heatmap written as SVG and PNG.</summary>
    public static PlotRequest Of(string name, HeatmapPlot plot) => new(name, basePath => PlotWriter.Write(plot, basePath));

    /// <summary>A grid of heatmaps written as PNG.</summary>
    public static PlotRequest Of(string name, HeatmapGrid grid) => new(name, basePath => PlotWriter.Write(grid, basePath));
}
