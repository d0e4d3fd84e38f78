using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rom.LinearAlgebra;

/// <summary>
/// Products of tall bases (a few dozen columns of length n) with small dense matrices — the BLAS-3 steps of
/// recycling Krylov methods. The rows are walked in blocks that stay in cache, so every column is read from memory
/// once per product instead of once per coefficient (the column-by-column form is memory bound).
/// </summary>
public static class TallSkinny
{
    // Rows per block: 512 doubles are 4 KiB per column, so ~60 column blocks fit a 256 KiB L2 cache.
    private const int BlockRows = 512;

    private static readonly int W = Vector<double>.Count;

    /// <summary>
    /// Returns the column-major n × q array whose column j is Σ_i coefficients[i, j] · basis(i), i &lt; p, for a
    /// p × q coefficient matrix.
    /// </summary>
    /// <param name="basis">Column i of the basis, each of length <paramref name="n"/>.</param>
    /// <param name="coefficients">The p × q coefficients.</param>
    /// <param name="n">Length of every column.</param>
    public static double[] Combine(Func<int, ReadOnlyMemory<double>> basis, double[,] coefficients, int n)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var result = new double[coefficients.GetLength(1) * n];
        Combine(basis, coefficients, n, result);
        return result;
    }

    /// <summary>
    /// Writes into the first q · n entries of <paramref name="result"/> (column-major n × q) the columns
    /// Σ_i coefficients[i, j] · basis(i), i &lt; p — the allocation-free form of
    /// <see cref="Combine(Func{int, ReadOnlyMemory{double}}, double[,], int)"/> for callers that reuse a workspace.
    /// The result must not overlap the basis.
    /// </summary>
    /// <param name="basis">Column i of the basis, each of length <paramref name="n"/>.</param>
    /// <param name="coefficients">The p × q coefficients.</param>
    /// <param name="n">Length of every column.</param>
    /// <param name="result">At least q · n entries.</param>
    public static void Combine(Func<int, ReadOnlyMemory<double>> basis, double[,] coefficients, int n, Span<double> result)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(coefficients);
        int p = coefficients.GetLength(0), q = coefficients.GetLength(1);
        if (result.Length < q * n)
            throw new ArgumentException($"The result has {result.Length} entries; expected at least q · n = {q * n}.", nameof(result));
        var columns = Columns(basis, p, n, nameof(basis));
        int q4 = RoundUp(q, 4), sv = BlockRows / W;
        // Coefficients broadcast once; the padding columns are zero. Workspaces come from the shared pools (the
        // panels are large-object-heap sized and this runs every restart cycle).
        var c = ArrayPool<Vector<double>>.Shared.Rent(p * q4);
        c.AsSpan(0, p * q4).Clear();
        for (int i = 0; i < p; i++)
            for (int j = 0; j < q; j++)
                c[i * q4 + j] = new Vector<double>(coefficients[i, j]);
        var panel = ArrayPool<double>.Shared.Rent(p * BlockRows);
        var tile = ArrayPool<double>.Shared.Rent(q4 * BlockRows);
        for (int start = 0; start < n; start += BlockRows)
        {
            int length = Math.Min(BlockRows, n - start);
            int vectors = RoundUp(length, 2 * W) / W;
            Pack(columns, start, length, panel);
            ref var x = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<double, Vector<double>>(panel.AsSpan(0, p * BlockRows)));
            var o = MemoryMarshal.Cast<double, Vector<double>>(tile.AsSpan(0, q4 * BlockRows));
            // Micro-tile: 2 vectors of rows × 4 columns in registers, the basis streamed once per column quartet.
            // The walk along i uses references (every offset stays inside the p × BlockRows panel and the p × q4
            // coefficients), which keeps bounds checks out of the innermost loop.
            for (int j = 0; j < q4; j += 4)
                for (int v = 0; v < vectors; v += 2)
                {
                    Vector<double> a00 = Vector<double>.Zero, a01 = a00, a02 = a00, a03 = a00;
                    Vector<double> a10 = a00, a11 = a00, a12 = a00, a13 = a00;
                    ref var xi = ref Unsafe.Add(ref x, v);
                    ref var ci = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c), j);
                    for (int i = 0; i < p; i++)
                    {
                        var x0 = xi;
                        var x1 = Unsafe.Add(ref xi, 1);
                        var c0 = ci;
                        var c1 = Unsafe.Add(ref ci, 1);
                        var c2 = Unsafe.Add(ref ci, 2);
                        var c3 = Unsafe.Add(ref ci, 3);
                        a00 = Vector.FusedMultiplyAdd(x0, c0, a00);
                        a01 = Vector.FusedMultiplyAdd(x0, c1, a01);
                        a02 = Vector.FusedMultiplyAdd(x0, c2, a02);
                        a03 = Vector.FusedMultiplyAdd(x0, c3, a03);
                        a10 = Vector.FusedMultiplyAdd(x1, c0, a10);
                        a11 = Vector.FusedMultiplyAdd(x1, c1, a11);
                        a12 = Vector.FusedMultiplyAdd(x1, c2, a12);
                        a13 = Vector.FusedMultiplyAdd(x1, c3, a13);
                        xi = ref Unsafe.Add(ref xi, sv);
                        ci = ref Unsafe.Add(ref ci, q4);
                    }
                    o[j * sv + v] = a00;
                    o[(j + 1) * sv + v] = a01;
                    o[(j + 2) * sv + v] = a02;
                    o[(j + 3) * sv + v] = a03;
                    o[j * sv + v + 1] = a10;
                    o[(j + 1) * sv + v + 1] = a11;
                    o[(j + 2) * sv + v + 1] = a12;
                    o[(j + 3) * sv + v + 1] = a13;
                }
            for (int j = 0; j < q; j++)
                tile.AsSpan(j * BlockRows, length).CopyTo(result.Slice(j * n + start, length));
        }
        ArrayPool<Vector<double>>.Shared.Return(c);
        ArrayPool<double>.Shared.Return(panel);
        ArrayPool<double>.Shared.Return(tile);
    }

    /// <summary>Returns the p × q matrix of inner products left(i)ᵀ right(j).</summary>
    /// <param name="left">Column i of the left basis, i &lt; <paramref name="p"/>.</param>
    /// <param name="p">Number of left columns.</param>
    /// <param name="right">Column j of the right basis, j &lt; <paramref name="q"/>.</param>
    /// <param name="q">Number of right columns.</param>
    /// <param name="n">Length of every column.</param>
    public static double[,] InnerProducts(Func<int, ReadOnlyMemory<double>> left, int p, Func<int, ReadOnlyMemory<double>> right, int q, int n)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var l = Columns(left, p, n, nameof(left));
        var r = Columns(right, q, n, nameof(right));
        int p2 = RoundUp(p, 2), q4 = RoundUp(q, 4), sv = BlockRows / W;
        var leftPanel = ArrayPool<double>.Shared.Rent(p2 * BlockRows);
        var rightPanel = ArrayPool<double>.Shared.Rent(q4 * BlockRows);
        var products = new double[p, q];
        for (int start = 0; start < n; start += BlockRows)
        {
            int length = Math.Min(BlockRows, n - start);
            int vectors = RoundUp(length, W) / W;
            Pack(l, start, length, leftPanel);
            Pack(r, start, length, rightPanel);
            var x = MemoryMarshal.Cast<double, Vector<double>>(leftPanel.AsSpan());
            var y = MemoryMarshal.Cast<double, Vector<double>>(rightPanel.AsSpan());
            // Micro-tile: 2 left × 4 right columns, 8 accumulators over the block's rows.
            for (int i = 0; i < p2; i += 2)
                for (int j = 0; j < q4; j += 4)
                {
                    Vector<double> a00 = Vector<double>.Zero, a01 = a00, a02 = a00, a03 = a00;
                    Vector<double> a10 = a00, a11 = a00, a12 = a00, a13 = a00;
                    for (int v = 0; v < vectors; v++)
                    {
                        var x0 = x[i * sv + v];
                        var x1 = x[(i + 1) * sv + v];
                        var y0 = y[j * sv + v];
                        var y1 = y[(j + 1) * sv + v];
                        var y2 = y[(j + 2) * sv + v];
                        var y3 = y[(j + 3) * sv + v];
                        a00 = Vector.FusedMultiplyAdd(x0, y0, a00);
                        a01 = Vector.FusedMultiplyAdd(x0, y1, a01);
                        a02 = Vector.FusedMultiplyAdd(x0, y2, a02);
                        a03 = Vector.FusedMultiplyAdd(x0, y3, a03);
                        a10 = Vector.FusedMultiplyAdd(x1, y0, a10);
                        a11 = Vector.FusedMultiplyAdd(x1, y1, a11);
                        a12 = Vector.FusedMultiplyAdd(x1, y2, a12);
                        a13 = Vector.FusedMultiplyAdd(x1, y3, a13);
                    }
                    ReadOnlySpan<Vector<double>> sums = [a00, a01, a02, a03, a10, a11, a12, a13];
                    for (int t = 0; t < 8; t++)
                    {
                        int row = i + t / 4, column = j + t % 4;
                        if (row < p && column < q)
                            products[row, column] += Vector.Sum(sums[t]);
                    }
                }
        }
        ArrayPool<double>.Shared.Return(leftPanel);
        ArrayPool<double>.Shared.Return(rightPanel);
        return products;
    }

    // Copies rows start..start+length of every column into the panel (column i at i · BlockRows) and zeroes the
    // rest of each panel column, so the kernels may run over whole vector pairs.
    private static void Pack(ReadOnlyMemory<double>[] columns, int start, int length, double[] panel)
    {
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i].Span.Slice(start, length).CopyTo(panel.AsSpan(i * BlockRows, length));
            panel.AsSpan(i * BlockRows + length, BlockRows - length).Clear();
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private static ReadOnlyMemory<double>[] Columns(Func<int, ReadOnlyMemory<double>> basis, int count, int n, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var columns = new ReadOnlyMemory<double>[count];
        for (int i = 0; i < count; i++)
        {
            columns[i] = basis(i);
            if (columns[i].Length != n)
                throw new ArgumentException($"Column {i} of {name} has length {columns[i].Length}; expected n = {n}.", name);
        }
        return columns;
    }
}
