using Rom.IO.Hdf5;
using Rom.Neural.Training;

namespace Rom.IO.Formats;

/// <summary>
/// A training run's epochs (<see cref="EpochRecord"/>) as the named per-epoch series of a <c>history</c> group:
/// <c>train_loss</c>, <c>test_l2</c>, <c>test_h1</c> (the validation set is the case's test set), <c>learning_rate</c>, <c>seconds</c>.
/// </summary>
public static class TrainingHistory
{
    /// <summary>The series names, in the order of <see cref="EpochRecord"/>'s fields after the epoch.</summary>
    public static IReadOnlyList<string> Names { get; } = ["train_loss", "test_l2", "test_h1", "learning_rate", "seconds"];

    /// <summary>The epochs as series by name.</summary>
    public static Dictionary<string, double[]> Series(IReadOnlyList<EpochRecord> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        return new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["train_loss"] = [.. epochs.Select(e => e.TrainLoss)],
            ["test_l2"] = [.. epochs.Select(e => e.ValidationL2)],
            ["test_h1"] = [.. epochs.Select(e => e.ValidationH1)],
            ["learning_rate"] = [.. epochs.Select(e => e.LearningRate)],
            ["seconds"] = [.. epochs.Select(e => e.Seconds)],
        };
    }

    /// <summary>The epochs back from their series (epochs numbered from 1); <paramref name="where"/> names the group in errors.</summary>
    /// <exception cref="DataFileException">A series missing or of another length than <paramref name="epochs"/>.</exception>
    public static EpochRecord[] Records(IReadOnlyDictionary<string, double[]> series, int epochs, string path, string where)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (string name in Names)
            if (!series.TryGetValue(name, out var values) || values.Length != epochs)
                throw new DataFileException(path, $"{where}/{name}", $"found {(values is null ? "nothing" : $"{values.Length} values")}; expected one value per completed epoch ({epochs})");
        return [.. Enumerable.Range(0, epochs).Select(e => new EpochRecord(e + 1, series["train_loss"][e], series["test_l2"][e],
            series["test_h1"][e], series["learning_rate"][e], series["seconds"][e]))];
    }
}
