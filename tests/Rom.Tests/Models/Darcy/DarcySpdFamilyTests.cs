namespace Rom.Tests.Models.Darcy;

public class DarcySpdFamilyTests
{
    [TestCase(2, 20)]
    [TestCase(3, 10)]
    public void MatricesAreSymmetricPositiveDefiniteAndDiagonallyDominant(int dimension, int s)
    {
        var family = new DarcySpdFamily(new DarcySpdOptions(GridSize: s, Dimension: dimension, Count: 2, Seed: 5));
        var (a, b) = family.System(1);
        Assert.That(a.Rows, Is.EqualTo(family.Unknowns).And.EqualTo((int)Math.Pow(s - 2, dimension)));
        var transpose = a.Transpose();
        Assert.That(transpose.Values, Is.EqualTo(a.Values), "A = Aᵀ exactly (harmonic means are symmetric)");
        Assert.That(transpose.ColumnIndices, Is.EqualTo(a.ColumnIndices));
        for (int i = 0; i < a.Rows; i++)
        {
            double off = 0;
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
                if (a.ColumnIndices[k] != i) off += Math.Abs(a.Values[k]);
            Assert.That(a[i, i], Is.GreaterThanOrEqualTo(off * (1 - 1e-14)), $"row {i}: interior rows balance exactly, up to summation order");
            Assert.That(a.RowPointers[i + 1] - a.RowPointers[i], Is.LessThanOrEqualTo(2 * dimension + 1));
        }
        var direct = new double[a.Rows];
        SparseCholesky.Factor(a).Solve(b, direct);   // throws if A were not positive definite
        var cg = new ConjugateGradient(new ConvergenceTest(1e-12)).Solve(a, b, new JacobiPreconditioner(a));
        Assert.That(cg.Converged, cg.Message);
        Assert.That(cg.Solution.Zip(direct, (p, q) => Math.Abs(p - q)).Max() / direct.Max(), Is.LessThan(1e-9));
    }

    [TestCase(2)]
    [TestCase(3)]
    public void AConstantFieldGivesTheStandardLaplacianStencil(int dimension)
    {
        const int s = 6;
        var (a, _) = DarcySpdFamily.Assemble(Enumerable.Repeat(2.0, (int)Math.Pow(s, dimension)).ToArray(), s, dimension);
        for (int i = 0; i < a.Rows; i++)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
                Assert.That(a.Values[k], Is.EqualTo(a.ColumnIndices[k] == i ? 2.0 * 2 * dimension : -2.0));
    }

    [Test]
    public void PermutingTheNoiseAxesPermutesTheField()
    {
        // A check of the 3-D inverse transform's indexing: the field of transposed noise is the transposed field.
        const int s = 8;
        var random = new Random(2);
        var xi1 = Enumerable.Range(0, s * s * s).Select(_ => random.NextDouble() - 0.5).ToArray();
        var xi2 = Enumerable.Range(0, s * s * s).Select(_ => random.NextDouble() - 0.5).ToArray();
        int Index(int i, int j, int k) => (i * s + j) * s + k;
        double[] Swap(double[] v) => Enumerable.Range(0, v.Length).Select(p => v[Index(p % s, p / s % s, p / (s * s))]).ToArray();
        var g = GaussianRandomField.FromNoise(xi1, xi2, s, 3, 2.5, 7);
        var gSwapped = GaussianRandomField.FromNoise(Swap(xi1), Swap(xi2), s, 3, 2.5, 7);
        var expected = Swap(g);
        for (int p = 0; p < g.Length; p++)
            Assert.That(gSwapped[p], Is.EqualTo(expected[p]).Within(1e-12 * g.Max(Math.Abs)));
        Assert.That(GaussianRandomField.FromNoise(new double[s * s * s], new double[s * s * s], s, 3, 2.5, 7), Is.All.EqualTo(0.0));
    }

    [Test]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DarcySpdFamily(new DarcySpdOptions(Dimension: 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DarcySpdFamily(new DarcySpdOptions(GridSize: 2)));
        Assert.Throws<ArgumentException>(() => DarcySpdFamily.Assemble([1, 1, 1, -1, 1, 1, 1, 1, 1], 3, 2));
    }

    /// <summary>3-D Darcy SPD at 48³ (the size): sparse Cholesky, AMG-PCG and Jacobi-PCG side by side.</summary>
    [Test, Explicit("benchmark"), Category("Benchmark")]
    public void ThreeDimensionalSolversAt48Cubed()
    {
        var (a, b) = new DarcySpdFamily(new DarcySpdOptions(GridSize: 50, Dimension: 3, Count: 1)).System(0);
        var x = new double[a.Rows];
        var clock = Stopwatch.StartNew();
        SparseCholesky.Factor(a).Solve(b, x);
        TestContext.Out.WriteLine($"n = {a.Rows:N0}: sparse Cholesky {clock.Elapsed.TotalSeconds:F2} s");
        foreach (var (name, make) in new (string, Func<IPreconditioner>)[] { ("AMG", () => new SmoothedAggregationPreconditioner(a)), ("Jacobi", () => new JacobiPreconditioner(a)) })
        {
            clock.Restart();
            var result = new ConjugateGradient(new ConvergenceTest(1e-8)).Solve(a, b, make());
            TestContext.Out.WriteLine($"{name}-PCG: {result.Iterations} iterations, {clock.Elapsed.TotalSeconds:F2} s (setup included)");
        }
    }
}
