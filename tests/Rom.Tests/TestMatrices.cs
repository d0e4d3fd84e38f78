namespace Rom.Tests;

/// <summary>Seeded random test matrices and vectors.</summary>
internal static class TestMatrices
{
    /// <summary>A random sparse matrix with roughly the given fill, as dense MathNet.</summary>
    public static Matrix<double> RandomSparse(Random random, int rows, int cols, double fill)
    {
        var m = Matrix<double>.Build.Dense(rows, cols);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (random.NextDouble() < fill)
                    m[i, j] = 2 * random.NextDouble() - 1;
        return m;
    }

    /// <summary>A random sparse symmetric positive definite matrix (diagonally dominant), as CSR.</summary>
    public static CsrMatrix RandomSpd(Random random, int n, double fill = 0.2)
    {
        var m = RandomSparse(random, n, n, fill);
        var s = m + m.Transpose();
        for (int i = 0; i < n; i++)
            s[i, i] = s.Row(i).Map(Math.Abs).Sum() + 0.5 + 10 * random.NextDouble();
        return CsrMatrix.FromMathNet(s);
    }

    /// <summary>A dense matrix of uniform entries in [−0.5, 0.5], drawn column by column.</summary>
    public static Matrix<double> RandomCentred(Random random, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, (_, _) => random.NextDouble() - 0.5);

    /// <summary>A vector of uniform entries in [−1, 1].</summary>
    public static double[] RandomVector(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1).ToArray();

    /// <summary>The 5-point Laplacian of a k × k grid of unknowns (Dirichlet boundary), n = k², in natural order.</summary>
    public static CsrMatrix GridLaplacian(int k)
    {
        var rows = new List<int>(); var cols = new List<int>(); var vals = new List<double>();
        void Add(int i, int j, double v) { rows.Add(i); cols.Add(j); vals.Add(v); }
        for (int y = 0; y < k; y++)
            for (int x = 0; x < k; x++)
            {
                int i = x + k * y;
                Add(i, i, 4);
                if (x > 0) Add(i, i - 1, -1);
                if (x < k - 1) Add(i, i + 1, -1);
                if (y > 0) Add(i, i - k, -1);
                if (y < k - 1) Add(i, i + k, -1);
            }
        return CsrMatrix.FromTriplets(k * k, k * k, rows.ToArray(), cols.ToArray(), vals.ToArray());
    }
}
