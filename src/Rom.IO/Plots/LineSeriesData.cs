namespace Rom.IO.Plots;

/// <summary>One named curve of a <see cref="LinePlot"/>: points (X[k], Y[k]) joined in order.</summary>
/// <param name="Name">Legend entry; empty for none.</param>
/// <param name="X">Abscissae, as many as <paramref name="Y"/>.</param>
/// <param name="Y">Ordinates, as many as <paramref name="X"/>.</param>
public sealed record LineSeriesData(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);
