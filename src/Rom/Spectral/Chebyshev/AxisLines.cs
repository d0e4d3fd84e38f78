namespace Rom.Spectral.Chebyshev;

/// <summary>
/// Copies the lines of a row-major array along one axis into consecutive rows and back: an array of shape
/// (…, n, …) is viewed as before × n × after, and line (b, a) holds the n entries (b·n + i)·after + a.
/// </summary>
internal static class AxisLines
{
    /// <summary>The extents before and after <paramref name="axis"/>.</summary>
    public static (int Before, int N, int After) Split(IReadOnlyList<int> shape, int axis)
    {
        int before = 1, after = 1;
        for (int i = 0; i < axis; i++)
            before *= shape[i];
        for (int i = axis + 1; i < shape.Count; i++)
            after *= shape[i];
        return (before, shape[axis], after);
    }

    /// <summary>lines[(b·after + a)·n + i] = data[(b·n + i)·after + a].</summary>
    public static void Gather<T>(ReadOnlySpan<T> data, IReadOnlyList<int> shape, int axis, Span<T> lines)
    {
        var (before, n, after) = Split(shape, axis);
        for (int b = 0; b < before; b++)
            for (int i = 0; i < n; i++)
            {
                var source = data.Slice((b * n + i) * after, after);
                for (int a = 0; a < after; a++)
                    lines[(b * after + a) * n + i] = source[a];
            }
    }

    /// <summary>The inverse of <see cref="Gather{T}"/>: data[(b·n + i)·after + a] = lines[(b·after + a)·n + i].</summary>
    public static void Scatter<T>(ReadOnlySpan<T> lines, IReadOnlyList<int> shape, int axis, Span<T> data)
    {
        var (before, n, after) = Split(shape, axis);
        for (int b = 0; b < before; b++)
            for (int i = 0; i < n; i++)
            {
                var target = data.Slice((b * n + i) * after, after);
                for (int a = 0; a < after; a++)
                    target[a] = lines[(b * after + a) * n + i];
            }
    }
}
