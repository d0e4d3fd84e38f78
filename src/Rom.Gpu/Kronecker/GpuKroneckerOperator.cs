using ILGPU;
using ILGPU.Runtime;
using MathNet.Numerics.LinearAlgebra;
using Rom.Gpu.LinearAlgebra;
using Rom.LinearAlgebra;

namespace Rom.Gpu.Kronecker;

/// <summary>
/// y = (K₁ ⊗ K₂ ⊗ … ⊗ K_d) x on a GPU without forming the product: x is read as a row-major tensor
/// [n₁, …, n_d] (last factor fastest, as numpy.kron(K1, K2) @ x.ravel()) and multiplied by one factor per axis,
/// y = x ×₁ K₁ ×₂ K₂ … ×_d K_d, each mode product a batched tiled matrix product (<see cref="TiledGemm{T}"/>).
/// Factors may be rectangular (K_a is m_a × n_a). Dispose it to free its device buffers.
/// </summary>
public sealed class GpuKroneckerOperator : ILinearOperator, IDisposable
{
    private readonly GpuContext gpu;
    private readonly TiledGemm<double> gemm;
    private readonly int[] rows;
    private readonly int[] cols;
    private readonly MemoryBuffer1D<double, Stride1D.Dense>[] factors;
    private MemoryBuffer1D<double, Stride1D.Dense>[] work = [];

    /// <summary>Uploads the factors K₁ … K_d (at least one) to <paramref name="gpu"/>'s device.</summary>
    public GpuKroneckerOperator(GpuContext gpu, IReadOnlyList<Matrix<double>> factors)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Count == 0)
            throw new ArgumentException("factors is empty; expected at least one matrix.", nameof(factors));
        this.gpu = gpu;
        gemm = new TiledGemm<double>(gpu);
        rows = [.. factors.Select(k => k.RowCount)];
        cols = [.. factors.Select(k => k.ColumnCount)];
        long rowCount = rows.Aggregate(1L, (p, m) => p * m), colCount = cols.Aggregate(1L, (p, n) => p * n);
        if (Math.Max(rowCount, colCount) > int.MaxValue)
            throw new ArgumentException(
                $"factors give a {rowCount} × {colCount} operator; expected at most {int.MaxValue} rows and columns.", nameof(factors));
        Rows = (int)rowCount;
        Cols = (int)colCount;
        this.factors = [.. factors.Select(k => gpu.Upload<double>(k.ToRowMajorArray()))];
    }

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public int Cols { get; }

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> x, Span<double> y) => ApplyBlock(x, y, 1);

    /// <inheritdoc />
    public void ApplyBlock(ReadOnlySpan<double> x, Span<double> y, int count)
    {
        OperatorChecks.Block(this, x.Length, y.Length, count);
        using var input = gpu.Upload(x);
        using var output = gpu.Accelerator.Allocate1D<double>(Math.Max(y.Length, 1));
        ApplyBlock(input.AsContiguous().SubView(0, x.Length), output.AsContiguous().SubView(0, y.Length), count);
        output.AsContiguous().SubView(0, y.Length).CopyToCPU(y);
    }

    /// <summary>
    /// Applies the operator to <paramref name="count"/> vectors already on the device, stored one after
    /// another (x holds Cols × count values, y Rows × count).
    /// </summary>
    public void ApplyBlock(ArrayView<double> x, ArrayView<double> y, int count)
    {
        OperatorChecks.Block(this, (int)Math.Min(x.Length, int.MaxValue), (int)Math.Min(y.Length, int.MaxValue), count);
        if (count == 0)
            return;
        EnsureWork(count);
        int d = rows.Length;
        var source = x;
        for (int axis = 0; axis < d; axis++)
        {
            int outer = count, inner = 1;
            for (int b = 0; b < axis; b++)
                outer *= rows[b];
            for (int b = axis + 1; b < d; b++)
                inner *= cols[b];
            var target = axis == d - 1 ? y : work[axis % 2].AsContiguous().SubView(0, (long)outer * rows[axis] * inner);
            var factor = factors[axis].AsContiguous();
            var layout = ModeProduct(outer, rows[axis], cols[axis], inner);
            if (inner > 1)
                gemm.Launch(factor, source, target, layout, 1, 0);
            else
                gemm.Launch(source, factor, target, layout, 1, 0);
            source = target;
        }
        gpu.Accelerator.Synchronize();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var buffer in factors.Concat(work))
            buffer.Dispose();
    }

    /// <summary>
    /// The layout of Y[o, p, i] = Σ_q K[p, q] X[o, q, i] for tensors [outer, n, inner] → [outer, m, inner]: per o a
    /// product K·X_o when inner &gt; 1 (threads run along i, coalesced), else one product X·Kᵀ over all o.
    /// </summary>
    private static GemmLayout ModeProduct(int outer, int m, int n, int inner) => inner > 1
        ? new GemmLayout(outer, m, inner, n, 0, n, 1, n * inner, inner, 1, m * inner, inner, 1)
        : new GemmLayout(1, outer, m, n, 0, n, 1, 0, 1, n, 0, m, 1);

    private void EnsureWork(int count)
    {
        long needed = 1;
        for (int axis = 0; axis < rows.Length; axis++)
        {
            long size = count;
            for (int b = 0; b < rows.Length; b++)
                size *= b <= axis ? rows[b] : cols[b];
            needed = Math.Max(needed, size);
        }
        if (work.Length == 2 && work[0].Length >= needed)
            return;
        foreach (var buffer in work)
            buffer.Dispose();
        work = [gpu.Accelerator.Allocate1D<double>(needed), gpu.Accelerator.Allocate1D<double>(needed)];
    }
}
