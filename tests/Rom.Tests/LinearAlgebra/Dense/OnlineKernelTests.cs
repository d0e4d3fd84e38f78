namespace Rom.Tests.LinearAlgebra.Dense;

/// <summary>The reduced model's online kernels against MathNet and naive loops.</summary>
public class OnlineKernelTests
{
    /// <summary>Sizes on both sides of the kernels' blocks (four columns, one to four registers of rows), and the shipped thermal block's N = 111.</summary>
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    [TestCase(8)]
    [TestCase(13)]
    [TestCase(33)]
    [TestCase(111)]
    public void PackedCholeskyMatchesMathNet(int n)
    {
        var (a, packed) = RandomSpd(n, conditioning: 1);
        DenseCholesky.Factor<double>(packed, n);
        var l = a.Cholesky().Factor;
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++)
                Assert.That(packed[DenseCholesky.ColumnOffset(n, j) + i - j], Is.EqualTo(l[i, j]).Within(1e-12 * Math.Sqrt(n)), $"L[{i}, {j}]");

        var random = new Random(n);
        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var x = (double[])b.Clone();
        DenseCholesky.Solve<double>(packed, n, x);
        var expected = a.Solve(Vector<double>.Build.DenseOfArray(b));
        Assert.That(x, Is.EqualTo(expected.ToArray()).Within(1e-12));
    }

    /// <summary>The single-precision factor agrees with the double one to single-precision round-off.</summary>
    [TestCase(7)]
    [TestCase(40)]
    [TestCase(111)]
    public void SinglePrecisionCholeskyMatchesMathNet(int n)
    {
        var (a, packed) = RandomSpd(n, conditioning: 1);
        var single = packed.Select(v => (float)v).ToArray();
        DenseCholesky.Factor<float>(single, n);
        var l = a.Cholesky().Factor;
        for (int j = 0; j < n; j++)
            for (int i = j; i < n; i++)
                Assert.That(single[DenseCholesky.ColumnOffset(n, j) + i - j], Is.EqualTo(l[i, j]).Within(2e-6 * l[j, j]), $"L[{i}, {j}]");
    }

    [Test]
    public void PackedCholeskyRejectsAnIndefiniteMatrix()
    {
        double[] packed = new double[DenseCholesky.StorageLength(2)];
        (packed[0], packed[1], packed[2]) = (1, 2, 1); // [[1, 2], [2, 1]] has eigenvalues 3 and −1
        var e = Assert.Throws<InvalidOperationException>(() => DenseCholesky.Factor<double>(packed, 2));
        Assert.That(e!.Message, Does.Contain("pivot 1"));
        Assert.That(() => DenseCholesky.Factor<double>(new double[DenseCholesky.PackedLength(3)], 3),
            Throws.ArgumentException.With.Message.Contains("slack"), "storage without the slack the kernels read");
    }

    /// <summary>
    /// Mixed-precision refinement reaches double accuracy with a single-precision factor on a well-conditioned matrix
    /// (κ ≈ 10, the reduced thermal block's range) in two or three corrections, and on a matrix single precision
    /// cannot factor usefully (κ = 10⁹) falls back to the double factor instead of returning a worse answer.
    /// </summary>
    [TestCase(1, 1e3, true)]
    [TestCase(17, 10, true)]
    [TestCase(111, 10, true)]
    [TestCase(60, 1e9, false)]
    public void RefinedCholeskyReachesDoubleAccuracy(int n, double conditioning, bool refines)
    {
        var (a, packed) = RandomSpd(n, conditioning);
        var random = new Random(n + 1);
        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var expected = a.Solve(Vector<double>.Build.DenseOfArray(b));
        var x = new double[n];
        int corrections = new RefinedCholesky(n, tolerance: 1e-13).Solve(packed, b, x);
        Assert.That(corrections > 0, Is.EqualTo(refines), $"corrections {corrections}");
        if (refines)
            Assert.That(corrections, Is.InRange(1, 3));
        double error = Enumerable.Range(0, n).Max(i => Math.Abs(x[i] - expected[i])) / expected.AbsoluteMaximum();
        Assert.That(error, Is.LessThan(1e-12 * Math.Max(1, conditioning * 1e-4)), $"relative error with {corrections} corrections");
    }

    /// <summary>Entries outside single precision's range (units of 10⁴⁰ or 10⁻⁴⁰) overflow or underflow the single factor: the double one answers.</summary>
    [TestCase(1e40)]
    [TestCase(1e-40)]
    public void RefinedCholeskyFallsBackOutsideSinglePrecisionRange(double scale)
    {
        const int n = 12;
        var (a, packed) = RandomSpd(n, conditioning: 10);
        for (int k = 0; k < DenseCholesky.PackedLength(n); k++) packed[k] *= scale;
        var b = Enumerable.Range(0, n).Select(i => scale * (i + 1)).ToArray();
        var x = new double[n];
        Assert.That(new RefinedCholesky(n).Solve(packed, b, x), Is.Zero, "the double fallback");
        var expected = a.Solve(Vector<double>.Build.DenseOfArray(b.Select(v => v / scale).ToArray()));
        Assert.That(x, Is.EqualTo(expected.ToArray()).Within(1e-12 * expected.AbsoluteMaximum()));
    }

    /// <summary>The packed symmetric residual b − A x against the full matrix, on both sides of its four-column panels.</summary>
    [TestCase(1)]
    [TestCase(4)]
    [TestCase(6)]
    [TestCase(111)]
    public void PackedResidualMatchesTheFullMatrix(int n)
    {
        var (a, packed) = RandomSpd(n, conditioning: 100);
        var random = new Random(n + 2);
        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var r = new double[n];
        DenseCholesky.Residual<double>(packed, n, b, x, r);
        var expected = Vector<double>.Build.DenseOfArray(b) - a * Vector<double>.Build.DenseOfArray(x);
        Assert.That(r, Is.EqualTo(expected.ToArray()).Within(1e-12));
    }

    [Test]
    public void RefinedCholeskyRejectsAnIndefiniteMatrix()
    {
        double[] packed = new double[DenseCholesky.StorageLength(2)];
        (packed[0], packed[1], packed[2]) = (1, 2, 1);
        Assert.That(() => new RefinedCholesky(2).Solve(packed, [1, 1], new double[2]),
            Throws.InvalidOperationException.With.Message.Contains("not positive definite"));
    }

    /// <summary>A random SPD matrix with eigenvalues spread geometrically over [1, conditioning], and its packed lower triangle by columns (with slack).</summary>
    private static (Matrix<double> Full, double[] Packed) RandomSpd(int n, double conditioning)
    {
        var random = new Random(n * 7 + (int)Math.Log10(conditioning));
        var q = TestMatrices.RandomCentred(random, n, n).QR().Q;
        var d = Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, n).Select(i => Math.Pow(conditioning, n == 1 ? 0 : (double)i / (n - 1))).ToArray());
        var a = q * d * q.Transpose();
        a = (a + a.Transpose()) / 2;
        var packed = new double[DenseCholesky.StorageLength(n)];
        for (int j = 0, k = 0; j < n; j++)
            for (int i = j; i < n; i++) packed[k++] = a[i, j];
        return (a, packed);
    }

    [TestCase(1, 0)]
    [TestCase(3, 7)]
    [TestCase(9, 6216)] // Q and the packed length of the thermal block's N = 111
    [TestCase(4, 13)]
    public void InterleavedAffineSumMatchesTheNaiveSum(int terms, int length)
    {
        var random = new Random(terms * 1000 + length);
        var vectors = Enumerable.Range(0, terms).Select(_ => Enumerable.Range(0, length).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var theta = Enumerable.Range(0, terms).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var sum = new InterleavedAffineSum(vectors, length);
        var result = new double[length];
        sum.Evaluate(theta, result);
        for (int i = 0; i < length; i++)
            Assert.That(result[i], Is.EqualTo(Enumerable.Range(0, terms).Sum(q => theta[q] * vectors[q][i])).Within(1e-14), $"entry {i}");
        Assert.Throws<ArgumentException>(() => sum.Evaluate(new double[terms + 1], result));
    }
}
