using Rom.Neural;
using Rom.Neural.Training;
using Rom.Tensors;

namespace Rom.Cases.Neural;

/// <summary>
/// The plots <c>rom train</c> writes beside the model file: <c>loss</c> (training loss and test L2/H¹ per epoch, log
/// scale), <c>samples</c> (input | prediction | truth | error for the first three test samples of a 2-D model) and,
/// with resolution test files, <c>resolution</c> (test errors against the resolution).
/// </summary>
public static class FnoTrainingPlots
{
    /// <summary>Test samples shown in the samples plot.</summary>
    public const int SampleCount = 3;

    /// <summary>Every plot that applies.</summary>
    public static List<PlotRequest> All(NeuralOperatorModel model, FnoCaseData data, IReadOnlyList<EpochRecord> history,
        ValidationMetrics test, IReadOnlyList<ResolutionTest> resolutionTests)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(resolutionTests);
        var plots = new List<PlotRequest>();
        if (history.Count > 0)
            plots.Add(PlotRequest.Of("loss", Loss(history)));
        if (model.Options.Dimensions == 2)
            plots.Add(PlotRequest.Of("samples", Samples(model, data.Test)));
        if (resolutionTests.Count > 0)
            plots.Add(PlotRequest.Of("resolution", Resolution(data.Test, test, resolutionTests)));
        return plots;
    }

    /// <summary>Training loss and test relative L2 and H¹ per epoch, on a log scale.</summary>
    public static LinePlot Loss(IReadOnlyList<EpochRecord> history) =>
        TrainingLossPlot.Of("Training: loss and test errors per epoch", "epoch", history, e => e.Epoch,
            ("training loss", e => e.TrainLoss), ("test relative L2", e => e.ValidationL2), ("test relative H1", e => e.ValidationH1));

    /// <summary>Input | prediction | truth | prediction − truth (first channels) of the first test samples of a 2-D model.</summary>
    public static HeatmapGrid Samples(NeuralOperatorModel model, FieldData test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        var truth = test.Targets ?? throw new ArgumentException($"{test.Path} has no targets.", nameof(test));
        int count = Math.Min(SampleCount, test.Samples);
        var inputs = FieldData.Slice(test.Inputs, 0, count);
        var predictions = FnoPrediction.PredictAll(model, inputs);
        var rows = new List<IReadOnlyList<HeatmapPlot>>();
        for (int s = 0; s < count; s++)
        {
            double[,] p = Field(predictions, s), y = Field(truth, s), error = new double[p.GetLength(0), p.GetLength(1)];
            for (int i = 0; i < p.GetLength(0); i++)
                for (int j = 0; j < p.GetLength(1); j++)
                    error[i, j] = p[i, j] - y[i, j];
            rows.Add(
            [
                Panel($"sample {s}: input", Field(inputs, s), "a"),
                Panel("prediction", p, "u"),
                Panel("truth", y, "u"),
                Panel("prediction − truth", error, "error"),
            ]);
        }
        return new HeatmapGrid($"{Path.GetFileName(test.Path)} ({test.ResolutionText}): test samples", rows);
    }

    /// <summary>Mean relative L2 and H¹ test errors against the points per side of each test set (zero-shot away from training's).</summary>
    public static LinePlot Resolution(FieldData test, ValidationMetrics metrics, IReadOnlyList<ResolutionTest> others)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(others);
        var points = others
            .Select(o => (N: (double)o.Resolution[0], L2: o.RelativeL2, H1: o.RelativeH1))
            .Append((N: (double)test.Resolution[0], L2: metrics.L2, H1: metrics.H1)).OrderBy(p => p.N).ToList();
        double[] x = [.. points.Select(p => p.N)];
        return new LinePlot($"Test error against resolution (trained at {test.ResolutionText})", "points per side", "mean relative error",
        [
            new("relative L2", x, [.. points.Select(p => p.L2)]),
            new("relative H1", x, [.. points.Select(p => p.H1)]),
        ], LogY: true, Markers: true);
    }

    private static HeatmapPlot Panel(string title, double[,] values, string label) => new(title, values, 0, 1, 0, 1, label);

    /// <summary>Channel 0 of sample <paramref name="sample"/> of a (samples, channels, X, Y) tensor as [i, j] = value at (x_i, y_j).</summary>
    private static double[,] Field(Tensor<float> t, int sample)
    {
        int nx = t.Extent(2), ny = t.Extent(3), offset = sample * t.ExtentProduct(1, t.Rank);
        var field = new double[nx, ny];
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
                field[i, j] = t.Data[offset + i * ny + j];
        return field;
    }
}
