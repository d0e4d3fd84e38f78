namespace Rom.IO.Hdf5;

/// <summary>
/// Error reading or writing a data file: says which file, which object inside it (HDF5 path, e.g.
/// "/data/operator/indptr") and what is wrong.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the error for a file, an optional object inside it and a description of the problem.</summary>
    public DataFileException(string filePath, string? objectPath, string problem, Exception? innerException = null)
        : base(Compose(filePath, objectPath, problem), innerException)
    {
        FilePath = filePath;
        ObjectPath = objectPath;
        Problem = problem;
    }

    /// <summary>The file that was being read or written.</summary>
    public string FilePath { get; }

    /// <summary>HDF5 path of the object inside the file (attributes as "/group@name"), or null for the file as a whole.</summary>
    public string? ObjectPath { get; }

    /// <summary>What is wrong, without the file and object path.</summary>
    public string Problem { get; }

    private static string Compose(string filePath, string? objectPath, string problem) =>
        objectPath is null ? $"{filePath}: {problem}" : $"{filePath}, object {objectPath}: {problem}";
}
