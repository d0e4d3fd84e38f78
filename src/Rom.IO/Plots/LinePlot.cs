namespace Rom.IO.Plots;

/// <summary>A 2-D line plot, e.g. a residual history or an error decay (use <paramref name="LogY"/>).</summary>
/// <remarks>On a logarithmic axis, points whose coordinate on that axis is zero or negative are skipped.</remarks>
/// <param name="Title">Title above the plot.</param>
/// <param name="XLabel">Horizontal axis label.</param>
/// <param name="YLabel">Vertical axis label.</param>
/// <param name="Series">The curves; at least one, each with at least one point.</param>
/// <param name="LogY">Whether the vertical axis is logarithmic.</param>
/// <param name="LogX">Whether the horizontal axis is logarithmic.</param>
/// <param name="Markers">Whether each point is also drawn as a marker.</param>
public sealed record LinePlot(
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<LineSeriesData> Series,
    bool LogY = false,
    bool LogX = false,
    bool Markers = false);
