namespace Rom.IO.Plots;

/// <summary>
/// Heatmaps side by side in one image, row by row (e.g. one row per sample: input | prediction | truth | error),
/// each with its own title and colour bar.
/// </summary>
/// <param name="Title">Title above the grid.</param>
/// <param name="Rows">The panels; at least one row, every row as long as the first.</param>
public sealed record HeatmapGrid(string Title, IReadOnlyList<IReadOnlyList<HeatmapPlot>> Rows);
