using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra.Direct;

namespace Rom.LinearAlgebra.Dense;

/// <summary>
/// Dense linear algebra through the system OpenBLAS (Debian/Ubuntu package <c>libopenblas0</c>, which installs
/// <c>libopenblas.so.0</c>): CBLAS's <c>cblas_dgemm</c> and <c>cblas_sgemm</c> and LAPACK's Fortran entry points <c>dsyevd_</c>,
/// <c>dgesdd_</c>, <c>dpotrf_</c>, <c>dpotrs_</c>, <c>dgeqrf_</c> and <c>dorgqr_</c>, called through function
/// pointers found at run time, so Rom neither links nor ships the library. <see cref="TryLoad"/> says whether it is there.
/// </summary>
public sealed unsafe class OpenBlasProvider : IDenseProvider
{
    /// <summary>The shared-object name looked up through the system loader.</summary>
    public const string LibraryName = "libopenblas.so.0";

    // CBLAS enumerations (cblas.h).
    private const int ColMajor = 102, NoTrans = 111, Trans = 112;

    private readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> dgemm;
    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> sgemm;
    private readonly delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void> dsyevd;
    private readonly delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nuint, void> dgesdd;
    private readonly delegate* unmanaged<byte*, int*, double*, int*, int*, nuint, void> dpotrf;
    private readonly delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nuint, void> dpotrs;
    private readonly delegate* unmanaged<int*, int*, double*, int*, double*, double*, int*, int*, void> dgeqrf;
    private readonly delegate* unmanaged<int*, int*, int*, double*, int*, double*, double*, int*, int*, void> dorgqr;

    private readonly delegate* unmanaged<int, void> setThreads;

    private OpenBlasProvider(nint library)
    {
        setThreads = NativeLibrary.TryGetExport(library, "openblas_set_num_threads", out nint set) ? (delegate* unmanaged<int, void>)set : null;
        dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)NativeLibrary.GetExport(library, "cblas_dgemm");
        sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(library, "cblas_sgemm");
        dsyevd = (delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void>)NativeLibrary.GetExport(library, "dsyevd_");
        dgesdd = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nuint, void>)NativeLibrary.GetExport(library, "dgesdd_");
        dpotrf = (delegate* unmanaged<byte*, int*, double*, int*, int*, nuint, void>)NativeLibrary.GetExport(library, "dpotrf_");
        dpotrs = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nuint, void>)NativeLibrary.GetExport(library, "dpotrs_");
        dgeqrf = (delegate* unmanaged<int*, int*, double*, int*, double*, double*, int*, int*, void>)NativeLibrary.GetExport(library, "dgeqrf_");
        dorgqr = (delegate* unmanaged<int*, int*, int*, double*, int*, double*, double*, int*, int*, void>)NativeLibrary.GetExport(library, "dorgqr_");
    }

    /// <summary>The symbols Rom calls; a library that lacks one is not used.</summary>
    public static IReadOnlyList<string> Symbols { get; } = ["cblas_dgemm", "cblas_sgemm", "dsyevd_", "dgesdd_", "dpotrf_", "dpotrs_", "dgeqrf_", "dorgqr_"];

    /// <summary>
    /// Loads OpenBLAS when the system has it; otherwise returns null and says why in <paramref name="reason"/>
    /// (library not found, or a symbol missing).
    /// </summary>
    public static OpenBlasProvider? TryLoad(out string reason)
    {
        if (!NativeLibrary.TryLoad(LibraryName, out nint library))
        {
            reason = $"{LibraryName} was not found by the system loader (on Debian/Ubuntu: apt-get install libopenblas0).";
            return null;
        }
        foreach (string symbol in Symbols)
            if (!NativeLibrary.TryGetExport(library, symbol, out _))
            {
                reason = $"{LibraryName} does not export {symbol}.";
                return null;
            }
        reason = "";
        return new OpenBlasProvider(library);
    }

    /// <inheritdoc />
    public string Name => "openblas";

    /// <summary>
    /// Sets the number of threads OpenBLAS uses inside one call (<c>openblas_set_num_threads</c>), process-wide. Callers
    /// that split their products among threads themselves set 1, so OpenBLAS's spinning workers and .NET's do not
    /// compete for the same cores. Returns false when the library cannot be told.
    /// </summary>
    public bool SetThreadCount(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (setThreads == null)
            return false;
        setThreads(threads);
        return true;
    }

    /// <inheritdoc />
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        if (HasWork(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc))
            fixed (double* pa = a, pb = b, pc = c)
                dgemm(ColMajor, Op(transA), Op(transB), m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }

    /// <inheritdoc />
    public void Gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        if (HasWork(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc))
            fixed (float* pa = a, pb = b, pc = c)
                sgemm(ColMajor, Op(transA), Op(transB), m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }

    // Checks a GEMM's arguments as every provider does; false when C is empty and there is nothing to compute.
    private static bool HasWork(Transpose transA, Transpose transB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        DenseChecks.Gemm(transA, transB, m, n, k, aLength, lda, bLength, ldb, cLength, ldc);
        return m != 0 && n != 0;
    }

    // CBLAS's flag for op(X).
    private static int Op(Transpose transpose) => transpose == Transpose.None ? NoTrans : Trans;

    /// <inheritdoc />
    public SymmetricEigen SymmetricEigen(Matrix<double> a)
    {
        DenseChecks.Symmetric(a, nameof(a));
        int n = a.RowCount, lda = Math.Max(1, n), info = 0;
        double[] v = a.ToColumnMajorArray(), w = new double[n];
        byte jobz = (byte)'V', uplo = (byte)'L';
        fixed (double* pv = v, pw = w)
        {
            // Workspace query (lwork = liwork = −1), then the divide-and-conquer solve.
            double workSize = 0;
            int iworkSize = 0, query = -1;
            dsyevd(&jobz, &uplo, &n, pv, &lda, pw, &workSize, &query, &iworkSize, &query, &info, 1, 1);
            Check(info, "dsyevd");
            int lwork = (int)workSize, liwork = iworkSize;
            double[] work = new double[Math.Max(1, lwork)];
            int[] iwork = new int[Math.Max(1, liwork)];
            fixed (double* pwork = work)
            fixed (int* piwork = iwork)
                dsyevd(&jobz, &uplo, &n, pv, &lda, pw, pwork, &lwork, piwork, &liwork, &info, 1, 1);
        }
        if (info > 0)
            throw new InvalidOperationException($"dsyevd did not converge (info = {info}).");
        Check(info, "dsyevd");
        return new SymmetricEigen(Vector<double>.Build.Dense(w), Matrix<double>.Build.Dense(n, n, v));
    }

    /// <inheritdoc />
    public ThinSvd Svd(Matrix<double> a)
    {
        int m = a.RowCount, n = a.ColumnCount, r = Math.Min(m, n), info = 0;
        int lda = Math.Max(1, m), ldu = Math.Max(1, m), ldvt = Math.Max(1, r);
        double[] values = a.ToColumnMajorArray(), s = new double[r], u = new double[m * r], vt = new double[r * n];
        int[] iwork = new int[Math.Max(1, 8 * r)];
        byte jobz = (byte)'S';
        fixed (double* pa = values, ps = s, pu = u, pvt = vt)
        fixed (int* piwork = iwork)
        {
            double workSize = 0;
            int query = -1;
            dgesdd(&jobz, &m, &n, pa, &lda, ps, pu, &ldu, pvt, &ldvt, &workSize, &query, piwork, &info, 1);
            Check(info, "dgesdd");
            int lwork = (int)workSize;
            double[] work = new double[Math.Max(1, lwork)];
            fixed (double* pwork = work)
                dgesdd(&jobz, &m, &n, pa, &lda, ps, pu, &ldu, pvt, &ldvt, pwork, &lwork, piwork, &info, 1);
        }
        if (info > 0)
            throw new InvalidOperationException($"dgesdd did not converge (info = {info}).");
        Check(info, "dgesdd");
        return new ThinSvd(Matrix<double>.Build.Dense(m, r, u), Vector<double>.Build.Dense(s), Matrix<double>.Build.Dense(r, n, vt));
    }

    /// <inheritdoc />
    public Matrix<double> Cholesky(Matrix<double> a)
    {
        DenseChecks.Square(a, nameof(a));
        int n = a.RowCount, lda = Math.Max(1, n), info = 0;
        double[] l = a.ToColumnMajorArray();
        byte uplo = (byte)'L';
        fixed (double* pl = l)
            dpotrf(&uplo, &n, pl, &lda, &info, 1);
        Check(info, "dpotrf");
        if (info > 0)
        {
            // info is the 1-based order of the first leading minor that is not positive; its diagonal entry holds the failing pivot.
            int column = info - 1;
            double pivot = l[column + column * n];
            throw new NotPositiveDefiniteException(column, pivot, nameof(a));
        }
        return Matrix<double>.Build.Dense(n, n, l).LowerTriangle();
    }

    /// <inheritdoc />
    public Matrix<double> CholeskySolve(Matrix<double> factor, Matrix<double> b)
    {
        DenseChecks.CholeskySolve(factor, b);
        int n = factor.RowCount, nrhs = b.ColumnCount, ld = Math.Max(1, n), info = 0;
        double[] l = factor.ToColumnMajorArray(), x = b.ToColumnMajorArray();
        byte uplo = (byte)'L';
        fixed (double* pl = l, px = x)
            dpotrs(&uplo, &n, &nrhs, pl, &ld, px, &ld, &info, 1);
        Check(info, "dpotrs");
        return Matrix<double>.Build.Dense(n, nrhs, x);
    }

    /// <inheritdoc />
    public ThinQr Qr(Matrix<double> a)
    {
        DenseChecks.Tall(a, nameof(a));
        int m = a.RowCount, n = a.ColumnCount, lda = Math.Max(1, m), info = 0;
        double[] q = a.ToColumnMajorArray(), tau = new double[Math.Max(1, n)];
        var r = Matrix<double>.Build.Dense(n, n);
        fixed (double* pq = q, ptau = tau)
        {
            double workSize = 0;
            int query = -1;
            dgeqrf(&m, &n, pq, &lda, ptau, &workSize, &query, &info);
            Check(info, "dgeqrf");
            int lwork = (int)workSize;
            double[] work = new double[Math.Max(1, lwork)];
            fixed (double* pwork = work)
                dgeqrf(&m, &n, pq, &lda, ptau, pwork, &lwork, &info);
            Check(info, "dgeqrf");
            // R is the upper triangle left by dgeqrf; dorgqr then overwrites the array with Q's first n columns.
            for (int j = 0; j < n; j++)
                for (int i = 0; i <= j; i++)
                    r[i, j] = q[i + j * m];
            dorgqr(&m, &n, &n, pq, &lda, ptau, &workSize, &query, &info);
            Check(info, "dorgqr");
            lwork = (int)workSize;
            work = new double[Math.Max(1, lwork)];
            fixed (double* pwork = work)
                dorgqr(&m, &n, &n, pq, &lda, ptau, pwork, &lwork, &info);
            Check(info, "dorgqr");
        }
        return new ThinQr(Matrix<double>.Build.Dense(m, n, q), r);
    }

    /// <summary>A negative LAPACK info names an illegal argument, which the checks above rule out: a bug if it happens.</summary>
    private static void Check(int info, string routine)
    {
        if (info < 0)
            throw new InvalidOperationException($"{routine} rejected argument {-info}; this is a bug in Rom's call.");
    }
}
