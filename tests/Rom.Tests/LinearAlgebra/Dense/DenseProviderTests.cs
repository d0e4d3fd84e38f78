namespace Rom.Tests.LinearAlgebra.Dense;

/// <summary>
/// Both backends against the definitions (A = QR with QᵀQ = I, V Λ Vᵀ = A, …) and against each other. The
/// OpenBLAS cases are ignored, with the reason, where the library is absent.
/// </summary>
public class DenseProviderTests(string backend) : DenseBackendTest(backend)
{
    private static Matrix<double> Random(int rows, int cols, int seed) =>
        Matrix<double>.Build.DenseOfColumnMajor(rows, cols,
            TestMatrices.RandomVector(new Random(seed), rows * cols));

    private static Matrix<double> Spd(int n, int seed)
    {
        var b = Random(n, n, seed);
        return b * b.Transpose() + n * Matrix<double>.Build.DenseIdentity(n);
    }

    // Sizes straddle the micro-kernel (8 × 6 on AVX2) and the blocks (Kc = 256, Nc = 96) so every edge path runs.
    [TestCase(1, 1, 1)]
    [TestCase(7, 5, 3)]
    [TestCase(9, 13, 17)]
    [TestCase(33, 97, 260)]
    [TestCase(130, 200, 513)]
    public void GemmMatchesMathNetForEveryTransposeAndScaling(int m, int n, int k)
    {
        foreach (var ta in new[] { Transpose.None, Transpose.Transposed })
            foreach (var tb in new[] { Transpose.None, Transpose.Transposed })
            {
                var opA = Random(m, k, m + 10 * k);
                var opB = Random(k, n, n + 3 * k);
                var a = ta == Transpose.None ? opA : opA.Transpose();
                var b = tb == Transpose.None ? opB : opB.Transpose();
                // Leading dimensions larger than the rows: the operands are sub-blocks of taller buffers.
                int lda = a.RowCount + 3, ldb = b.RowCount + 1, ldc = m + 2;
                double[] aBuf = Padded(a, lda), bBuf = Padded(b, ldb);
                var c0 = Random(m, n, 7);
                double[] cBuf = Padded(c0, ldc);
                Provider.Gemm(ta, tb, m, n, k, 1.5, aBuf, lda, bBuf, ldb, -0.5, cBuf, ldc);
                var expected = 1.5 * opA * opB - 0.5 * c0;
                for (int j = 0; j < n; j++)
                    for (int i = 0; i < m; i++)
                        Assert.That(cBuf[i + j * ldc], Is.EqualTo(expected[i, j]).Within(1e-12 * k), $"{ta},{tb} C[{i},{j}]");
                for (int j = 0; j < n; j++)
                    for (int i = m; i < ldc; i++)
                        Assert.That(cBuf[i + j * ldc], Is.EqualTo(-1.0), "entries between columns must not be touched");
            }
    }

    [Test]
    public void GemmWithZeroBetaIgnoresNaNsInC()
    {
        var a = Random(4, 3, 1);
        var b = Random(3, 5, 2);
        double[] c = Enumerable.Repeat(double.NaN, 20).ToArray();
        Provider.Gemm(Transpose.None, Transpose.None, 4, 5, 3, 1, a.ToColumnMajorArray(), 4, b.ToColumnMajorArray(), 3, 0, c, 4);
        Assert.That(c, Is.EqualTo((a * b).ToColumnMajorArray()).Within(1e-14));
    }

    // Single precision against a double reference summed naively from the same float inputs, every combination of
    // the odd sizes: they straddle the float micro-kernel (16 × 6 on AVX2) and the column block (Nc = 96), and
    // 130 × 130 × 33 and up take the threaded path.
    [Test]
    public void SingleGemmMatchesANaiveDoubleReference(
        [Values(1, 7, 33, 130)] int m, [Values(1, 7, 33, 130)] int n, [Values(1, 7, 33, 130)] int k)
    {
        var random = new Random(m + 131 * n + 17161 * k);
        foreach (var ta in new[] { Transpose.None, Transpose.Transposed })
            foreach (var tb in new[] { Transpose.None, Transpose.Transposed })
                foreach (float beta in new[] { 0f, -0.5f })
                {
                    // A and B as stored, in buffers taller than their rows (leading dimensions larger than the rows).
                    (int aRows, int aCols) = ta == Transpose.None ? (m, k) : (k, m);
                    (int bRows, int bCols) = tb == Transpose.None ? (k, n) : (n, k);
                    int lda = aRows + 3, ldb = bRows + 1, ldc = m + 2;
                    float[] a = RandomSingles(random, lda * aCols), b = RandomSingles(random, ldb * bCols);
                    float[] c = beta == 0 ? Enumerable.Repeat(float.NaN, ldc * n).ToArray() : RandomSingles(random, ldc * n);
                    float[] c0 = (float[])c.Clone();
                    const float alpha = 1.5f;
                    Provider.Gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
                    for (int j = 0; j < n; j++)
                    {
                        for (int i = 0; i < m; i++)
                        {
                            // Reference and error scale in double: α Σ_p op(A)[i,p] op(B)[p,j] + β C[i,j], and the same with absolute values.
                            double sum = 0, scale = 0;
                            for (int p = 0; p < k; p++)
                            {
                                double x = ta == Transpose.None ? a[i + p * lda] : a[p + i * lda];
                                double y = tb == Transpose.None ? b[p + j * ldb] : b[j + p * ldb];
                                sum += x * y;
                                scale += Math.Abs(x * y);
                            }
                            double expected = alpha * sum, bound = alpha * scale;
                            if (beta != 0)
                            {
                                expected += beta * (double)c0[i + j * ldc];
                                bound += Math.Abs(beta * (double)c0[i + j * ldc]);
                            }
                            Assert.That((double)c[i + j * ldc], Is.EqualTo(expected).Within(1e-5 * bound + 1e-30),
                                $"{ta},{tb},β={beta} C[{i},{j}]");
                        }
                        // The rows of the buffer below C (between its columns) are never written: NaN or their old value stays.
                        for (int i = m; i < ldc; i++)
                            Assert.That(c[i + j * ldc], Is.EqualTo(c0[i + j * ldc]), "entries between columns must not be touched");
                    }
                }
    }

    [Test]
    public void GemmRejectsShortOperandsAndSmallLeadingDimensions()
    {
        double[] a = new double[6], b = new double[6], c = new double[4];
        var e = Assert.Throws<ArgumentException>(() => Provider.Gemm(Transpose.None, Transpose.None, 2, 2, 3, 1, a, 1, b, 3, 0, c, 2));
        Assert.That(e!.Message, Does.Contain("lda = 1"));
        e = Assert.Throws<ArgumentException>(() => Provider.Gemm(Transpose.None, Transpose.None, 2, 2, 4, 1, a, 2, b, 4, 0, c, 2));
        Assert.That(e!.Message, Does.Contain("a holds 6 values"));
        // The single-precision overload shares the checks.
        float[] af = new float[6], bf = new float[6], cf = new float[4];
        e = Assert.Throws<ArgumentException>(() => Provider.Gemm(Transpose.None, Transpose.None, 2, 2, 3, 1f, af, 1, bf, 3, 0f, cf, 2));
        Assert.That(e!.Message, Does.Contain("lda = 1"));
        e = Assert.Throws<ArgumentException>(() => Provider.Gemm(Transpose.None, Transpose.None, 2, 2, 4, 1f, af, 2, bf, 4, 0f, cf, 2));
        Assert.That(e!.Message, Does.Contain("a holds 6 values"));
    }

    [TestCase(1)]
    [TestCase(6)]
    [TestCase(40)]
    public void SymmetricEigenReconstructsTheMatrix(int n)
    {
        var a = Random(n, n, n);
        a = a + a.Transpose();
        var eig = Provider.SymmetricEigen(a);
        var v = eig.Vectors;
        Assert.That((v * Matrix<double>.Build.DenseOfDiagonalVector(eig.Values) * v.Transpose() - a).InfinityNorm(), Is.LessThan(1e-12 * n));
        Assert.That((v.Transpose() * v - Matrix<double>.Build.DenseIdentity(n)).InfinityNorm(), Is.LessThan(1e-12 * n));
        for (int i = 1; i < n; i++)
            Assert.That(eig.Values[i], Is.GreaterThanOrEqualTo(eig.Values[i - 1]), "eigenvalues ascend");
        // Against the other backend: eigenvalues are unique, eigenvectors only up to sign.
        var other = (Provider is ManagedProvider ? (IDenseProvider?)OpenBlasProvider.TryLoad(out _) : ManagedProvider.Instance);
        if (other is not null)
            Assert.That((other.SymmetricEigen(a).Values - eig.Values).InfinityNorm(), Is.LessThan(1e-12 * n));
    }

    [Test]
    public void SymmetricEigenRejectsNonSymmetricMatrices()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 0.0, 1.0 } });
        var e = Assert.Throws<ArgumentException>(() => Provider.SymmetricEigen(a));
        Assert.That(e!.Message, Does.Contain("must be symmetric").And.Contain("a[1,0] = 0"));
    }

    [TestCase(12, 5)]
    [TestCase(5, 12)]
    [TestCase(30, 30)]
    public void ThinSvdReconstructsTheMatrix(int m, int n)
    {
        var a = Random(m, n, m * n);
        var svd = Provider.Svd(a);
        int r = Math.Min(m, n);
        Assert.That(svd.U.ColumnCount, Is.EqualTo(r));
        Assert.That(svd.VT.RowCount, Is.EqualTo(r));
        var rebuilt = svd.U * Matrix<double>.Build.DenseOfDiagonalVector(svd.S) * svd.VT;
        Assert.That((rebuilt - a).InfinityNorm(), Is.LessThan(1e-12 * m));
        var eye = Matrix<double>.Build.DenseIdentity(r);
        Assert.That((svd.U.Transpose() * svd.U - eye).InfinityNorm(), Is.LessThan(1e-12 * m));
        Assert.That((svd.VT * svd.VT.Transpose() - eye).InfinityNorm(), Is.LessThan(1e-12 * n));
        // Singular values are the square roots of AᵀA's eigenvalues (an independent route).
        var gram = a.Transpose() * a;
        var eigen = gram.Evd().EigenValues.Real().OrderByDescending(x => x).Take(r).Select(Math.Sqrt).ToArray();
        Assert.That(svd.S.ToArray(), Is.EqualTo(eigen).Within(1e-10));
    }

    [TestCase(1)]
    [TestCase(9)]
    [TestCase(50)]
    public void CholeskyFactorsAndSolves(int n)
    {
        var a = Spd(n, n);
        var l = Provider.Cholesky(a);
        Assert.That((l * l.Transpose() - a).InfinityNorm(), Is.LessThan(1e-12 * a.InfinityNorm()));
        Assert.That(l.UpperTriangle().StrictlyUpperTriangle().InfinityNorm(), Is.Zero);
        var b = Random(n, 3, 99);
        var x = Provider.CholeskySolve(l, b);
        Assert.That((a * x - b).InfinityNorm(), Is.LessThan(1e-12 * a.InfinityNorm()));
    }

    [Test]
    public void CholeskyNamesTheFailingColumnOfAnIndefiniteMatrix()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 4.0, 2.0, 0 }, { 2.0, 1.0, 0 }, { 0, 0, 1.0 } });
        var e = Assert.Throws<NotPositiveDefiniteException>(() => Provider.Cholesky(a));
        Assert.That(e!.Column, Is.EqualTo(1));
        Assert.That(e.ParamName, Is.EqualTo("a"));
    }

    [TestCase(10, 4)]
    [TestCase(25, 25)]
    public void QrIsOrthonormalTimesUpperTriangular(int m, int n)
    {
        var a = Random(m, n, 5 * m + n);
        var qr = Provider.Qr(a);
        Assert.That((qr.Q * qr.R - a).InfinityNorm(), Is.LessThan(1e-12 * m));
        Assert.That((qr.Q.Transpose() * qr.Q - Matrix<double>.Build.DenseIdentity(n)).InfinityNorm(), Is.LessThan(1e-12 * m));
        Assert.That(qr.R.StrictlyLowerTriangle().InfinityNorm(), Is.Zero);
        // R is unique up to the signs of its rows: |R| matches the Cholesky factor of AᵀA transposed.
        var l = (a.Transpose() * a).Cholesky().Factor;
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                Assert.That(Math.Abs(qr.R[i, j]), Is.EqualTo(Math.Abs(l[j, i])).Within(1e-9 * l.InfinityNorm()));
    }

    [Test]
    public void QrRejectsWideMatrices()
    {
        var e = Assert.Throws<ArgumentException>(() => Provider.Qr(Random(2, 3, 1)));
        Assert.That(e!.Message, Does.Contain("2 × 3"));
    }

    private static float[] RandomSingles(Random random, int count)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++)
            values[i] = 2 * random.NextSingle() - 1;
        return values;
    }

    private static double[] Padded(Matrix<double> x, int ld)
    {
        double[] buffer = Enumerable.Repeat(-1.0, ld * x.ColumnCount).ToArray();
        for (int j = 0; j < x.ColumnCount; j++)
            for (int i = 0; i < x.RowCount; i++)
                buffer[i + j * ld] = x[i, j];
        return buffer;
    }
}

/// <summary>The automatic choice and the ROM_DENSE override.</summary>
public class DenseProvidersTests
{
    [Test]
    public void EmptySettingPicksOpenBlasWhenItLoadsElseManaged()
    {
        string expected = OpenBlasProvider.TryLoad(out _) is null ? "managed" : "openblas";
        Assert.That(DenseProviders.Choose(null).Name, Is.EqualTo(expected));
        Assert.That(DenseProviders.Choose("").Name, Is.EqualTo(expected));
    }

    [Test]
    public void SettingForcesABackend()
    {
        Assert.That(DenseProviders.Choose("Managed"), Is.SameAs(ManagedProvider.Instance));
        if (OpenBlasProvider.TryLoad(out _) is not null)
            Assert.That(DenseProviders.Choose("openblas").Name, Is.EqualTo("openblas"));
        var e = Assert.Throws<ArgumentException>(() => DenseProviders.Choose("mkl"));
        Assert.That(e!.Message, Does.Contain("ROM_DENSE = 'mkl'"));
    }
}
