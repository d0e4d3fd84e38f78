namespace Rom.IO.Plots;

/// <summary>A field on a rectangle sampled on a regular grid, drawn as a colour map with a colour bar.</summary>
/// <param name="Title">Title above the plot.</param>
/// <param name="Values">Values[i, j] is the value at (x_i, y_j); the grid includes the rectangle's edges, so x_0 = XMin and the last x_i = XMax (likewise y). At least 2 × 2, all finite.</param>
/// <param name="XMin">Left edge of the rectangle.</param>
/// <param name="XMax">Right edge of the rectangle.</param>
/// <param name="YMin">Bottom edge of the rectangle.</param>
/// <param name="YMax">Top edge of the rectangle.</param>
/// <param name="ColorLabel">Label of the colour bar.</param>
public sealed record HeatmapPlot(
    string Title,
    double[,] Values,
    double XMin,
    double XMax,
    double YMin,
    double YMax,
    string ColorLabel);
