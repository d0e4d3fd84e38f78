using System.Numerics;

namespace Rom.Tensors;

/// <summary>
/// A dense tensor in row-major order, batch first as in PyTorch: (B, C, X, Y[, Z]) reads the same here as in the
/// papers. A complex tensor is stored planar: the <see cref="Count"/> real parts first, then the imaginary parts, so
/// GEMM and SIMD loops work on each part as a plain real array.
/// </summary>
/// <typeparam name="T">float for training, double for gradient checks.</typeparam>
public sealed class Tensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _shape;

    /// <summary>Wraps <paramref name="data"/> (not copied) as a tensor of the given shape.</summary>
    /// <exception cref="ArgumentException">A negative extent, or a data length other than the shape's count (twice it when complex).</exception>
    public Tensor(int[] shape, T[] data, bool isComplex = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        long count = 1;
        foreach (int extent in shape)
        {
            if (extent < 0)
                throw new ArgumentException($"shape [{string.Join(", ", shape)}] has a negative extent.", nameof(shape));
            count *= extent;
        }
        long expected = isComplex ? 2 * count : count;
        if (data.Length != expected)
            throw new ArgumentException(
                $"data has {data.Length} entries, expected {expected} for {(isComplex ? "complex " : "")}shape [{string.Join(", ", shape)}].", nameof(data));
        _shape = (int[])shape.Clone();
        Data = data;
        IsComplex = isComplex;
        Count = (int)count;
    }

    /// <summary>A tensor of zeros.</summary>
    public static Tensor<T> Zeros(int[] shape, bool isComplex = false)
    {
        Tensor<T> t = Uninitialized(shape, isComplex);
        if (t.Data.Length >= PooledLength)
            Array.Clear(t.Data);
        return t;
    }

    /// <summary>Arrays at least this long come from the current <see cref="TensorScope"/>'s pool; smaller ones are cheap to allocate.</summary>
    private const int PooledLength = 1 << 12;

    /// <summary>A tensor whose entries are garbage until written, for results every entry of which an operation writes (saves clearing 16 MB per activation).</summary>
    internal static Tensor<T> Uninitialized(int[] shape, bool isComplex = false)
    {
        long count = 1;
        foreach (int extent in shape)
            count *= Math.Max(extent, 0);
        int length = (int)(isComplex ? 2 * count : count);
        T[] data = length >= PooledLength && TensorScope.Current is { } scope ? scope.Rent<T>(length)
            : length >= PooledLength ? GC.AllocateUninitializedArray<T>(length) : new T[length];
        return new Tensor<T>(shape, data, isComplex);
    }

    /// <summary>An uninitialised tensor of this one's shape and kind (see <see cref="Uninitialized"/>).</summary>
    internal Tensor<T> UninitializedLike() => Uninitialized(_shape, IsComplex);

    /// <summary>A zero tensor of this one's shape and kind.</summary>
    public Tensor<T> ZerosLike() => Zeros(_shape, IsComplex);

    /// <summary>A deep copy.</summary>
    public Tensor<T> Clone() => new(_shape, (T[])Data.Clone(), IsComplex);

    /// <summary>The extents, batch first.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of (real or complex) entries: the product of the extents.</summary>
    public int Count { get; }

    /// <summary>Whether entries are complex (planar storage: real parts, then imaginary parts).</summary>
    public bool IsComplex { get; }

    /// <summary>The storage: <see cref="Count"/> reals, or real parts then imaginary parts.</summary>
    public T[] Data { get; }

    /// <summary>The real parts (all of <see cref="Data"/> for a real tensor).</summary>
    public Span<T> Real => Data.AsSpan(0, Count);

    /// <summary>The imaginary parts of a complex tensor.</summary>
    /// <exception cref="InvalidOperationException">The tensor is real.</exception>
    public Span<T> Imaginary => IsComplex ? Data.AsSpan(Count, Count)
        : throw new InvalidOperationException("a real tensor has no imaginary part.");

    /// <summary>Extent <paramref name="dimension"/>; negative counts from the end.</summary>
    public int Extent(int dimension) => _shape[dimension < 0 ? _shape.Length + dimension : dimension];

    /// <summary>The product of the extents from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    public int ExtentProduct(int start, int end)
    {
        int product = 1;
        for (int d = start; d < end; d++)
            product *= _shape[d];
        return product;
    }

    /// <summary>The same storage seen with another shape of the same count.</summary>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public Tensor<T> Reshaped(int[] shape) => new(shape, Data, IsComplex);

    /// <summary>Whether <paramref name="other"/> has the same shape and kind.</summary>
    public bool SameShape(Tensor<T> other) => IsComplex == other.IsComplex && _shape.AsSpan().SequenceEqual(other._shape);

    /// <summary>The shape written as [a, b, c] for messages.</summary>
    public string ShapeText => $"[{string.Join(", ", _shape)}]{(IsComplex ? " complex" : "")}";
}
