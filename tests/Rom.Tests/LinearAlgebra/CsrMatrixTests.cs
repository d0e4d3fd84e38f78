namespace Rom.Tests.LinearAlgebra;

public class CsrMatrixTests
{
    private static double MaxDifference(Matrix<double> a, Matrix<double> b) => (a - b).Enumerate().Max(Math.Abs);

    [TestCase(1, 7, 5)]
    [TestCase(2, 13, 13)]
    [TestCase(3, 4, 17)]
    public void FromTripletsSumsDuplicatesLikeDense(int seed, int rows, int cols)
    {
        var random = new Random(seed);
        var dense = Matrix<double>.Build.Dense(rows, cols);
        var ri = new List<int>(); var ci = new List<int>(); var vi = new List<double>();
        for (int k = 0; k < 3 * rows * cols / 4; k++)
        {
            int i = random.Next(rows), j = random.Next(cols);
            double v = 2 * random.NextDouble() - 1;
            ri.Add(i); ci.Add(j); vi.Add(v);
            dense[i, j] += v;
        }
        var csr = CsrMatrix.FromTriplets(rows, cols, ri.ToArray(), ci.ToArray(), vi.ToArray());
        Assert.That(MaxDifference(csr.ToMathNet(), dense), Is.LessThan(1e-14));
        for (int i = 0; i < rows; i++)
            for (int k = csr.RowPointers[i] + 1; k < csr.RowPointers[i + 1]; k++)
                Assert.That(csr.ColumnIndices[k], Is.GreaterThan(csr.ColumnIndices[k - 1]));
    }

    [TestCase(4, 9, 6)]
    [TestCase(5, 16, 16)]
    public void OperationsMatchDense(int seed, int rows, int cols)
    {
        var random = new Random(seed);
        var dense = TestMatrices.RandomSparse(random, rows, cols, 0.3);
        var csr = CsrMatrix.FromMathNet(dense);
        Assert.That(csr.NonZeros, Is.EqualTo(dense.Enumerate().Count(v => v != 0)));

        var x = TestMatrices.RandomVector(random, cols);
        var y = new double[rows];
        csr.Apply(x, y);
        Assert.That((Vector<double>.Build.DenseOfArray(y) - dense * Vector<double>.Build.DenseOfArray(x)).InfinityNorm(), Is.LessThan(1e-14));

        var xt = TestMatrices.RandomVector(random, rows);
        var yt = new double[cols];
        csr.ApplyTranspose(xt, yt);
        Assert.That((Vector<double>.Build.DenseOfArray(yt) - dense.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(xt))).InfinityNorm(), Is.LessThan(1e-14));

        Assert.That(csr.Diagonal(), Is.EqualTo(dense.Diagonal().ToArray()));
        Assert.That(MaxDifference(csr.Transpose().ToMathNet(), dense.Transpose()), Is.Zero);
        Assert.That(MaxDifference(CsrMatrix.FromMathNet(csr.ToMathNet()).ToMathNet(), dense), Is.Zero);

        int[] keepRows = [rows - 1, 0, 2];
        int[] keepCols = [1, cols - 1, 3];
        var sub = csr.Submatrix(keepRows, keepCols).ToMathNet();
        for (int r = 0; r < keepRows.Length; r++)
            for (int c = 0; c < keepCols.Length; c++)
                Assert.That(sub[r, c], Is.EqualTo(dense[keepRows[r], keepCols[c]]));
        Assert.That(csr[2, 3], Is.EqualTo(dense[2, 3]));
    }

    [Test]
    public void ApplyBlockDefaultAppliesEachColumn()
    {
        var random = new Random(8);
        var dense = TestMatrices.RandomSparse(random, 5, 4, 0.5);
        ILinearOperator a = CsrMatrix.FromMathNet(dense);
        var x = TestMatrices.RandomVector(random, 4 * 3);
        var y = new double[5 * 3];
        a.ApplyBlock(x, y, 3);
        var expected = dense * Matrix<double>.Build.Dense(4, 3, x);
        Assert.That(y, Is.EqualTo(expected.ToColumnMajorArray()).Within(1e-14));
        Assert.Throws<ArgumentException>(() => a.ApplyBlock(x, new double[14], 3));
    }

    [Test]
    public void WithValuesSharesThePatternAndChecksTheCount()
    {
        var csr = CsrMatrix.FromMathNet(TestMatrices.RandomSparse(new Random(4), 6, 5, 0.4));
        var doubled = csr.WithValues(csr.Values.Select(v => 2 * v).ToArray());
        Assert.That(doubled.RowPointers, Is.SameAs(csr.RowPointers));
        Assert.That(doubled.ColumnIndices, Is.SameAs(csr.ColumnIndices));
        Assert.That(doubled.ToMathNet().ToArray(), Is.EqualTo((2 * csr.ToMathNet()).ToArray()));
        Assert.That(Assert.Throws<ArgumentException>(() => csr.WithValues(new double[csr.NonZeros + 1]))!.Message, Does.Contain($"{csr.NonZeros} stored entries"));
    }

    [Test]
    public void InvalidArraysAreRejected()
    {
        Assert.Throws<ArgumentException>(() => _ = new CsrMatrix(2, 2, [0, 1], [0], [1.0]), "indptr too short");
        Assert.Throws<ArgumentException>(() => _ = new CsrMatrix(2, 2, [1, 1, 1], [0], [1.0]), "indptr[0] ≠ 0");
        Assert.Throws<ArgumentException>(() => _ = new CsrMatrix(2, 2, [0, 1, 2], [0, 1], [1.0]), "indices and data differ");
        Assert.Throws<ArgumentException>(() => _ = new CsrMatrix(2, 2, [0, 1, 3], [0, 1], [1.0, 2.0]), "indptr[rows] ≠ nnz");
        Assert.Throws<ArgumentException>(() => _ = new CsrMatrix(2, 2, [0, 2, 1], [0, 1], [1.0, 2.0]), "indptr decreases");
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new CsrMatrix(2, 2, [0, 3, 2], [0, 1], [1.0, 2.0]), "intermediate indptr past nnz")!.Message,
            Does.Contain("indptr[1] is 3, beyond the 2 stored entries"));
        Assert.Throws<ArgumentException>(() => _ = new CsrMatrix(2, 2, [0, 1, 2], [0, 2], [1.0, 2.0]), "column out of range");
        Assert.Throws<ArgumentException>(() => _ = new CsrMatrix(1, 3, [0, 2], [2, 1], [1.0, 2.0]), "unsorted columns");
        Assert.Throws<ArgumentException>(() => _ = new CsrMatrix(1, 3, [0, 2], [1, 1], [1.0, 2.0]), "repeated columns");
        Assert.Throws<ArgumentException>(() => CsrMatrix.FromTriplets(2, 2, [0, 2], [0, 0], [1.0, 1.0]), "triplet row out of range");
        Assert.Throws<ArgumentException>(() => CsrMatrix.FromTriplets(2, 2, [0], [0, 1], [1.0]), "triplet lengths differ");
        var a = CsrMatrix.Identity(3);
        Assert.Throws<ArgumentException>(() => a.Apply(new double[2], new double[3]));
        Assert.Throws<ArgumentException>(() => a.ApplyTranspose(new double[3], new double[2]));
    }
}
