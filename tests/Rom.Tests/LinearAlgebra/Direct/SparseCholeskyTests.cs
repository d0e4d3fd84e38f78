namespace Rom.Tests.LinearAlgebra.Direct;

public class SparseCholeskyTests
{
    private static double RelativeError(double[] x, Vector<double> exact) =>
        (Vector<double>.Build.DenseOfArray(x) - exact).L2Norm() / exact.L2Norm();

    private static (ThermalBlockModel Model, CsrMatrix A, double[] B) ThermalBlock(int squares, TriangleSplit split, params double[] mu)
    {
        var model = new ThermalBlockModel(new ThermalBlockOptions(2, 2, squares, split));
        var parameter = Parameter.Of(ThermalBlockModel.ParameterName, mu);
        return (model, (CsrMatrix)model.AffineOperator.At(parameter), model.RightHandSide(parameter));
    }

    [TestCase(1, 1, 1.0, 64)]
    [TestCase(2, 2, 1.0, 1)]
    [TestCase(3, 10, 0.3, 2)]
    [TestCase(4, 60, 0.1, 4)]
    [TestCase(5, 150, 0.03, 8)]
    [TestCase(6, 150, 0.03, 64)]
    public void SolvesRandomSpdSystemsLikeDenseCholesky(int seed, int n, double fill, int leafSize)
    {
        var random = new Random(seed);
        var a = TestMatrices.RandomSpd(random, n, fill);
        var b = TestMatrices.RandomVector(random, n);
        var x = new double[n];
        SparseCholesky.Factor(a, new CholeskyOptions(LeafSize: leafSize)).Solve(b, x);

        var exact = a.ToMathNet().ToArray() is var dense
            ? Matrix<double>.Build.DenseOfArray(dense).Cholesky().Solve(Vector<double>.Build.DenseOfArray(b))
            : null!;
        Assert.That(RelativeError(x, exact), Is.LessThan(1e-12));
    }

    [TestCase(TriangleSplit.Two)]
    [TestCase(TriangleSplit.FourAroundCentre)]
    public void SolvesThermalBlockLikeDenseLu(TriangleSplit split)
    {
        var (_, a, b) = ThermalBlock(14, split, 0.8, 0.2, 0.5, 0.1);
        var x = new double[a.Rows];
        SparseCholesky.Factor(a).Solve(b, x);

        var exact = Matrix<double>.Build.DenseOfMatrix(a.ToMathNet()).LU().Solve(Vector<double>.Build.DenseOfArray(b));
        Assert.That(RelativeError(x, exact), Is.LessThan(1e-12));
    }

    [Test]
    public void FactorTimesItsTransposeIsThePermutedMatrix()
    {
        var (_, a, _) = ThermalBlock(9, TriangleSplit.FourAroundCentre, 0.8, 0.2, 0.5, 0.1);
        var cholesky = SparseCholesky.Factor(a, new CholeskyOptions(LeafSize: 8));
        var l = cholesky.LowerFactor().ToMathNet();
        var perm = cholesky.Symbolic.Permutation;
        var dense = a.ToMathNet();
        var permuted = Matrix<double>.Build.Dense(a.Rows, a.Rows, (i, j) => dense[perm[i], perm[j]]);

        Assert.That((l * l.Transpose() - permuted).FrobeniusNorm(), Is.LessThan(1e-12 * permuted.FrobeniusNorm()));
        Assert.That(l.UpperTriangle().StrictlyUpperTriangle().FrobeniusNorm(), Is.Zero);
    }

    [Test]
    public void SymbolicColumnCountsEqualTheNumericFactors()
    {
        // Not the thermal block: its P1 matrices store exact zeros (right angles opposite an edge), which the
        // symbolic analysis counts as entries but the numeric factor need not fill.
        var random = new Random(11);
        foreach (var a in new[] { TestMatrices.RandomSpd(random, 120, 0.04), TestMatrices.GridLaplacian(11) })
        {
            var cholesky = SparseCholesky.Factor(a, new CholeskyOptions(LeafSize: 6));
            var l = cholesky.LowerFactor();
            var numericCounts = new int[a.Rows];
            foreach (int j in l.ColumnIndices) numericCounts[j]++;

            Assert.That(numericCounts, Is.EqualTo(cholesky.Symbolic.ColumnCounts));
            Assert.That(cholesky.NonZerosInFactor, Is.EqualTo(l.NonZeros));
        }
    }

    [Test]
    public void RefactorWithNewValuesMatchesAFreshFactorisation()
    {
        var (model, a, b) = ThermalBlock(12, TriangleSplit.FourAroundCentre, 0.8, 0.2, 0.5, 0.1);
        var cholesky = SparseCholesky.Factor(a);
        var other = (CsrMatrix)model.AffineOperator.At(Parameter.Of(ThermalBlockModel.ParameterName, 0.1, 1.0, 0.3, 0.7));
        cholesky.Refactor(other);
        var x = new double[a.Rows];
        cholesky.Solve(b, x);

        var exact = Matrix<double>.Build.DenseOfMatrix(other.ToMathNet()).LU().Solve(Vector<double>.Build.DenseOfArray(b));
        Assert.That(RelativeError(x, exact), Is.LessThan(1e-12));
        var fresh = new double[a.Rows];
        SparseCholesky.Factor(other, cholesky.Symbolic).Solve(b, fresh);
        Assert.That(fresh, Is.EqualTo(x).Within(1e-15).Percent);
    }

    [Test]
    public void RefactorRejectsAnotherPattern()
    {
        var random = new Random(3);
        var cholesky = SparseCholesky.Factor(TestMatrices.RandomSpd(random, 30, 0.1));
        var other = TestMatrices.RandomSpd(random, 30, 0.1);

        var e = Assert.Throws<ArgumentException>(() => cholesky.Refactor(other))!;
        Assert.That(e.ParamName, Is.EqualTo("a"));
        Assert.That(e.Message, Does.Contain("pattern"));
    }

    [Test]
    public void BlockSolveEqualsColumnByColumnSolves()
    {
        var random = new Random(7);
        var a = TestMatrices.RandomSpd(random, 80, 0.05);
        var cholesky = SparseCholesky.Factor(a, new CholeskyOptions(LeafSize: 5));
        const int count = 5;
        var b = TestMatrices.RandomVector(random, a.Rows * count);
        var x = new double[b.Length];
        cholesky.SolveBlock(b, x, count);

        for (int k = 0; k < count; k++)
        {
            var column = new double[a.Rows];
            cholesky.Solve(b.AsSpan(k * a.Rows, a.Rows), column);
            Assert.That(x.AsSpan(k * a.Rows, a.Rows).ToArray(), Is.EqualTo(column), $"column {k}");
        }
        cholesky.SolveBlock(b, b, count);
        Assert.That(b, Is.EqualTo(x), "b and x may be the same storage");
    }

    [Test]
    public void NegativeDiagonalGivesAClearError()
    {
        var a = TestMatrices.GridLaplacian(4);
        a.Values[Array.IndexOf(a.ColumnIndices, 9, a.RowPointers[9])] = -4;

        var e = Assert.Throws<NotPositiveDefiniteException>(() => SparseCholesky.Factor(a))!;
        Assert.That(e.Message, Does.Contain("not positive definite at column"));
        Assert.That(e.Pivot, Is.LessThanOrEqualTo(0));
        Assert.That(e.ParamName, Is.EqualTo("a"));
        Assert.That(e, Is.InstanceOf<ArgumentException>());
    }

    [Test]
    public void IndefiniteMatrixNamesTheFailingColumnAndLeavesNoFactor()
    {
        var spd = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1.0 }, { 1.0, 2.0 } }));
        var indefinite = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } }));
        var cholesky = SparseCholesky.Factor(spd, new CholeskyOptions(FillReducingOrdering.Natural));

        var e = Assert.Throws<NotPositiveDefiniteException>(() => cholesky.Refactor(indefinite))!;
        Assert.That(e.Column, Is.EqualTo(1));
        Assert.That(e.Pivot, Is.EqualTo(-3).Within(1e-14));
        Assert.Throws<InvalidOperationException>(() => cholesky.Solve(new double[2], new double[2]));
    }

    /// <summary>
    /// Round-off in an entry far below √(a_ii·a_jj) is not asymmetry (a fuzzed case file had a 5e-9 relative difference
    /// in an entry of 6e-16 beside a diagonal of order 1, and the factorisation refused it); a difference of that size
    /// relative to the diagonal is.
    /// </summary>
    [Test]
    public void SymmetryIsJudgedOnTheDiagonalScale()
    {
        var tiny = Matrix<double>.Build.DenseOfArray(new[,] { { 4.0, 5.950099132313627E-16 }, { 5.9500990992264025E-16, 4.0 } });
        var a = CsrMatrix.FromMathNet(tiny);
        Assert.That(a.FindAsymmetry(), Is.Null);
        Assert.DoesNotThrow(() => SparseCholesky.Factor(a));

        var visible = Matrix<double>.Build.DenseOfArray(new[,] { { 4.0, 1.0 }, { 1.0 + 1e-9, 4.0 } });
        Assert.That(CsrMatrix.FromMathNet(visible).FindAsymmetry(), Is.EqualTo((0, 1, 1.0, 1.0 + 1e-9)));
        Assert.Throws<ArgumentException>(() => SparseCholesky.Factor(CsrMatrix.FromMathNet(visible)));

        var missingTwin = CsrMatrix.FromTriplets(3, 3, [0, 1, 2, 2], [0, 1, 2, 0], [1.0, 1.0, 1.0, 0.5]);
        Assert.That(missingTwin.FindAsymmetry(), Is.EqualTo((0, 2, 0.0, 0.5)));
    }

    [Test]
    public void AsymmetricInputIsRejected()
    {
        var values = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1.0 }, { 0.5, 2.0 } });
        var e = Assert.Throws<ArgumentException>(() => SparseCholesky.Factor(CsrMatrix.FromMathNet(values)))!;
        Assert.That(e.Message, Does.Contain("not symmetric"));

        var pattern = Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 1.0, 0 }, { 0, 2.0, 0 }, { 0, 0, 1 } });
        e = Assert.Throws<ArgumentException>(() => SparseCholesky.Factor(CsrMatrix.FromMathNet(pattern)))!;
        Assert.That(e.Message, Does.Contain("pattern is not symmetric"));

        var unchecked_ = SparseCholesky.Factor(CsrMatrix.FromMathNet(values), new CholeskyOptions(CheckSymmetry: false));
        Assert.That(unchecked_.Dimension, Is.EqualTo(2), "without the check only the lower triangle is read");

        Assert.Throws<ArgumentException>(() => SparseCholesky.Factor(new CsrMatrix(2, 3, [0, 0, 0], [], [])));
        Assert.Throws<ArgumentException>(() => SparseCholesky.Factor(CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { double.NaN } }))));
    }

    [Test]
    public void OneByOneAndEmptyMatrices()
    {
        var one = SparseCholesky.Factor(new CsrMatrix(1, 1, [0, 1], [0], [4.0]));
        var x = new double[1];
        one.Solve([2.0], x);
        Assert.That(x[0], Is.EqualTo(0.5));
        Assert.That(one.NonZerosInFactor, Is.EqualTo(1));

        var empty = SparseCholesky.Factor(new CsrMatrix(0, 0, [0], [], []));
        Assert.That(empty.Dimension, Is.Zero);
        Assert.That(empty.NonZerosInFactor, Is.Zero);
        empty.Solve([], []);
        empty.SolveBlock([], [], 3);

        var zeroPivot = new CsrMatrix(2, 2, [0, 1, 1], [0], [1.0]);
        Assert.That(Assert.Throws<NotPositiveDefiniteException>(() => SparseCholesky.Factor(zeroPivot))!.Pivot, Is.Zero, "a missing diagonal is a zero pivot");
    }

    [Test]
    public void SolveChecksLengths()
    {
        var cholesky = SparseCholesky.Factor(TestMatrices.GridLaplacian(3));
        Assert.Throws<ArgumentException>(() => cholesky.Solve(new double[8], new double[9]));
        Assert.Throws<ArgumentException>(() => cholesky.SolveBlock(new double[18], new double[9], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => cholesky.SolveBlock([], [], -1));
    }

    [Test]
    public void NestedDissectionFillOnAGridIsFarBelowTheBandedFill()
    {
        const int k = 100;
        var a = TestMatrices.GridLaplacian(k);
        int nestedDissection = SymbolicCholesky.Analyze(a).NonZerosInFactor;
        int natural = SymbolicCholesky.Analyze(a, new CholeskyOptions(FillReducingOrdering.Natural)).NonZerosInFactor;

        Assert.That(nestedDissection, Is.LessThan(30 * k * k));
        Assert.That(natural, Is.GreaterThan(90 * k * k), "natural order fills the whole band of width k");
    }

    [Test]
    public void FactoryMakesAnInverseOperator()
    {
        var a = TestMatrices.GridLaplacian(6);
        IInverseOperator inverse = SparseCholesky.Factory()(a);
        var b = TestMatrices.RandomVector(new Random(2), a.Rows);
        var x = new double[a.Rows];
        inverse.Solve(b, x);
        var ax = new double[a.Rows];
        a.Apply(x, ax);
        Assert.That(ax, Is.EqualTo(b).Within(1e-12));
    }
}
