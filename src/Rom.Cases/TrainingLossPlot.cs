namespace Rom.Cases;

/// <summary>The loss plot <c>rom train</c> writes: the training loss and test errors of every record, on a log scale.</summary>
internal static class TrainingLossPlot
{
    /// <summary>One curve per named value of the records, each against <paramref name="x"/> of the record.</summary>
    public static LinePlot Of<TRecord>(string title, string xLabel, IReadOnlyList<TRecord> history, Func<TRecord, double> x,
        params (string Name, Func<TRecord, double> Value)[] curves)
    {
        ArgumentNullException.ThrowIfNull(history);
        double[] xs = [.. history.Select(x)];
        return new LinePlot(title, xLabel, "loss / relative error", [.. curves.Select(c => new LineSeriesData(c.Name, xs, [.. history.Select(c.Value)]))], LogY: true);
    }
}
