using Rom.Spectral.Chebyshev;
using Rom.SpectralSolvers;

namespace Rom.Cases.Spectral;

/// <summary>
/// The plots <c>rom train</c> writes beside an NSM model: <c>loss</c> (the residual loss and the test error per record,
/// log scale) and <c>samples</c> (prediction | classical solution | error for the first test samples on the problem's
/// evaluation grid; Navier–Stokes at the end time).
/// </summary>
public static class NsmTrainingPlots
{
    /// <summary>Test samples shown.</summary>
    public const int SampleCount = 3;

    /// <summary>Both plots.</summary>
    public static List<PlotRequest> All(ISpectralProblem problem, IReadOnlyList<SpectralTrainingRecord> history, float[][] predictions, double[][] references)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(history);
        var plots = new List<PlotRequest>();
        if (history.Count > 0)
            plots.Add(PlotRequest.Of("loss", Loss(history)));
        plots.Add(PlotRequest.Of("samples", Samples(problem, predictions, references)));
        return plots;
    }

    /// <summary>The mean residual loss per sample and the mean test relative L2 at every record, log scale.</summary>
    public static LinePlot Loss(IReadOnlyList<SpectralTrainingRecord> history) =>
        TrainingLossPlot.Of("Self-supervised training: residual loss and test error", "step", history, r => r.Step,
            ("residual loss (mean per sample)", r => r.Loss), ("test relative L2", r => r.TestRelativeL2));

    /// <summary>Prediction | classical solution | prediction − solution for the first test samples.</summary>
    public static HeatmapGrid Samples(ISpectralProblem problem, float[][] predictions, double[][] references)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(references);
        // Reaction–diffusion shows u(t, x); Navier–Stokes its end time w(T, x, y); Poisson u(x, y).
        bool timeFirst = problem.Bases.Length == 2 && problem.Bases[0] == SpectralBasis.Chebyshev;
        bool endTime = problem.Bases.Length == 3;
        var rows = new List<IReadOnlyList<HeatmapPlot>>();
        for (int s = 0; s < Math.Min(SampleCount, predictions.Length); s++)
        {
            var (p, r) = problem.OnGrid(predictions[s], references[s]);
            var error = new double[p.GetLength(0), p.GetLength(1)];
            for (int i = 0; i < p.GetLength(0); i++)
                for (int j = 0; j < p.GetLength(1); j++)
                    error[i, j] = p[i, j] - r[i, j];
            double xMax = timeFirst ? 1 : 1 - 1.0 / p.GetLength(0), yMax = 1 - 1.0 / p.GetLength(1);
            HeatmapPlot Panel(string title, double[,] values, string label) => new(title, values, 0, xMax, 0, yMax, label);
            rows.Add([Panel($"sample {s}: prediction", p, "u"), Panel("classical solution", r, "u"), Panel("prediction − solution", error, "error")]);
        }
        string axes = timeFirst ? " (horizontal: t, vertical: x)" : endTime ? " at the end time (horizontal: x, vertical: y)" : "";
        return new HeatmapGrid($"{problem.Name}: test samples{axes}", rows);
    }
}
