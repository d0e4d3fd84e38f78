using Rom.IO.Hdf5;

namespace Rom.IO.Formats;

/// <summary>
/// How a model file's network was trained (its optional <c>/training</c> group, docs/case-format.md#model-files): the
/// settings, the per-epoch history and the provenance. Plain data: the trainer fills it, <c>rom info</c> shows it.
/// </summary>
public sealed record NeuralTrainingRecord
{
    /// <summary>The effective settings of the training case, in a case file's layout (<c>/training/settings</c>), or null.</summary>
    public DataGroup? Settings { get; init; }

    /// <summary>Per-epoch series by name (<c>/training/history/NAME</c>), e.g. "train_loss", "test_l2", "learning_rate".</summary>
    public IReadOnlyDictionary<string, double[]> History { get; init; } = new Dictionary<string, double[]>();

    /// <summary>The Rom version that trained the model.</summary>
    public string RomVersion { get; init; } = "";

    /// <summary>When training ended, UTC, ISO 8601.</summary>
    public string CreatedUtc { get; init; } = "";

    /// <summary>The machine it ran on (host name, OS, cores).</summary>
    public string Machine { get; init; } = "";

    /// <summary>The training case file's full path, or "".</summary>
    public string CaseFile { get; init; } = "";

    /// <summary>Hex SHA-256 of the training case file, or "".</summary>
    public string CaseSha256 { get; init; } = "";

    /// <summary>Wall-clock seconds of the training.</summary>
    public double Seconds { get; init; }

    /// <summary>The number of epochs the history covers (its longest series).</summary>
    public int Epochs => History.Count == 0 ? 0 : History.Values.Max(h => h.Length);

    /// <summary>A description of this machine for <see cref="Machine"/>: host, OS and processor count.</summary>
    public static string ThisMachine() =>
        $"{Environment.MachineName}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores";
}
