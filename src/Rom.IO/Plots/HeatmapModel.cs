using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Rom.IO.Plots;

/// <summary>Turns a <see cref="HeatmapPlot"/> into an OxyPlot model with equal axis scales, checking its data.</summary>
internal static class HeatmapModel
{
    /// <summary>The model of <paramref name="plot"/>; throws <see cref="ArgumentException"/> on bad data.</summary>
    public static PlotModel Build(HeatmapPlot plot)
    {
        Check(plot);
        var model = PlotCanvas.CreateModel(plot.Title);
        model.Axes.Add(Axis(AxisPosition.Bottom, "x", plot.XMin, plot.XMax));
        model.Axes.Add(Axis(AxisPosition.Left, "y", plot.YMin, plot.YMax));
        model.Axes.Add(new LinearColorAxis
        {
            Position = AxisPosition.Right,
            Title = plot.ColorLabel,
            Palette = OxyPalettes.Viridis(256),
        });
        model.Series.Add(new HeatMapSeries
        {
            Data = plot.Values,
            X0 = plot.XMin,
            X1 = plot.XMax,
            Y0 = plot.YMin,
            Y1 = plot.YMax,
            CoordinateDefinition = HeatMapCoordinateDefinition.Center,
            Interpolate = true,
        });
        EqualAspect.Apply(model, (plot.XMax - plot.XMin) / (plot.YMax - plot.YMin));
        return model;
    }

    private static LinearAxis Axis(AxisPosition position, string title, double min, double max) => new()
    {
        Position = position,
        Title = title,
        AxisTitleDistance = 8,
        Minimum = min,
        Maximum = max,
    };

    private static void Check(HeatmapPlot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (plot.Values is null || plot.Values.GetLength(0) < 2 || plot.Values.GetLength(1) < 2)
        {
            throw new ArgumentException("Values must hold at least 2 × 2 grid points.", nameof(plot));
        }

        foreach (var (name, value) in new[] { ("XMin", plot.XMin), ("XMax", plot.XMax), ("YMin", plot.YMin), ("YMax", plot.YMax) })
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"{name} is {value}; it must be finite.", nameof(plot));
            }
        }

        if (!(plot.XMin < plot.XMax && plot.YMin < plot.YMax))
        {
            throw new ArgumentException("The rectangle is empty: XMin < XMax and YMin < YMax are required.", nameof(plot));
        }

        for (var i = 0; i < plot.Values.GetLength(0); i++)
        {
            for (var j = 0; j < plot.Values.GetLength(1); j++)
            {
                if (!double.IsFinite(plot.Values[i, j]))
                {
                    throw new ArgumentException($"Values[{i}, {j}] is {plot.Values[i, j]}; values must be finite.", nameof(plot));
                }
            }
        }
    }
}
