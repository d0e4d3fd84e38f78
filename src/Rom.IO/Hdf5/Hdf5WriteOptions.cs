namespace Rom.IO.Hdf5;

/// <summary>How <see cref="Hdf5File.Write(string, DataGroup, Hdf5WriteOptions?)"/> stores datasets.</summary>
/// <param name="Compress">When true, numeric datasets of at least <see cref="MinCompressedElements"/> values are chunked and deflated.</param>
/// <param name="CompressionLevel">
/// Deflate level 0-9. PureHDF only implements levels 0, 1 and 9, so 2-5 are stored as 1 and 6-8 as 9.
/// </param>
/// <param name="ChunkElements">Largest number of values in one chunk of a compressed dataset.</param>
public sealed record Hdf5WriteOptions(bool Compress = false, int CompressionLevel = 4, int ChunkElements = 65536)
{
    /// <summary>Datasets with fewer values than this are never compressed (the overhead would outweigh the gain).</summary>
    public const int MinCompressedElements = 1024;
}
