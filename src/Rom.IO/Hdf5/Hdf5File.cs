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
    public static DataGroup Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new DataFileException(path, null, Directory.Exists(path) ? "is a folder, expected an HDF5 file" : "file not found");
        NativeFile file;
        try
        {
            ThrowIfDamaged(path);
            file = H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not DataFileException)
        {
            throw new DataFileException(path, null, $"not a readable HDF5 file: {e.GetBaseException().Message}", e);
        }
        using (file)
            return new Hdf5Reader(path).Read(file);
    }

    /// <summary>
    /// Writes the tree to <paramref name="path"/> atomically: into a temporary file in the same folder, then renamed
    /// over <paramref name="path"/>. On failure the temporary file is deleted and an existing file is left untouched.
    /// </summary>
    /// <exception cref="DataFileException">An invalid name in the tree, or the file cannot be written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Options out of range (level not 0-9, chunk size below 1).</exception>
    public static void Write(string path, DataGroup root, Hdf5WriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        options ??= new Hdf5WriteOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.CompressionLevel, nameof(options.CompressionLevel));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.CompressionLevel, 9, nameof(options.CompressionLevel));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkElements, 1, nameof(options.ChunkElements));

        var file = new Hdf5Writer(path, options).Build(root);
        try
        {
            AtomicFile.Write(path, stream => file.Write(stream));
        }
        catch (Exception e)
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
