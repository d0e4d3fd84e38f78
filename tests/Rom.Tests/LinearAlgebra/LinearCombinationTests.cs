namespace Rom.Tests.LinearAlgebra;

public class LinearCombinationTests
{
    private static (CsrMatrix[] Terms, Matrix<double>[] Dense) RandomTerms(int seed, int count, int rows, int cols)
    {
        var random = new Random(seed);
        var dense = Enumerable.Range(0, count).Select(_ => TestMatrices.RandomSparse(random, rows, cols, 0.25)).ToArray();
        return (dense.Select(CsrMatrix.FromMathNet).ToArray(), dense);
    }

    private static Matrix<double> DenseSum(Matrix<double>[] terms, IReadOnlyList<double> c) =>
        terms.Select((t, q) => t * c[q]).Aggregate((a, b) => a + b);

    [Test]
    public void CsrLinearCombinationMatchesDenseSum()
    {
        var (terms, dense) = RandomTerms(11, 4, 12, 9);
        var combination = new CsrLinearCombination(terms);
        double[] c = [0.5, -2, 0, 3.25];
        var sum = combination.Assemble(c);
        Assert.That((sum.ToMathNet() - DenseSum(dense, c)).Enumerate().Max(Math.Abs), Is.LessThan(1e-14));
        Assert.Throws<ArgumentException>(() => combination.Assemble([1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => _ = new CsrLinearCombination([terms[0], CsrMatrix.Identity(3)]));
    }

    [Test]
    public void LinearCombinationOperatorAppliesTheSum()
    {
        var (terms, dense) = RandomTerms(12, 3, 7, 10);
        double[] c = [1.5, 0, -0.75];
        var op = new LinearCombinationOperator(terms, c);
        var x = TestMatrices.RandomVector(new Random(1), 10);
        var y = new double[7];
        op.Apply(x, y);
        var expected = DenseSum(dense, c) * Vector<double>.Build.DenseOfArray(x);
        Assert.That(y, Is.EqualTo(expected.ToArray()).Within(1e-14));
        Assert.Throws<ArgumentException>(() => _ = new LinearCombinationOperator([], []));
        Assert.Throws<ArgumentException>(() => _ = new LinearCombinationOperator(terms, [1.0]));
    }

    private sealed class Wrapped(ILinearOperator inner) : ILinearOperator
    {
        public int Rows => inner.Rows;
        public int Cols => inner.Cols;
        public void Apply(ReadOnlySpan<double> x, Span<double> y) => inner.Apply(x, y);
    }

    [Test]
    public void AffineOperatorAssemblesCsrOrFallsBackToLazySum()
    {
        var (terms, dense) = RandomTerms(13, 3, 8, 8);
        ParameterFunctional[] theta = [new ProjectionFunctional("k", 0), new ProjectionFunctional("k", 1), new ConstantFunctional(2)];
        var mu = Parameter.Of("k", 0.3, -1.2);
        double[] c = [0.3, -1.2, 2];
        var affine = new AffineOperator(terms, theta);
        Assert.That(affine.Evaluate(mu), Is.EqualTo(c));
        var assembled = affine.At(mu);
        Assert.That(assembled, Is.InstanceOf<CsrMatrix>());
        Assert.That((((CsrMatrix)assembled).ToMathNet() - DenseSum(dense, c)).Enumerate().Max(Math.Abs), Is.LessThan(1e-14));

        var lazy = new AffineOperator(terms.Select(t => (ILinearOperator)new Wrapped(t)).ToArray(), theta).At(mu);
        Assert.That(lazy, Is.InstanceOf<LinearCombinationOperator>());
        var x = TestMatrices.RandomVector(new Random(2), 8);
        var y = new double[8];
        lazy.Apply(x, y);
        Assert.That(y, Is.EqualTo((DenseSum(dense, c) * Vector<double>.Build.DenseOfArray(x)).ToArray()).Within(1e-14));
        Assert.Throws<ArgumentException>(() => _ = new AffineOperator(terms, theta[..2]));
    }
}
