using static Rom.Tests.Krylov.KrylovTestProblems;

namespace Rom.Tests.Krylov;

public class SmoothedAggregationTests
{
    [Test]
    public void SparseProductMatchesDense()
    {
        var random = new Random(1);
        var a = TestMatrices.RandomSparse(random, 17, 23, 0.2);
        var b = TestMatrices.RandomSparse(random, 23, 11, 0.2);
        var product = CsrMatrix.FromMathNet(a).Multiply(CsrMatrix.FromMathNet(b));
        Assert.That(product.Rows, Is.EqualTo(17));
        Assert.That(product.Cols, Is.EqualTo(11));
        Assert.That(product.ToMathNet().ToArray(), Is.EqualTo((a * b).ToArray()).Within(1e-14));
        Assert.Throws<ArgumentException>(() => CsrMatrix.FromMathNet(a).Multiply(CsrMatrix.FromMathNet(a)));
    }

    [Test]
    public void ProductPatternHoldsEveryReachedPositionAndRefillsToTheProduct()
    {
        // The pattern is every (i, j) with a_ik b_kj ≠ 0 for some k, cancellations included: count terms densely.
        var random = new Random(6);
        var a = CsrMatrix.FromMathNet(TestMatrices.RandomSparse(random, 19, 13, 0.15));
        var b = CsrMatrix.FromMathNet(TestMatrices.RandomSparse(random, 13, 21, 0.15));
        var ones = (CsrMatrix m) => m.ToMathNet().Map(v => v != 0 ? 1.0 : 0.0);
        var terms = ones(a) * ones(b);
        var pattern = a.Pattern(b);
        Assert.That(pattern.Values, Is.All.Zero);
        Assert.That(pattern.EnumerateEntries().Select(e => (e.Item1, e.Item2)),
            Is.EquivalentTo(terms.EnumerateIndexed(Zeros.AllowSkip).Where(e => e.Item3 > 0).Select(e => (e.Item1, e.Item2))));
        var values = new double[pattern.NonZeros];
        CsrProduct.Refill(a, b, pattern, values);
        var filled = new CsrMatrix(19, 21, pattern.RowPointers, pattern.ColumnIndices, values);
        Assert.That(filled.ToMathNet().ToArray(), Is.EqualTo((a.ToMathNet() * b.ToMathNet()).ToArray()).Within(1e-14));
        Assert.Throws<ArgumentException>(() => CsrProduct.Refill(a, b, pattern, new double[pattern.NonZeros + 1]));
    }

    [Test]
    public void TentativeProlongatorHasTheConstantInItsRange()
    {
        var a = Poisson(20);
        var diagonal = a.Diagonal();
        var (pointers, neighbours) = AggregationCoarsening.StrongNeighbourhoods(a, diagonal, 0.08);
        var (aggregateOf, count) = AggregationCoarsening.Aggregate(pointers, neighbours);
        Assert.That(aggregateOf, Is.All.InRange(0, count - 1), "every node is aggregated");
        Assert.That(count, Is.LessThan(a.Rows / 4), "aggregates of 3×3-ish neighbourhoods");
        var t = AggregationCoarsening.TentativeProlongator(aggregateOf, count);
        var ones = new double[a.Rows];
        t.Apply(Enumerable.Repeat(1.0, count).ToArray(), ones);
        Assert.That(ones, Is.All.EqualTo(1.0));

        // Smoothing keeps the constant where A annihilates it (interior rows of the Laplacian).
        var p = AggregationCoarsening.SmoothedProlongator(a, diagonal, t, 4.0 / 3 / 2);
        var smoothed = new double[a.Rows];
        p.Apply(Enumerable.Repeat(1.0, count).ToArray(), smoothed);
        int interior = 5 + 20 * 5;
        Assert.That(smoothed[interior], Is.EqualTo(1.0).Within(1e-14));
    }

    [Test]
    public void SpectralRadiusEstimateIsCloseForPoisson()
    {
        // D⁻¹A of the 5-point Laplacian has ρ = 2 − 2 (1 − cos(π/(n+1)))/2·… = 1 + cos(π/(n+1)).
        var a = Poisson(30);
        double rho = SpectralRadius.OfJacobiScaled(a, a.Diagonal(), 20);
        double exact = 1 + Math.Cos(Math.PI / 31);
        Assert.That(rho, Is.LessThanOrEqualTo(exact * (1 + 1e-12)));
        Assert.That(rho, Is.GreaterThan(0.97 * exact));
    }

    [Test]
    public void HierarchiesShrinkAndCoarseOperatorsAreGalerkin()
    {
        var twoLevel = new SmoothedAggregationPreconditioner(Poisson(20));
        Assert.That(twoLevel.LevelSizes, Has.Count.EqualTo(2));
        var multi = new SmoothedAggregationPreconditioner(Poisson(64), new SmoothedAggregationOptions(CoarsestSize: 50));
        Assert.That(multi.LevelSizes.Count, Is.GreaterThanOrEqualTo(3));
        for (int l = 1; l < multi.LevelSizes.Count; l++)
            Assert.That(multi.LevelSizes[l], Is.LessThan(multi.LevelSizes[l - 1] / 3));
        Assert.That(multi.LevelSizes[^1], Is.LessThanOrEqualTo(50));
        Assert.That(multi.OperatorComplexity, Is.LessThan(2));

        var a = Matrix<double>.Build.DenseOfMatrix(multi.Operators[1].ToMathNet());
        var p = Matrix<double>.Build.DenseOfMatrix(multi.Prolongators[1].ToMathNet());
        var galerkin = p.Transpose() * a * p;
        Assert.That(multi.Operators[2].ToMathNet().ToArray(), Is.EqualTo(galerkin.ToArray()).Within(1e-12));
    }

    [Test]
    public void VCycleIsSymmetricPositiveDefinite()
    {
        var (a, _) = ThermalBlock(16, 3, 2);
        var amg = new SmoothedAggregationPreconditioner(a, new SmoothedAggregationOptions(CoarsestSize: 20));
        var random = new Random(3);
        for (int trial = 0; trial < 3; trial++)
        {
            var x = TestMatrices.RandomVector(random, a.Rows);
            var y = TestMatrices.RandomVector(random, a.Rows);
            var mx = new double[a.Rows];
            var my = new double[a.Rows];
            amg.Apply(x, mx);
            amg.Apply(y, my);
            Assert.That(Vectors.Dot(x, my), Is.EqualTo(Vectors.Dot(y, mx)).Within(1e-10 * Math.Abs(Vectors.Dot(x, my))));
            Assert.That(Vectors.Dot(x, mx), Is.Positive);
        }
    }

    [Test]
    public void ForwardSweepFromZeroAndItsResidualMatchDenseTriangularAlgebra()
    {
        // x = (D + L)⁻¹ b and r = b − A x, with the triangles taken and solved densely by MathNet.
        var a = RandomDarcy(new Random(8), 9);
        var dense = a.ToMathNet();
        var b = TestMatrices.RandomVector(new Random(9), a.Rows);
        var pointers = SparseTriangularSweeps.DiagonalPointers(a, "a");
        var inverseDiagonal = a.Diagonal().Select(d => 1 / d).ToArray();
        var x = Enumerable.Repeat(double.NaN, a.Rows).ToArray();
        GaussSeidel.ForwardFromZero(a, pointers, inverseDiagonal, b, x);
        var expected = dense.LowerTriangle().Solve(Vector<double>.Build.DenseOfArray(b));
        Assert.That(x, Is.EqualTo(expected.ToArray()).Within(1e-12 * expected.AbsoluteMaximum()), "x overwritten, not read");

        var r = new double[a.Rows];
        GaussSeidel.ResidualAfterForwardFromZero(a, pointers, x, r);
        var residual = Vector<double>.Build.DenseOfArray(b) - dense * Vector<double>.Build.DenseOfArray(x);
        Assert.That(r, Is.EqualTo(residual.ToArray()).Within(1e-12 * Vectors.Norm(b)));
    }

    [Test]
    public void FullSweepsFromAnyStartMatchDenseSplittings()
    {
        // Forward: x ← x + (D + L)⁻¹ (b − A x); backward: x ← x + (D + U)⁻¹ (b − A x).
        var a = RandomDarcy(new Random(10), 8);
        var dense = a.ToMathNet();
        var random = new Random(11);
        var b = Vector<double>.Build.DenseOfArray(TestMatrices.RandomVector(random, a.Rows));
        var x0 = Vector<double>.Build.DenseOfArray(TestMatrices.RandomVector(random, a.Rows));
        var pointers = SparseTriangularSweeps.DiagonalPointers(a, "a");
        var inverseDiagonal = a.Diagonal().Select(d => 1 / d).ToArray();
        var forward = x0.ToArray();
        GaussSeidel.Forward(a, pointers, inverseDiagonal, b.ToArray(), forward);
        var expected = x0 + dense.LowerTriangle().Solve(b - dense * x0);
        Assert.That(forward, Is.EqualTo(expected.ToArray()).Within(1e-12 * expected.AbsoluteMaximum()));
        var backward = x0.ToArray();
        GaussSeidel.Backward(a, pointers, inverseDiagonal, b.ToArray(), backward);
        expected = x0 + dense.UpperTriangle().Solve(b - dense * x0);
        Assert.That(backward, Is.EqualTo(expected.ToArray()).Within(1e-12 * expected.AbsoluteMaximum()));
    }

    [Test]
    public void VCyclesWithTwoSweepsStaySymmetricAndConverge()
    {
        // Two sweeps take the general residual b − A x instead of the one-sweep shortcut.
        var (a, b) = ThermalBlock(14, 3, 5);
        var amg = new SmoothedAggregationPreconditioner(a, new SmoothedAggregationOptions(CoarsestSize: 30, PreSmoothingSweeps: 2, PostSmoothingSweeps: 2));
        var random = new Random(12);
        var x = TestMatrices.RandomVector(random, a.Rows);
        var y = TestMatrices.RandomVector(random, a.Rows);
        var (mx, my) = (new double[a.Rows], new double[a.Rows]);
        amg.Apply(x, mx);
        amg.Apply(y, my);
        Assert.That(Vectors.Dot(x, my), Is.EqualTo(Vectors.Dot(y, mx)).Within(1e-10 * Math.Abs(Vectors.Dot(x, my))));
        var result = new ConjugateGradient(new ConvergenceTest(1e-11)).Solve(a, b, amg);
        AssertSolves(a, b, result, 1e-11);
        Assert.That(result.Iterations, Is.LessThan(15));
    }

    [Test]
    public void TwoLevelVCycleEqualsTheDenseFormula()
    {
        // M⁻¹ b for one forward Gauss–Seidel sweep, the exact Galerkin correction and one backward sweep:
        // x₁ = (D + L)⁻¹ b, x₂ = x₁ + P (Pᵀ A P)⁻¹ Pᵀ (b − A x₁), x₃ = x₂ + (D + U)⁻¹ (b − A x₂).
        var a = Poisson(20);
        var amg = new SmoothedAggregationPreconditioner(a);
        Assert.That(amg.LevelSizes, Has.Count.EqualTo(2));
        var dense = a.ToMathNet();
        var p = amg.Prolongators[0].ToMathNet();
        var b = Vector<double>.Build.DenseOfArray(TestMatrices.RandomVector(new Random(2), a.Rows));
        var x1 = dense.LowerTriangle().Solve(b);
        var x2 = x1 + p * (p.Transpose() * dense * p).Cholesky().Solve(p.Transpose() * (b - dense * x1));
        var x3 = x2 + dense.UpperTriangle().Solve(b - dense * x2);
        var z = new double[a.Rows];
        amg.Apply(b.ToArray(), z);
        Assert.That(z, Is.EqualTo(x3.ToArray()).Within(1e-11 * x3.AbsoluteMaximum()));
    }

    [Test]
    public void AmgPcgSolvesTheThermalBlockLikeDenseLu()
    {
        var (a, b) = ThermalBlock(14, 3, 5);
        var result = new ConjugateGradient(new ConvergenceTest(1e-11)).Solve(a, b,
            new SmoothedAggregationPreconditioner(a, new SmoothedAggregationOptions(CoarsestSize: 30)));
        AssertSolves(a, b, result, 1e-11);
        Assert.That(result.Iterations, Is.LessThan(20));
    }

    [Test]
    public void AmgPcgIterationsGrowSlowlyWithRefinement()
    {
        int Iterations(int n)
        {
            var a = Poisson(n);
            var b = Enumerable.Repeat(1.0, a.Rows).ToArray();
            var result = new ConjugateGradient(new ConvergenceTest(1e-8)).Solve(a, b, new SmoothedAggregationPreconditioner(a));
            Assert.That(result.Converged, result.Message);
            return result.Iterations;
        }
        int coarse = Iterations(32), fine = Iterations(128);
        TestContext.Out.WriteLine($"AMG-PCG iterations: 32² → {coarse}, 128² → {fine}");
        Assert.That(fine, Is.LessThanOrEqualTo(1.5 * coarse));
    }

    [Test]
    public void NumericGalerkinRefillEqualsTheFullTripleProduct()
    {
        // 3-D Darcy matrices of two different fields share the 7-point pattern; P and R come from the first.
        var family = new DarcySpdFamily(new DarcySpdOptions(GridSize: 20, Dimension: 3, Count: 2, Seed: 4));
        var (a0, _) = family.System(0);
        var (a1, _) = family.System(1);
        var p = new SmoothedAggregationPreconditioner(a0).Prolongators[0];
        var r = p.Transpose();
        var galerkin = new GalerkinProduct(a0, p, r);
        foreach (var a in new[] { a0, a1 })
        {
            var full = r.Multiply(a.Multiply(p));
            var refilled = galerkin.Compute(a);
            Assert.That(refilled.RowPointers, Is.EqualTo(full.RowPointers));
            Assert.That(refilled.ColumnIndices, Is.EqualTo(full.ColumnIndices));
            Assert.That(refilled.Values, Is.EqualTo(full.Values), "bit for bit");
        }
        Assert.That(a0.Values, Is.Not.EqualTo(a1.Values), "the fields differ");
        Assert.That(Assert.Throws<ArgumentException>(() => galerkin.Compute(Poisson(20)))!.Message, Does.Contain("sparsity pattern"));
    }

    [Test]
    public void AReusedHierarchyPreconditionsOtherFieldsNearlyAsWellAsAFreshOne()
    {
        var family = new DarcySpdFamily(new DarcySpdOptions(GridSize: 18, Dimension: 3, Count: 5, Seed: 7));
        var template = new SmoothedAggregationPreconditioner(family.System(0).A);
        var same = template.Reuse(family.System(0).A);
        for (int l = 0; l < template.Operators.Count; l++)
            Assert.That(same.Operators[l].Values, Is.EqualTo(template.Operators[l].Values), $"reusing the hierarchy for its own matrix reproduces level {l}");
        var cg = new ConjugateGradient(new ConvergenceTest(1e-8));
        for (int i = 1; i < family.Options.Count; i++)
        {
            var (a, b) = family.System(i);
            var reused = cg.Solve(a, b, template.Reuse(a));
            var fresh = cg.Solve(a, b, new SmoothedAggregationPreconditioner(a));
            Assert.That(reused.Converged, reused.Message);
            Assert.That(TrueRelativeResidual(a, b, reused.Solution), Is.LessThanOrEqualTo(1e-8 * 1.0001), "recomputed residual");
            TestContext.Out.WriteLine($"system {i}: reused {reused.Iterations} iterations, fresh {fresh.Iterations}");
            Assert.That(reused.Iterations, Is.LessThanOrEqualTo(1.5 * fresh.Iterations + 2));
        }
        Assert.That(Assert.Throws<ArgumentException>(() => template.Reuse(Poisson(20)))!.Message, Does.Contain("sparsity pattern"));
    }

    [Test]
    public void NonSpdMatricesAndBadOptionsAreClearErrors()
    {
        var negative = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfDiagonalArray([1.0, -1.0, 2.0]));
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new SmoothedAggregationPreconditioner(negative))!.Message, Does.Contain("row 1"));
        var indefinite = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } }));
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new SmoothedAggregationPreconditioner(indefinite))!.Message, Does.Contain("not positive definite"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SmoothedAggregationPreconditioner(CsrMatrix.Identity(3), new SmoothedAggregationOptions(StrengthThreshold: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SmoothedAggregationPreconditioner(CsrMatrix.Identity(3), new SmoothedAggregationOptions(CoarsestSize: 0)));
    }
}
