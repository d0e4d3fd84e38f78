using MathNet.Numerics.LinearAlgebra;

namespace Rom.Gpu.Tests.LinearAlgebra;

/// <summary>The device GEMM against the managed provider on ILGPU's CPU accelerator, edge cases of the contract included.</summary>
public class GpuDenseProviderTests() : CpuAcceleratorFixture<GpuDenseProvider>(gpu => new GpuDenseProvider(gpu, ManagedProvider.Instance))
{
    private delegate void GemmCall<T>(Transpose transA, Transpose transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc);

    // Sizes off the 16-wide tile (1, 7, 33, 70) in every position, so partial tiles run along each dimension.
    private static readonly object[] Sizes = [new[] { 1, 1, 1 }, new[] { 7, 33, 70 }, new[] { 70, 7, 33 }, new[] { 33, 70, 7 }];

    [TestCaseSource(nameof(Sizes))]
    public void DoubleGemmMatchesTheManagedProvider(int m, int n, int k) =>
        CompareEveryCase<double>(Subject.Gemm, ManagedProvider.Instance.Gemm, m, n, k, 1e-14);

    [TestCaseSource(nameof(Sizes))]
    public void SingleGemmMatchesTheManagedProvider(int m, int n, int k) =>
        CompareEveryCase<float>(Subject.Gemm, ManagedProvider.Instance.Gemm, m, n, k, 1e-6f);

    /// <summary>
    /// Every transpose combination, β ∈ {0, 0.5} and α = −1.25 on operands in buffers taller than their rows
    /// (leading dimensions larger than the rows). For β = 0, C starts as NaNs, which must vanish; the rows between
    /// C's columns hold a sentinel that must survive.
    /// </summary>
    private static void CompareEveryCase<T>(GemmCall<T> device, GemmCall<T> reference, int m, int n, int k, T tolerance)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(m + 97 * n + 9409 * k);
        T Next() => T.CreateChecked(2 * random.NextDouble() - 1);
        T alpha = T.CreateChecked(-1.25), sentinel = T.CreateChecked(-7);
        foreach (var ta in new[] { Transpose.None, Transpose.Transposed })
            foreach (var tb in new[] { Transpose.None, Transpose.Transposed })
                foreach (var beta in new[] { T.Zero, T.CreateChecked(0.5) })
                {
                    (int aRows, int aCols) = ta == Transpose.None ? (m, k) : (k, m);
                    (int bRows, int bCols) = tb == Transpose.None ? (k, n) : (n, k);
                    int lda = aRows + 3, ldb = bRows + 1, ldc = m + 2;
                    T[] a = [.. Enumerable.Range(0, lda * aCols).Select(_ => Next())];
                    T[] b = [.. Enumerable.Range(0, ldb * bCols).Select(_ => Next())];
                    var c = new T[ldc * n];
                    for (int i = 0; i < c.Length; i++)
                        c[i] = i % ldc >= m ? sentinel : beta == T.Zero ? T.NaN : Next();
                    T[] onDevice = (T[])c.Clone(), expected = (T[])c.Clone();
                    device(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, onDevice, ldc);
                    reference(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, expected, ldc);

                    // Each entry is a sum of k products of magnitude ≤ 1.25, so k·tolerance bounds the rounding of both.
                    T bound = tolerance * T.CreateChecked(k + 1);
                    for (int i = 0; i < c.Length; i++)
                    {
                        string where = $"{ta},{tb},β={beta} c[{i}] (row {i % ldc}, column {i / ldc})";
                        if (i % ldc >= m)
                            Assert.That(onDevice[i], Is.EqualTo(sentinel), where + ": entries between columns must not be touched");
                        else
                            Assert.That(T.Abs(onDevice[i] - expected[i]) <= bound, where + $": {onDevice[i]} vs {expected[i]}");
                    }
                }
    }

    /// <summary>m, n or k = 0 and α = 0 do what the managed provider does: nothing, or C ← β C without reading A and B.</summary>
    [TestCase(0, 3, 2)]
    [TestCase(3, 0, 2)]
    [TestCase(3, 4, 0)]
    [TestCase(3, 4, 2)]
    public void EmptyProductsAndZeroAlphaBehaveLikeTheManagedProvider(int m, int n, int k)
    {
        int lda = Math.Max(1, m), ldb = Math.Max(1, k), ldc = m + 1;
        double[] alphas = k == 0 ? [0, 1.5] : [0];
        foreach (double alpha in alphas)
            foreach (double beta in new[] { 0, 0.5 })
            {
                // With α = 0 the operands are NaN: reading them would show.
                double[] a = alpha == 0 ? Enumerable.Repeat(double.NaN, lda * k).ToArray() : RandomData.Reals(lda * k, 1);
                double[] b = alpha == 0 ? Enumerable.Repeat(double.NaN, ldb * n).ToArray() : RandomData.Reals(ldb * n, 2);
                double[] c = beta == 0 ? Enumerable.Repeat(double.NaN, ldc * n).ToArray() : RandomData.Reals(ldc * n, 3);
                double[] onDevice = (double[])c.Clone(), expected = (double[])c.Clone();
                Subject.Gemm(Transpose.None, Transpose.None, m, n, k, alpha, a, lda, b, ldb, beta, onDevice, ldc);
                ManagedProvider.Instance.Gemm(Transpose.None, Transpose.None, m, n, k, alpha, a, lda, b, ldb, beta, expected, ldc);
                Assert.That(onDevice, Is.EqualTo(expected), $"α = {alpha}, β = {beta}");
            }
    }

    [Test]
    public void BadArgumentsAreRefusedAsTheManagedProviderRefusesThem()
    {
        double[] a = new double[6], b = new double[6], c = new double[4];
        var e = Assert.Throws<ArgumentException>(() => Subject.Gemm(Transpose.None, Transpose.None, 2, 2, 3, 1, a, 1, b, 3, 0, c, 2));
        Assert.That((e!.ParamName, e.Message.Contains("lda = 1")), Is.EqualTo(("lda", true)));
        float[] af = new float[6], bf = new float[6], cf = new float[4];
        e = Assert.Throws<ArgumentException>(() => Subject.Gemm(Transpose.None, Transpose.None, 2, 2, 4, 1f, af, 2, bf, 4, 0f, cf, 2));
        Assert.That((e!.ParamName, e.Message.Contains("a holds 6 values")), Is.EqualTo(("a", true)));
    }

    [Test]
    public void FactorisationsGoToTheHostAndADisposedProviderRefusesWork()
    {
        Assert.That(Subject.Name, Does.StartWith("gpu (CPU").And.EndWith("factorisations: managed)"));
        var x = Matrix<double>.Build.DenseOfColumnMajor(3, 3, RandomData.Reals(9, 4));
        var spd = x * x.Transpose() + 3 * Matrix<double>.Build.DenseIdentity(3);
        Assert.That(Subject.Cholesky(spd).Equals(ManagedProvider.Instance.Cholesky(spd)));

        var disposed = new GpuDenseProvider(Gpu, ManagedProvider.Instance);
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => disposed.Gemm(Transpose.None, Transpose.None, 1, 1, 1, 1.0, [1.0], 1, [1.0], 1, 0.0, new double[1], 1));
    }
}
