namespace Rom.Tests.LinearAlgebra.Direct;

public class SymbolicCholeskyTests
{
    [Test]
    public void ColumnCountsMatchADenseFactorsPattern()
    {
        var random = new Random(9);
        var a = TestMatrices.RandomSpd(random, 70, 0.05);
        var symbolic = SymbolicCholesky.Analyze(a, new CholeskyOptions(LeafSize: 4));
        var perm = symbolic.Permutation;
        var dense = a.ToMathNet();
        var l = Matrix<double>.Build.Dense(a.Rows, a.Rows, (i, j) => dense[perm[i], perm[j]]).Cholesky().Factor;

        for (int j = 0; j < a.Rows; j++)
        {
            int count = 0;
            for (int i = j; i < a.Rows; i++)
                if (Math.Abs(l[i, j]) > 1e-14) count++;
            Assert.That(symbolic.ColumnCounts[j], Is.EqualTo(count), $"column {j}");
        }
        Assert.That(symbolic.NonZerosInFactor, Is.EqualTo(symbolic.ColumnCounts.Sum()));
        Assert.That(symbolic.StoredValues, Is.GreaterThanOrEqualTo(symbolic.NonZerosInFactor));
    }

    [Test]
    public void EliminationTreeParentsComeLaterAndMatchTheFirstSubdiagonalEntry()
    {
        var a = TestMatrices.GridLaplacian(9);
        var cholesky = SparseCholesky.Factor(a, new CholeskyOptions(LeafSize: 3));
        var l = cholesky.LowerFactor().Transpose();   // row j of Lᵀ is column j of L
        var parent = cholesky.Symbolic.EliminationTree;

        for (int j = 0; j < a.Rows; j++)
        {
            var below = l.ColumnIndices[l.RowPointers[j]..l.RowPointers[j + 1]].Where(i => i > j).ToArray();
            Assert.That(parent[j], Is.EqualTo(below.Length == 0 ? -1 : below.Min()), $"column {j}");
        }
    }

    [Test]
    public void MatchesOnlyTheAnalysedPattern()
    {
        var a = TestMatrices.GridLaplacian(5);
        var symbolic = SymbolicCholesky.Analyze(a);
        var scaled = new CsrMatrix(a.Rows, a.Cols, a.RowPointers, a.ColumnIndices, a.Values.Select(v => 2 * v).ToArray());

        Assert.That(symbolic.Matches(scaled), Is.True);
        Assert.That(symbolic.Matches(TestMatrices.GridLaplacian(4)), Is.False);
        Assert.That(symbolic.Matches(CsrMatrix.Identity(25)), Is.False);
        Assert.That(symbolic.SupernodeCount, Is.InRange(1, 25));
    }

    [Test]
    public void OptionsAreValidated()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SymbolicCholesky.Analyze(CsrMatrix.Identity(2), new CholeskyOptions(LeafSize: 0)))!;
        Assert.That(e.ParamName, Is.EqualTo("LeafSize"));
    }
}
