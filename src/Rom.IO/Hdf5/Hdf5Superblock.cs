using System.Buffers.Binary;

namespace Rom.IO.Hdf5;

/// <summary>
/// Reads the end-of-file address an HDF5 superblock records, to detect truncated files up front (as the HDF5 C
/// library does): PureHDF reads a file cut short inside unused space without complaint.
/// </summary>
internal static class Hdf5Superblock
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n'];

    /// <summary>Where a superblock was found, its version and the sizes of its addresses and lengths in bytes.</summary>
    public readonly record struct Location(long Offset, byte Version, int OffsetSize, int LengthSize);

    /// <summary>The superblock at offset 0, 512, 1024, 2048, ..., or null when there is none (the file is not HDF5).</summary>
    public static Location? Locate(Stream stream)
    {
        Span<byte> header = stackalloc byte[16];
        for (long offset = 0; offset + header.Length <= stream.Length; offset = offset == 0 ? 512 : offset * 2)
        {
            stream.Position = offset;
            stream.ReadExactly(header);
            if (!header[..8].SequenceEqual(Signature))
                continue;
            byte version = header[8];
            // Versions 0 and 1 store the sizes at bytes 13 and 14, versions 2 and 3 at bytes 9 and 10.
            int sizes = version < 2 ? 13 : 9;
            return new Location(offset, version, header[sizes], header[sizes + 1]);
        }
        return null;
    }

    /// <summary>
    /// The file length the superblock records (base address + end-of-file address), or null when no superblock
    /// is found (then the file is not HDF5 and PureHDF reports it).
    /// </summary>
    public static long? RecordedLength(Stream stream)
    {
        if (Locate(stream) is not { } location || location.OffsetSize is not (8 or 4))
            return null;
        Span<byte> header = stackalloc byte[64];
        if (location.Offset + header.Length > stream.Length)
            return null;
        stream.Position = location.Offset;
        stream.ReadExactly(header);
        // Offset of the base address; the end-of-file address is the third address after it.
        int baseAddress = location.Version switch { 0 => 24, 1 => 28, _ => 12 };
        int size = location.OffsetSize;
        return Address(header, baseAddress, size) + Address(header, baseAddress + 2 * size, size);
    }

    private static long Address(ReadOnlySpan<byte> header, int offset, int size) => size == 8
        ? (long)BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(offset, 8))
        : BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(offset, 4));
}
