using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Rom.IO.Plots;

/// <summary>Turns a <see cref="LinePlot"/> into an OxyPlot model, checking its data.</summary>
internal static class LinePlotModel
{
    /// <summary>The model of <paramref name="plot"/>; throws <see cref="ArgumentException"/> on bad data.</summary>
    public static PlotModel Build(LinePlot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (plot.Series is null || plot.Series.Count == 0)
        {
            throw new ArgumentException("The plot has no series.", nameof(plot));
        }

        var model = PlotCanvas.CreateModel(plot.Title);
        var series = Enumerable.Range(0, plot.Series.Count).Select(s => Series(plot, s)).ToList();
        var points = series.SelectMany(line => line.Points).ToList();
        if (points.Count == 0)
        {
            throw new ArgumentException("No point is positive on the logarithmic axis.", nameof(plot));
        }

        model.Axes.Add(Axis(AxisPosition.Bottom, plot.XLabel, plot.LogX, points.Select(p => p.X)));
        model.Axes.Add(Axis(AxisPosition.Left, plot.YLabel, plot.LogY, points.Select(p => p.Y)));
        series.ForEach(model.Series.Add);

        if (plot.Series.Any(series => !string.IsNullOrEmpty(series.Name)))
        {
            model.Legends.Add(new Legend
            {
                LegendPosition = LegendPosition.RightTop,
                LegendBackground = OxyColor.FromAColor(220, OxyColors.White),
                LegendBorder = OxyColors.Gray,
            });
        }

        return model;
    }

    /// <summary>A linear or logarithmic axis; log labels read 10^k when the data span three decades or more.</summary>
    private static Axis Axis(AxisPosition position, string title, bool log, IEnumerable<double> values)
    {
        Axis axis = log
            ? new LogarithmicAxis { UseSuperExponentialFormat = Math.Log10(values.Max() / values.Min()) >= 3 }
            : new LinearAxis();
        axis.Position = position;
        axis.Title = title;
        axis.AxisTitleDistance = 8;
        axis.MajorGridlineStyle = LineStyle.Solid;
        axis.MajorGridlineColor = OxyColor.FromRgb(225, 225, 225);
        axis.MinorGridlineStyle = log ? LineStyle.Dot : LineStyle.None;
        axis.MinorGridlineColor = OxyColor.FromRgb(235, 235, 235);
        return axis;
    }

    private static LineSeries Series(LinePlot plot, int s)
    {
        var data = plot.Series[s] ?? throw new ArgumentException($"Series[{s}] is null.", nameof(plot));
        var where = $"Series[{s}] ('{data.Name}')";
        if (data.X is null || data.Y is null || data.X.Count == 0)
        {
            throw new ArgumentException($"{where} has no points.", nameof(plot));
        }

        if (data.X.Count != data.Y.Count)
        {
            throw new ArgumentException($"{where} has {data.X.Count} X values but {data.Y.Count} Y values.", nameof(plot));
        }

        var series = new LineSeries
        {
            Title = string.IsNullOrEmpty(data.Name) ? null : data.Name,
            StrokeThickness = 2,
            MarkerType = plot.Markers ? MarkerType.Circle : MarkerType.None,
            MarkerSize = 3,
        };
        for (var k = 0; k < data.X.Count; k++)
        {
            double x = data.X[k], y = data.Y[k];
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                throw new ArgumentException($"{where} point {k} is ({x}, {y}); values must be finite.", nameof(plot));
            }

            if ((plot.LogX && x <= 0) || (plot.LogY && y <= 0))
            {
                continue;
            }

            series.Points.Add(new DataPoint(x, y));
        }

        return series;
    }
}
