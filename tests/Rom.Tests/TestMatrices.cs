using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra;

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

    /// <summary>A vector of uniform entries in [−1, 1].</summary>
    public static double[] RandomVector(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1).ToArray();
}
