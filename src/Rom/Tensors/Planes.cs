using System.Runtime.CompilerServices;

namespace Rom.Tensors;

/// <summary>
/// Rows of a complex array between the planar layout (real plane, imaginary plane) and the joined one in which each
/// row holds its k real parts and then its k imaginary parts, the layout of one GEMM against [cos | −sin].
/// </summary>
internal static class Planes
{
    /// <summary>re[r, j] = joined[r, j], im[r, j] = joined[r, k + j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Split<T>(ReadOnlySpan<T> joined, int rows, int k, Span<T> re, Span<T> im)
    {
        for (int r = 0; r < rows; r++)
        {
            joined.Slice(r * 2 * k, k).CopyTo(re.Slice(r * k, k));
            joined.Slice(r * 2 * k + k, k).CopyTo(im.Slice(r * k, k));
        }
    }

    /// <summary>joined[r, j] = re[r, j], joined[r, k + j] = im[r, j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Join<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, int rows, int k, Span<T> joined)
    {
        for (int r = 0; r < rows; r++)
        {
            re.Slice(r * k, k).CopyTo(joined.Slice(r * 2 * k, k));
            im.Slice(r * k, k).CopyTo(joined.Slice(r * 2 * k + k, k));
        }
    }
}
