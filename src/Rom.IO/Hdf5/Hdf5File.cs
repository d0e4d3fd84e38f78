using PureHDF;
using PureHDF.VOL.Native;

namespace Rom.IO.Hdf5;

/// <summary>Reads and writes whole HDF5 files as <see cref="DataGroup"/> trees.</summary>
public static class Hdf5File
{
    /// <summary>Reads the whole file into memory.</summary>
    /// <exception cref="DataFileException">
    /// The file is missing, not HDF5, damaged or truncated, or holds a type other than numbers and strings.
    /// </exception>
    public static DataGroup Read(string path) => Read(path, skip: null);

    /// <summary>
    /// Reads the file into memory except the datasets whose paths (e.g. "/solutions") <paramref name="skip"/> accepts,
    /// which a <see cref="Hdf5RowReader"/> can then read a block of rows at a time.
    /// </summary>
    /// <exception cref="DataFileException">As <see cref="Read(string)"/>.</exception>
    public static DataGroup Read(string path, Func<string, bool>? skip)
    {
        using var file = Open(path);
        return new Hdf5Reader(path, skip).Read(file);
    }

    /// <summary>Opens the file for reading after checking that it exists, is whole and its metadata checksums hold.</summary>
    internal static NativeFile Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new DataFileException(path, null, Directory.Exists(path) ? "is a folder, expected an HDF5 file" : "file not found");
        try
        {
            ThrowIfDamaged(path);
            return H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not DataFileException)
        {
            throw new DataFileException(path, null, $"not a readable HDF5 file: {e.GetBaseException().Message}", e);
        }
    }

    /// <summary>
    /// Writes the tree to <paramref name="path"/> atomically: into a temporary file in the same folder, then renamed
    /// over <paramref name="path"/>. On failure the temporary file is deleted and an existing file is left untouched.
    /// </summary>
    /// <exception cref="DataFileException">An invalid name in the tree, or the file cannot be written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Options out of range (level not 0-9, chunk size below 1).</exception>
    public static void Write(string path, DataGroup root, Hdf5WriteOptions? options = null) => Write(path, root, [], options);

    /// <summary>
    /// Writes the tree and, beside its datasets, the float64 tables in <paramref name="streamed"/>, each filled a block of
    /// rows at a time so that no table is ever whole in memory; atomically, as <see cref="Write(string, DataGroup, Hdf5WriteOptions?)"/>.
    /// Streamed tables are stored contiguous (never compressed).
    /// </summary>
    /// <exception cref="DataFileException">An invalid name, a streamed table whose path the tree already holds or whose
    /// rows come back the wrong length, or the file cannot be written.</exception>
    public static void Write(string path, DataGroup root, IReadOnlyList<StreamedRows> streamed, Hdf5WriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        options ??= new Hdf5WriteOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.CompressionLevel, nameof(options.CompressionLevel));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.CompressionLevel, 9, nameof(options.CompressionLevel));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkElements, 1, nameof(options.ChunkElements));

        ArgumentNullException.ThrowIfNull(streamed);
        var writer = new Hdf5Writer(path, options);
        var file = writer.Build(root);
        var tables = streamed.Select(table => (Table: table, Dataset: writer.AddStreamed(file, root, table))).ToList();
        try
        {
            AtomicFile.Write(path, stream =>
            {
                using var output = file.BeginWrite(stream);
                foreach (var (table, dataset) in tables)
                    StreamedRows.WriteTo(output, dataset, table, path);
            });
        }
        catch (Exception e) when (e is not DataFileException)
        {
            throw new DataFileException(path, null, $"cannot write the file: {e.GetBaseException().Message}", e);
        }
    }

    /// <summary>Truncation and metadata checksums, checked before PureHDF parses the file (it checks neither).</summary>
    private static void ThrowIfDamaged(string path)
    {
        using var stream = File.OpenRead(path);
        long? recorded = Hdf5Superblock.RecordedLength(stream);
        if (recorded > stream.Length)
            throw new DataFileException(path, null,
                $"truncated HDF5 file: it has {stream.Length} bytes but its superblock records {recorded}");
        if (Hdf5Checksums.FindDamage(stream) is { } damage)
            throw new DataFileException(path, null, $"damaged HDF5 file: {damage}");
    }
}
