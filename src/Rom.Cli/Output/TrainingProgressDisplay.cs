namespace Rom.Cli.Output;

/// <summary>
/// Shows a training run on the progress display: on a terminal one redrawn line (epoch, batch, loss, test error,
/// learning rate, samples/s, ETA), in logs one plain line per epoch.
/// </summary>
public sealed class TrainingProgressDisplay : IProgress<TrainingProgress>
{
    private readonly ConsoleProgress _console;
    private readonly bool _interactive;

    /// <summary>Shows training on <paramref name="console"/>; <paramref name="interactive"/>: every batch, else epochs only.</summary>
    public TrainingProgressDisplay(ConsoleProgress console, bool interactive)
    {
        _console = console;
        _interactive = interactive;
    }

    /// <inheritdoc />
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.EndOfEpoch && !_interactive)
            return;
        double fraction = ((value.Epoch - 1) * (double)value.Batches + value.Batch) / ((double)value.Epochs * value.Batches);
        var update = new ProgressUpdate("train", fraction, Describe(value));
        if (value.EndOfEpoch)
            _console.Show(update);
        else
            _console.Report(update);
    }

    /// <summary>One line: epoch, batch, loss, test errors (at an epoch's end), learning rate, samples/s, ETA.</summary>
    public static string Describe(TrainingProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var c = CultureInfo.InvariantCulture;
        string test = p.ValidationL2 is { } l2 ? string.Format(c, "  test L2 {0:G4} H1 {1:G4}", l2, p.ValidationH1) : "";
        return string.Format(c, "epoch {0}/{1}  batch {2}/{3}  loss {4:G4}{5}  lr {6:0.00E+00}  {7:N0} samples/s  ETA {8}",
            p.Epoch, p.Epochs, p.Batch, p.Batches, p.TrainLoss, test, p.LearningRate, p.SamplesPerSecond, Duration(p.Remaining));
    }

    private static string Duration(TimeSpan t) => t.TotalHours >= 1
        ? $"{(int)t.TotalHours}h{t.Minutes:D2}m"
        : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:D2}s" : $"{t.Seconds}s";
}
