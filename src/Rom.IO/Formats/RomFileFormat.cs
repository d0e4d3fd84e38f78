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

    /// <summary>The newest format version this build reads and the one it writes.</summary>
    public const long Version = 1;
}
