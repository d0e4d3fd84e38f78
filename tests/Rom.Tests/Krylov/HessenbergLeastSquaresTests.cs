namespace Rom.Tests.Krylov;

public class HessenbergLeastSquaresTests
{
    [Test]
    public void GeneralRightHandSideMatchesDenseLeastSquares()
    {
        // GCRO-DR's shape: k diagonal columns, then Hessenberg columns, right-hand side [Cᵀr; β; 0…].
        const int m = 7, k = 3;
        var random = new Random(4);
        var g = Matrix<double>.Build.Dense(m + 1, m);
        for (int j = 0; j < m; j++)
        {
            if (j < k) g[j, j] = 0.5 + random.NextDouble();
            else
                for (int i = 0; i <= j + 1; i++) g[i, j] = 2 * random.NextDouble() - 1;
        }
        var rhs = new double[m + 1];
        for (int i = 0; i <= k; i++) rhs[i] = 2 * random.NextDouble() - 1;

        var ls = new HessenbergLeastSquares(m);
        ls.Reset(rhs);
        double residual = 0;
        for (int j = 0; j < m; j++)
        {
            var column = ls.NextColumn;
            for (int i = 0; i < column.Length; i++) column[i] = g[i, j];
            residual = ls.CommitColumn();
        }
        var y = new double[m];
        Assert.That(ls.Solve(y), Is.EqualTo(m));
        var rhsVector = Vector<double>.Build.DenseOfArray(rhs);
        var expected = g.QR().Solve(rhsVector);
        Assert.That(y, Is.EqualTo(expected.ToArray()).Within(1e-12));
        Assert.That(residual, Is.EqualTo((rhsVector - g * expected).L2Norm()).Within(1e-12));
    }
}
