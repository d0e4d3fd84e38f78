using System.Numerics;

namespace Rom.Tensors;

public static partial class Ops
{
    /// <summary>
    /// A constant matrix applied along one axis of a real tensor: y[p, m, q] = Σ_n A[m, n] x[p, n, q] with x seen as
    /// (P, N, Q) around <paramref name="axis"/> — a change of basis on that axis (values ↔ spectral coefficients,
    /// a finite-difference stencil, a truncation). The gradient is Aᵀ applied the same way.
    /// </summary>
    /// <param name="x">A real tensor.</param>
    /// <param name="matrix">A (M × N) matrix, N the extent of <paramref name="axis"/>.</param>
    /// <param name="axis">The axis, counted from 0 (negative counts from the end).</param>
    public static Variable<T> AxisLinear<T>(Variable<T> x, double[,] matrix, int axis) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        RealOnly(x);
        int rank = x.Value.Rank;
        if (axis < 0)
            axis += rank;
        Require(axis >= 0 && axis < rank, $"axis {axis} is outside a tensor {x.Value.ShapeText}.");
        int n = x.Value.Extent(axis), m = matrix.GetLength(0), after = x.Value.ExtentProduct(axis + 1, rank);
        Require(matrix.GetLength(1) == n, $"the matrix has {matrix.GetLength(1)} columns; axis {axis} of {x.Value.ShapeText} has {n} entries.");
        int before = x.Value.Count / Math.Max(n * after, 1);
        int[] shape = [.. x.Value.Shape];
        shape[axis] = m;
        var y = Tensor<T>.Uninitialized(shape);
        T[] a = Flatten<T>(matrix);
        Apply(a, m, n, before, after, x.Value.Data, y.Data, transpose: false, accumulate: false);
        return Tape<T>.Result(y, [x], o => Apply(a, m, n, before, after, o.Gradient.Data, x.Gradient.Data, transpose: true, accumulate: true));
    }

    /// <summary>
    /// out[p, ·, q] = A in[p, ·, q] (A is M × N), or Aᵀ when <paramref name="transpose"/>, added to out when
    /// <paramref name="accumulate"/>: one GEMM when the axis is last (rows of in times Aᵀ), else one per leading index p
    /// (A times the (N × Q) slab), spread over the cores.
    /// </summary>
    private static void Apply<T>(T[] a, int m, int n, int before, int after, T[] input, T[] output, bool transpose, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = transpose ? n : m, columns = transpose ? m : n;
        if (after == 1)
        {
            // (P × columns) · op(A)ᵀ: op(A)ᵀ is Aᵀ (N × M) forward and A (M × N) for the transpose.
            Gemm.Product(false, !transpose, before, rows, columns, input, a, output, accumulate);
            return;
        }
        Parallelism.For(before, (long)rows * columns * after, (first, end) =>
        {
            for (int p = first; p < end; p++)
                Gemm.SerialProduct(transpose, false, rows, after, columns, a, input.AsSpan(p * columns * after, columns * after),
                    output.AsSpan(p * rows * after, rows * after), accumulate);
        });
    }

    private static T[] Flatten<T>(double[,] matrix) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = matrix.GetLength(0), columns = matrix.GetLength(1);
        var flat = new T[rows * columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                flat[i * columns + j] = T.CreateTruncating(matrix[i, j]);
        return flat;
    }
}
