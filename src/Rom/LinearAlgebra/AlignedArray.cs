using System.Runtime.CompilerServices;

namespace Rom.LinearAlgebra;

/// <summary>
/// A fixed-length array whose first element starts on a 64-byte cache line, for kernels that stream it in 32-byte
/// registers: a register load that straddles two lines costs about a fifth more, and an ordinary array starts wherever
/// the allocator put it, so the same kernel ran at different speeds in different processes. The array lives on the
/// pinned-object heap, so the offset found once never changes.
/// </summary>
internal sealed class AlignedArray<T> where T : unmanaged
{
    private const int LineBytes = 64;
    private readonly T[] _array;
    private readonly int _offset;

    /// <summary>A zeroed array of <paramref name="length"/> elements.</summary>
    public unsafe AlignedArray(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int pad = LineBytes / sizeof(T);
        _array = GC.AllocateArray<T>(length + pad, pinned: true);
        long address = (long)Unsafe.AsPointer(ref _array[0]);
        _offset = (int)(-address & (LineBytes - 1)) / sizeof(T);
        Length = length;
    }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>The elements.</summary>
    public Span<T> Span => _array.AsSpan(_offset, Length);
}
