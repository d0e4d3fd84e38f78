namespace Rom.Spectral;

/// <summary>
/// The forward transform along the leading axes of a batch of row-major complex arrays, one axis after the other
/// (the multi-dimensional DFT is separable). Along the last axis the sequences are contiguous rows; along an earlier
/// axis of extent n with I elements after it, the I sequences are interleaved (stride I), which the Stockham passes
/// take directly: blocks of columns of up to <see cref="BlockComplex"/> numbers are transformed together, the first and
/// last passes reading and writing the array and the passes between working in scratch that stays in cache.
/// </summary>
internal sealed class AxisSweep
{
    /// <summary>Complex numbers per column block (128 KiB; with its two scratch arrays an L2 cache's worth).</summary>
    private const int BlockComplex = 8192;

    private readonly int[] _shape;
    private readonly int _batchCount;
    private readonly LineTransform[] _lines;
    private readonly int _threads;

    /// <summary>Transforms along axes 0 … <paramref name="axisCount"/> − 1 of arrays of <paramref name="shape"/>.</summary>
    public AxisSweep(int[] shape, int batchCount, int axisCount, int threads)
    {
        _shape = shape;
        _batchCount = batchCount;
        _threads = threads;
        var byLength = new Dictionary<int, LineTransform>();
        _lines = new LineTransform[axisCount];
        for (int axis = 0; axis < axisCount; axis++)
        {
            if (!byLength.TryGetValue(shape[axis], out var line))
                byLength[shape[axis]] = line = LineTransform.Create(shape[axis]);
            _lines[axis] = line;
        }
    }

    /// <summary>Forward transform in place of the whole batch (interleaved re/im doubles).</summary>
    public void Forward(Span<double> data)
    {
        for (int axis = _lines.Length - 1; axis >= 0; axis--)
            ForwardAxis(data, axis);
    }

    /// <summary>
    /// Forward transform of <paramref name="source"/> into <paramref name="data"/> (separate memory): when the last axis
    /// is swept its rows go straight from the source to the data, otherwise the source is copied first.
    /// </summary>
    public void Forward(ReadOnlySpan<double> source, Span<double> data)
    {
        int axis = _lines.Length - 1, n = _shape[^1];
        if (axis != _shape.Length - 1 || n == 1)
        {
            source.CopyTo(data);
            Forward(data);
            return;
        }
        var line = _lines[axis];
        ParallelChunks.Run(source, data, data.Length / (2 * n), line.WorkLength(1), _threads, (x, y, first, end, work) =>
        {
            for (int row = first; row < end; row++)
                line.Forward(x.Slice(2 * n * row, 2 * n), y.Slice(2 * n * row, 2 * n), 1, work);
        });
        for (axis--; axis >= 0; axis--)
            ForwardAxis(data, axis);
    }

    private void ForwardAxis(Span<double> data, int axis)
    {
        var line = _lines[axis];
        int n = _shape[axis];
        if (n == 1)
            return;
        int inner = 1;
        for (int a = axis + 1; a < _shape.Length; a++)
            inner *= _shape[a];
        int outer = _batchCount;
        for (int a = 0; a < axis; a++)
            outer *= _shape[a];
        int block = 2 * n * inner;
        if (inner == 1 || (inner % 2 == 0 && n * inner <= BlockComplex))
        {
            // Each outer index holds one contiguous block: transform it where it lies. (An odd count of interleaved
            // sequences would leave the vector passes a half-filled register, so those go by blocks of columns below.)
            ParallelChunks.Run(data, outer, line.WorkLength(inner), _threads, (d, first, end, work) =>
            {
                for (int o = first; o < end; o++)
                    line.Forward(d.Slice(o * block, block), inner, work);
            });
            return;
        }
        int width = Math.Min(inner & ~1, Math.Max(2, BlockComplex / n) & ~1);
        int chunks = (inner + width - 1) / width;
        ParallelChunks.Run(data, outer * chunks, line.ColumnsWorkLength(width), _threads, (d, first, end, work) =>
        {
            for (int unit = first; unit < end; unit++)
            {
                int o = unit / chunks, c0 = unit % chunks * width, w = Math.Min(width, inner - c0);
                line.ForwardColumns(d.Slice(o * block + 2 * c0, block - 2 * c0), inner, w, work);
            }
        });
    }
}
