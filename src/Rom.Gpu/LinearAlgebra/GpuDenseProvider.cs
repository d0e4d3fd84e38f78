using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra.Dense;

namespace Rom.Gpu.LinearAlgebra;

/// <summary>
/// An <see cref="IDenseProvider"/> whose GEMMs (double and float) run on a GPU through the tiled kernel of
/// <see cref="Kronecker.GpuKroneckerOperator"/>, with exactly the interface's contract (column-major, transposes,
/// leading dimensions, α, β, C not read when β = 0); the factorisations (eigen, SVD, Cholesky, QR) go to a host
/// provider. Every Gemm copies its operands to the device and C back, so it pays where the products are large;
/// pass it to <see cref="Rom.GaussianProcesses.GpPdeSolver"/> to run the GP solver's Kronecker matvecs on the device.
/// Calls are serialised (one device buffer serves them all); dispose the provider before its <see cref="GpuContext"/>.
/// </summary>
public sealed class GpuDenseProvider : IDenseProvider, IDisposable
{
    private readonly GpuContext gpu;
    private readonly DeviceGemm<double> doubles;
    private readonly DeviceGemm<float> singles;
    private readonly Lock gate = new();
    private bool disposed;

    /// <summary>
    /// Compiles the GEMM kernels on <paramref name="gpu"/>; the factorisations go to <paramref name="host"/>, by
    /// default <see cref="DenseProviders.Default"/>.
    /// </summary>
    public GpuDenseProvider(GpuContext gpu, IDenseProvider? host = null)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        this.gpu = gpu;
        Host = host ?? DenseProviders.Default;
        doubles = new DeviceGemm<double>(gpu);
        singles = new DeviceGemm<float>(gpu);
    }

    /// <summary>The provider that runs the factorisations.</summary>
    public IDenseProvider Host { get; }

    /// <summary>The device and the host provider, e.g. "gpu (Cuda, NVIDIA H100 80GB HBM3; factorisations: openblas)".</summary>
    public string Name => $"gpu ({gpu.Accelerator.AcceleratorType}, {gpu.Accelerator.Name}; factorisations: {Host.Name})";

    /// <inheritdoc />
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc) =>
        Multiply(doubles, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <inheritdoc />
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc) =>
        Multiply(singles, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>Checks the arguments as the host providers do, then runs the product on the device, one call at a time.</summary>
    private void Multiply<T>(DeviceGemm<T> gemm, Transpose transA, Transpose transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, INumber<T>
    {
        DenseChecks.Gemm(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            gemm.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        }
    }

    /// <inheritdoc />
    public SymmetricEigen SymmetricEigen(Matrix<double> a) => Host.SymmetricEigen(a);

    /// <inheritdoc />
    public ThinSvd Svd(Matrix<double> a) => Host.Svd(a);

    /// <inheritdoc />
    public Matrix<double> Cholesky(Matrix<double> a) => Host.Cholesky(a);

    /// <inheritdoc />
    public Matrix<double> CholeskySolve(Matrix<double> factor, Matrix<double> b) => Host.CholeskySolve(factor, b);

    /// <inheritdoc />
    public ThinQr Qr(Matrix<double> a) => Host.Qr(a);

    /// <summary>Frees the device buffer; later Gemm calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
                return;
            disposed = true;
            doubles.Dispose();
            singles.Dispose();
        }
    }
}
