using Rom.LinearAlgebra.Kronecker;
using Rom.Tests.LinearAlgebra.Dense;

namespace Rom.Tests.LinearAlgebra.Kronecker;

/// <summary>The Kronecker operator and its eigendecomposition against the dense matrix (MathNet's KroneckerProduct), on both backends.</summary>
public class KroneckerOperatorTests(string backend) : DenseBackendTest(backend)
{
    private static Matrix<double> RandomMatrix(Random random, int n) =>
        Matrix<double>.Build.DenseOfColumnMajor(n, n, TestMatrices.RandomVector(random, n * n));

    /// <summary>A random symmetric positive definite factor with eigenvalues spread over [0.1, n + 0.1].</summary>
    private static Matrix<double> RandomSpd(Random random, int n)
    {
        var b = RandomMatrix(random, n);
        return b * b.Transpose() / n + 0.1 * Matrix<double>.Build.DenseIdentity(n);
    }

    private static Matrix<double> Dense(IReadOnlyList<Matrix<double>> factors) =>
        factors.Skip(1).Aggregate(factors[0], (k, f) => k.KroneckerProduct(f));

    private static readonly int[][] Shapes = [[3], [4, 5], [7, 3], [3, 4, 2], [2, 5, 3], [6, 1, 4]];

    [TestCaseSource(nameof(Shapes))]
    public void ApplyAndApplyBlockMatchTheDenseProduct(int[] sizes)
    {
        var random = new Random(sizes.Sum());
        var factors = sizes.Select(n => RandomMatrix(random, n)).ToArray();
        var op = new KroneckerOperator(factors, Provider);
        var dense = Dense(factors);
        int count = 5;
        double[] x = TestMatrices.RandomVector(random, op.Length * count), y = new double[x.Length];
        op.ApplyBlock(x, y, count);
        var expected = dense * Matrix<double>.Build.DenseOfColumnMajor(op.Length, count, x);
        Assert.That(y, Is.EqualTo(expected.ToColumnMajorArray()).Within(1e-10));

        double[] single = new double[op.Length];
        op.Apply(x.AsSpan(0, op.Length), single);
        Assert.That(single, Is.EqualTo(expected.Column(0).ToArray()).Within(1e-10));
    }

    [TestCaseSource(nameof(Shapes))]
    public void SolveAndLogDeterminantMatchTheDenseMatrix(int[] sizes)
    {
        var random = new Random(7 * sizes.Sum());
        var factors = sizes.Select(n => RandomSpd(random, n)).ToArray();
        var eigen = new KroneckerOperator(factors, Provider).Eigendecompose();
        var dense = Dense(factors);
        int n = dense.RowCount, count = 3;
        var identity = Matrix<double>.Build.DenseIdentity(n);
        foreach (double sigma2 in new[] { 0.0, 0.37 })
        {
            var shifted = dense + sigma2 * identity;
            double[] b = TestMatrices.RandomVector(random, n * count), x = new double[b.Length];
            eigen.Solver(sigma2).SolveBlock(b, x, count);
            var expected = shifted.Solve(Matrix<double>.Build.DenseOfColumnMajor(n, count, b));
            Assert.That(x, Is.EqualTo(expected.ToColumnMajorArray()).Within(1e-10 * expected.InfinityNorm()), $"σ² = {sigma2}");

            // log det through a dense Cholesky factor: 2 Σ log L_ii.
            var l = shifted.Cholesky().Factor;
            double logdet = 2 * Enumerable.Range(0, n).Sum(i => Math.Log(l[i, i]));
            Assert.That(eigen.LogDeterminant(sigma2), Is.EqualTo(logdet).Within(1e-10 * Math.Max(1, Math.Abs(logdet))), $"σ² = {sigma2}");
        }
    }

    [Test]
    public void EigenvaluesOfTheProductAreProductsOfFactorEigenvalues()
    {
        var random = new Random(3);
        var factors = new[] { RandomSpd(random, 3), RandomSpd(random, 4) };
        var eigen = new KroneckerOperator(factors, Provider).Eigendecompose();
        var dense = Dense(factors).Evd().EigenValues.Real().OrderBy(v => v).ToArray();
        Assert.That(eigen.Eigenvalues.OrderBy(v => v).ToArray(), Is.EqualTo(dense).Within(1e-12));
    }

    [Test]
    public void SemiDefiniteFactorsSolveOnlyWithNoise()
    {
        // A rank-one factor: singular alone, fine with σ² > 0 (the Gaussian-process case).
        var v = Vector<double>.Build.Dense([1.0, 2.0, -1.0]);
        var factors = new[] { v.OuterProduct(v), RandomSpd(new Random(1), 2) };
        var eigen = new KroneckerOperator(factors, Provider).Eigendecompose();
        var e = Assert.Throws<InvalidOperationException>(() => eigen.Solver(0));
        Assert.That(e!.Message, Does.Contain("singular"));
        Assert.That(eigen.LogDeterminant(0), Is.EqualTo(double.NegativeInfinity));
        var shifted = Dense(factors) + 0.5 * Matrix<double>.Build.DenseIdentity(6);
        double[] b = TestMatrices.RandomVector(new Random(2), 6), x = new double[6];
        eigen.Solver(0.5).Solve(b, x);
        Assert.That(x, Is.EqualTo(shifted.Solve(Vector<double>.Build.Dense(b)).ToArray()).Within(1e-12));
    }

    [Test]
    public void BadFactorsAreRejectedByName()
    {
        var square = RandomSpd(new Random(1), 2);
        var e = Assert.Throws<ArgumentException>(() => new KroneckerOperator([square, Matrix<double>.Build.Dense(2, 3)], Provider));
        Assert.That(e!.Message, Does.Contain("factors[1] is 2 × 3"));

        var nonSymmetric = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 0.0, 1.0 } });
        e = Assert.Throws<ArgumentException>(() => new KroneckerOperator([square, nonSymmetric], Provider).Eigendecompose());
        Assert.That(e!.Message, Does.Contain("factors[1] must be symmetric"));

        var indefinite = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } });
        e = Assert.Throws<ArgumentException>(() => new KroneckerOperator([indefinite, square], Provider).Eigendecompose());
        Assert.That(e!.Message, Does.Contain("factors[0] is indefinite").And.Contain("-1"));

        var eigen = new KroneckerOperator([square], Provider).Eigendecompose();
        Assert.Throws<ArgumentOutOfRangeException>(() => eigen.Solver(-1));
        Assert.Throws<ArgumentException>(() => new KroneckerOperator([], Provider));
    }

    [Test]
    public void ApplyChecksVectorLengths()
    {
        var op = new KroneckerOperator([RandomSpd(new Random(1), 2), RandomSpd(new Random(2), 3)], Provider);
        var e = Assert.Throws<ArgumentException>(() => op.Apply(new double[5], new double[6]));
        Assert.That(e!.Message, Does.Contain("x has length 5"));
        Assert.That(op, Is.InstanceOf<ILinearOperator>());
    }
}
