using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace Rom.Gpu.LinearAlgebra;

/// <summary>
/// Batched strided matrix product C_z ← α A_z·B_z + β C_z (z = 0 … Batches−1) with shared-memory tiling: each T×T
/// thread group computes one T×T tile of C, stepping through the inner dimension a T-wide slab at a time; every slab
/// of A and B is read from global memory once per group into shared memory and then used T times. Element (r, c)
/// of matrix z sits at z·Batch + r·Row + c·Col for each of A, B, C (<see cref="GemmLayout"/>), so transposes,
/// leading dimensions and mode-n products of row-major tensors need no copies. When β = 0, C is not read.
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
internal sealed class TiledGemm<T> where T : unmanaged, INumber<T>
{
    private readonly GpuContext gpu;
    private readonly Action<KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmLayout, T, T> kernel;

    public TiledGemm(GpuContext gpu)
    {
        this.gpu = gpu;
        kernel = gpu.Accelerator.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmLayout, T, T>(Kernel);
    }

    /// <summary>Launches C ← α A·B + β C; returns without waiting for the device.</summary>
    public void Launch(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, GemmLayout layout, T alpha, T beta)
    {
        int t = gpu.TileSize;
        int across = (layout.Cols + t - 1) / t, down = (layout.Rows + t - 1) / t;
        var config = new KernelConfig(
            new Index2D(across * down * layout.Batches, 1), new Index2D(t, t),
            SharedMemoryConfig.RequestDynamic<T>(2 * t * t));
        kernel(config, a, b, c, layout with { TilesAcross = across, TilesDown = down }, alpha, beta);
    }

    private static void Kernel(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, GemmLayout g, T alpha, T beta)
    {
        var tiles = SharedMemory.GetDynamic<T>();
        int t = Group.DimX, tx = Group.IdxX, ty = Group.IdxY;
        int tilesPerMatrix = g.TilesAcross * g.TilesDown;
        int z = Grid.IdxX / tilesPerMatrix, tile = Grid.IdxX % tilesPerMatrix;
        int row = tile / g.TilesAcross * t + ty, col = tile % g.TilesAcross * t + tx;
        T acc = T.Zero;
        for (int q0 = 0; q0 < g.Depth; q0 += t)
        {
            int qa = q0 + tx, qb = q0 + ty;
            tiles[ty * t + tx] = row < g.Rows && qa < g.Depth ? a[z * g.ABatch + row * g.ARow + qa * g.ACol] : T.Zero;
            tiles[t * t + ty * t + tx] = qb < g.Depth && col < g.Cols ? b[z * g.BBatch + qb * g.BRow + col * g.BCol] : T.Zero;
            Group.Barrier();
            for (int q = 0; q < t; q++)
                acc += tiles[ty * t + q] * tiles[t * t + q * t + tx];
            Group.Barrier();
        }
        if (row < g.Rows && col < g.Cols)
        {
            int at = z * g.CBatch + row * g.CRow + col * g.CCol;
            c[at] = beta == T.Zero ? alpha * acc : alpha * acc + beta * c[at];
        }
    }
}

/// <summary>
/// Sizes and strides of a batched product C (Rows×Cols) = A (Rows×Depth) · B (Depth×Cols); TilesAcross and
/// TilesDown are filled in at launch.
/// </summary>
internal readonly record struct GemmLayout(
    int Batches, int Rows, int Cols, int Depth,
    int ABatch, int ARow, int ACol,
    int BBatch, int BRow, int BCol,
    int CBatch, int CRow, int CCol,
    int TilesAcross = 0, int TilesDown = 0);
