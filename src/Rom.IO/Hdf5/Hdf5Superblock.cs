using System.Buffers.Binary;

namespace Rom.IO.Hdf5;

/// <summary>
/// Reads the end-of-file address an HDF5 superblock records, to detect truncated files up front (as the HDF5 C
/// library does): PureHDF reads a file cut short inside unused space without complaint.
/// </summary>
internal static class Hdf5Superblock
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n'];

    /// <summary>
    /// The file length the superblock records (base address + end-of-file address), or null when no superblock
    /// is found at offset 0, 512, 1024, 2048, ... (then the file is not HDF5 and PureHDF reports it).
    /// </summary>
    public static long? RecordedLength(Stream stream)
    {
        Span<byte> header = stackalloc byte[64];
        for (long offset = 0; offset + header.Length <= stream.Length; offset = offset == 0 ? 512 : offset * 2)
        {
            stream.Position = offset;
            stream.ReadExactly(header);
            if (!header[..8].SequenceEqual(Signature))
                continue;
            byte version = header[8];
            // Offsets of "size of offsets" and of the base address; the end-of-file address is the third address after it.
            var (sizeField, baseAddress) = version switch
            {
                0 => (13, 24),
                1 => (13, 28),
                _ => (9, 12),
            };
            int size = header[sizeField];
            if (size != 8 && size != 4)
                return null;
            return Address(header, baseAddress, size) + Address(header, baseAddress + 2 * size, size);
        }
        return null;
    }

    private static long Address(ReadOnlySpan<byte> header, int offset, int size) => size == 8
        ? (long)BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(offset, 8))
        : BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(offset, 4));
}
