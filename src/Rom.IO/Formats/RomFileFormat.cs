using Rom.IO.Hdf5;

namespace Rom.IO.Formats;

/// <summary>Names and versions of Rom's HDF5 files (see docs/case-format.md).</summary>
public static class RomFileFormat
{
    /// <summary>Value of the root attribute <c>format</c> in a case file.</summary>
    public const string CaseFormat = "rom-case";

    /// <summary>Value of the root attribute <c>format</c> in a results file.</summary>
    public const string ResultsFormat = "rom-results";

    /// <summary>Value of the root attribute <c>format</c> in a trained model file (<see cref="NeuralModelFile"/>).</summary>
    public const string ModelFormat = "rom-model";

    /// <summary>Value of the root attribute <c>format</c> in a predictions file (<c>rom predict</c>).</summary>
    public const string PredictionsFormat = "rom-predictions";

    /// <summary>Value of the root attribute <c>format</c> in a training checkpoint (<see cref="NeuralCheckpointFile"/>).</summary>
    public const string CheckpointFormat = "rom-checkpoint";

    /// <summary>The newest format version this build reads and the one it writes.</summary>
    public const long Version = 1;

    /// <summary>Refuses a tree whose <c>@format</c> and <c>@kind</c> are not the ones given, or whose version this build cannot read.</summary>
    /// <exception cref="DataFileException">Naming both formats and kinds, or the version.</exception>
    internal static void CheckEnvelope(DataGroup root, string path, string format, string kind, string description)
    {
        string Text(string name) => root.Attributes.TryGetValue(name, out var a) && a.IsString && a.Count == 1 ? a.AsStrings()[0] : "";
        string found = Text("format"), foundKind = Text("kind");
        if (found != format || foundKind != kind)
            throw new DataFileException(path, "/@kind",
                $"found format '{found}', kind '{foundKind}'; expected {description} (format '{format}', kind '{kind}')");
        if (!root.Attributes.TryGetValue("format_version", out var v) || !v.IsInteger || v.Count != 1 || v.AsLongs()[0] < 1 || v.AsLongs()[0] > Version)
            throw new DataFileException(path, "/@format_version", $"found {v?.ToString() ?? "nothing"}; expected an integer in 1..{Version} (update Rom to read newer files)");
    }
}
