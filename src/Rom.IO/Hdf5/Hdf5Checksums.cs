using System.Buffers.Binary;
using System.Text;

namespace Rom.IO.Hdf5;

/// <summary>
/// Verifies the checksums HDF5 stores with its version-2 metadata (files with superblock version 2 or 3, as PureHDF
/// and h5py's libver='latest' write them), as libhdf5 does and PureHDF does not: one flipped bit in an object header
/// would otherwise be read as a different setting, or send the parser into a loop. Walked from the superblock: the
/// object headers reachable by hard links in link messages, their continuation chunks, and the fractal-heap and
/// B-tree headers of dense link and attribute storage, and the heap's direct block while it is the only one (a dense
/// group's link messages live there). Links in the heap are not decoded; instead the whole file is searched for object
/// header signatures ("OHDR", version 2), so headers below dense groups are verified too. Chunk indexes, heaps grown
/// past one block and B-tree nodes are not verified. Files with superblock 0 or 1 (h5py's default)
/// carry no checksums, so there is nothing to verify.
/// </summary>
internal sealed class Hdf5Checksums
{
    private const int MaxObjects = 1_000_000;
    private readonly Stream _stream;
    private readonly long _base;
    private readonly int _offsetSize, _lengthSize;
    private readonly HashSet<long> _visited = [];
    private readonly Queue<long> _headers = new();

    private Hdf5Checksums(Stream stream, long baseAddress, int offsetSize, int lengthSize)
    {
        _stream = stream;
        _base = baseAddress;
        _offsetSize = offsetSize;
        _lengthSize = lengthSize;
    }

    /// <summary>
    /// What is damaged ("incorrect metadata checksum in the object header at byte 912"), or null when every verified
    /// checksum matches or the file carries none.
    /// </summary>
    public static string? FindDamage(Stream stream)
    {
        if (Hdf5Superblock.Locate(stream) is not { Version: >= 2 } superblock)
            return null;
        try
        {
            int o = superblock.OffsetSize;
            var block = Read(stream, superblock.Offset, 12 + 4 * o + 4);
            if (Mismatch(block))
                return $"incorrect metadata checksum in the superblock at byte {superblock.Offset}";
            long baseAddress = (long)Number(block.AsSpan(12), o);
            var walk = new Hdf5Checksums(stream, baseAddress, o, block[10]);
            walk.Enqueue(Number(block.AsSpan(12 + o), o));
            walk.Enqueue(Number(block.AsSpan(12 + 3 * o), o));
            foreach (long at in SignatureCandidates(stream))
                walk.EnqueueAbsolute(at);
            return walk.Run();
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return "damaged metadata: a message's fields do not fit in it";
        }
    }

    /// <summary>Every position of "OHDR" followed by version 2 in the file.</summary>
    private static List<long> SignatureCandidates(Stream stream)
    {
        ReadOnlySpan<byte> signature = "OHDR\u0002"u8;
        var buffer = new byte[1 << 20];
        var found = new List<long>();
        for (long start = 0; start < stream.Length; start += buffer.Length - (signature.Length - 1))
        {
            stream.Position = start;
            int count = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var span = buffer.AsSpan(0, count);
            for (int i = span.IndexOf(signature); i >= 0; i = NextIndex(span, signature, i))
                found.Add(start + i);
            if (start + count >= stream.Length)
                break;
        }
        return found;
    }

    private static int NextIndex(ReadOnlySpan<byte> span, ReadOnlySpan<byte> signature, int previous)
    {
        int next = span[(previous + 1)..].IndexOf(signature);
        return next < 0 ? -1 : previous + 1 + next;
    }

    private string? Run()
    {
        while (_headers.TryDequeue(out long address))
            if (ObjectHeader(address) is { } damage)
                return damage;
        return null;
    }

    private void Enqueue(ulong address)
    {
        if (Undefined(address))
            return;
        EnqueueAbsolute(Absolute(address, "an object header address"));
    }

    private void EnqueueAbsolute(long at)
    {
        if (_visited.Add(at))
        {
            if (_visited.Count > MaxObjects)
                throw new InvalidDataException($"more than {MaxObjects:N0} object headers (a damaged link?)");
            _headers.Enqueue(at);
        }
    }

    /// <summary>A version-2 object header ("OHDR"): prefix, chunk 0 of messages, checksum; version-1 headers carry none.</summary>
    private string? ObjectHeader(long at)
    {
        var prefix = Read(_stream, at, 6);
        if (!Signature(prefix, "OHDR"))
            return null;
        byte flags = prefix[5];
        int start = 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
        int width = 1 << (flags & 3);
        ulong chunk = Number(Read(_stream, at + start, width), width);
        long length = start + width + (long)chunk + 4;
        var header = Read(_stream, at, length);
        if (Mismatch(header))
            return $"incorrect metadata checksum in the object header at byte {at}";
        return Messages(header.AsSpan(start + width, (int)chunk), (flags & 0x04) != 0, at);
    }

    /// <summary>The messages of one header chunk: follows continuations, hard links and dense storage headers.</summary>
    private string? Messages(ReadOnlySpan<byte> chunk, bool creationOrder, long at)
    {
        int headerSize = creationOrder ? 6 : 4;
        while (chunk.Length >= headerSize)
        {
            byte type = chunk[0];
            int size = BinaryPrimitives.ReadUInt16LittleEndian(chunk[1..]);
            bool shared = (chunk[3] & 0x02) != 0;
            if (headerSize + size > chunk.Length)
                throw new InvalidDataException($"damaged object header at byte {at}: a message runs past its chunk");
            var body = chunk.Slice(headerSize, size);
            chunk = chunk[(headerSize + size)..];
            if (shared)
                continue;
            string? damage = type switch
            {
                0x10 => Continuation(body, creationOrder),
                0x06 => Link(body),
                0x02 => DenseStorage(body[2..], (body[1] & 1) != 0 ? 8 : 0),
                0x15 => DenseStorage(body[2..], (body[1] & 1) != 0 ? 2 : 0),
                _ => null,
            };
            if (damage is not null)
                return damage;
        }
        return null;
    }

    private string? Continuation(ReadOnlySpan<byte> body, bool creationOrder)
    {
        long at = Absolute(Number(body, _offsetSize), "a continuation address");
        ulong length = Number(body[_offsetSize..], _lengthSize);
        if (length < 8)
            return $"damaged object header continuation at byte {at}: {length} bytes, shorter than its signature and checksum";
        var block = Read(_stream, at, checked((long)length));
        if (!Signature(block, "OCHK"))
            return $"damaged object header continuation at byte {at}: no OCHK signature";
        if (Mismatch(block))
            return $"incorrect metadata checksum in the object header continuation at byte {at}";
        return Messages(block.AsSpan(4, block.Length - 8), creationOrder, at);
    }

    /// <summary>A link message: a hard link's target header joins the walk.</summary>
    private string? Link(ReadOnlySpan<byte> body)
    {
        byte flags = body[1];
        int p = 2;
        int linkType = (flags & 0x08) != 0 ? body[p++] : 0;
        if ((flags & 0x04) != 0) p += 8;
        if ((flags & 0x10) != 0) p += 1;
        int width = 1 << (flags & 3);
        p += width + (int)Number(body[p..], width);
        if (linkType == 0)
            Enqueue(Number(body[p..], _offsetSize));
        return null;
    }

    /// <summary>Link or attribute info: the fractal heap header and the name index's B-tree header of dense storage.</summary>
    private string? DenseStorage(ReadOnlySpan<byte> body, int skip)
    {
        ulong heap = Number(body[skip..], _offsetSize), names = Number(body[(skip + _offsetSize)..], _offsetSize);
        return (Undefined(heap) ? null : FractalHeapHeader(Absolute(heap, "a fractal heap address")))
            ?? (Undefined(names) ? null : BTreeHeader(Absolute(names, "a B-tree address")));
    }

    private string? FractalHeapHeader(long at)
    {
        int l = _lengthSize, o = _offsetSize;
        var fixedPart = Read(_stream, at, 14 + 12 * l + 3 * o + 8);
        if (!Signature(fixedPart, "FRHP"))
            return $"damaged fractal heap header at byte {at}: no FRHP signature";
        int filters = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(7));
        long length = fixedPart.Length + (filters > 0 ? l + 4 + filters : 0) + 4;
        if (Mismatch(Read(_stream, at, length)))
            return $"incorrect metadata checksum in the fractal heap header at byte {at}";
        // The doubling table: while it has no rows the root block is one direct block of the starting size, whose
        // objects (a dense group's link messages) carry a checksum when flag bit 1 says so.
        int table = 14 + 10 * l + 2 * o;
        ulong startSize = Number(fixedPart.AsSpan(table + 2), l), root = Number(fixedPart.AsSpan(table + 6 + 2 * l), o);
        int maxHeapBits = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(table + 2 + 2 * l));
        int rows = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(table + 6 + 2 * l + o));
        bool checksummed = (fixedPart[9] & 0x02) != 0;
        return checksummed && filters == 0 && rows == 0 && !Undefined(root)
            ? DirectBlock(Absolute(root, "a fractal heap block address"), checked((long)startSize), 4 + 1 + o + (maxHeapBits + 7) / 8)
            : null;
    }

    /// <summary>A fractal heap direct block ("FHDB"): its checksum covers the whole block with the checksum field zeroed.</summary>
    private string? DirectBlock(long at, long size, int checksumAt)
    {
        var block = Read(_stream, at, size);
        if (size < checksumAt + 4 || !Signature(block, "FHDB"))
            return $"damaged fractal heap block at byte {at}: no FHDB signature";
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(checksumAt));
        block.AsSpan(checksumAt, 4).Clear();
        return Lookup3.Hash(block) == stored ? null : $"incorrect metadata checksum in the fractal heap block at byte {at}";
    }

    private string? BTreeHeader(long at)
    {
        var header = Read(_stream, at, 22 + _offsetSize + _lengthSize);
        if (!Signature(header, "BTHD"))
            return $"damaged B-tree header at byte {at}: no BTHD signature";
        return Mismatch(header) ? $"incorrect metadata checksum in the B-tree header at byte {at}" : null;
    }

    private long Absolute(ulong address, string what)
    {
        if (address > (ulong)(_stream.Length - _base))
            throw new InvalidDataException($"damaged metadata: {what} ({address}) lies past the end of the {_stream.Length}-byte file");
        return _base + (long)address;
    }

    private bool Undefined(ulong address) => _offsetSize == 8 ? address == ulong.MaxValue : address == uint.MaxValue;

    private static bool Mismatch(byte[] block) =>
        Lookup3.Hash(block.AsSpan(0, block.Length - 4)) != BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(block.Length - 4));

    private static bool Signature(byte[] block, string signature) => block.AsSpan(0, 4).SequenceEqual(Encoding.ASCII.GetBytes(signature));

    private static ulong Number(ReadOnlySpan<byte> bytes, int width)
    {
        if (bytes.Length < width)
            throw new InvalidDataException("damaged metadata: a message is shorter than its fields");
        ulong value = 0;
        for (int i = width - 1; i >= 0; i--)
            value = value << 8 | bytes[i];
        return value;
    }

    private static byte[] Read(Stream stream, long at, long length)
    {
        if (at < 0 || length < 1 || length > stream.Length - at)
            throw new InvalidDataException($"damaged metadata: a {length}-byte block at byte {at} does not fit in the {stream.Length}-byte file");
        var buffer = new byte[length];
        stream.Position = at;
        stream.ReadExactly(buffer);
        return buffer;
    }
}
