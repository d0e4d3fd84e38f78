namespace Rom.Tests.Krylov;

/// <summary>Small test systems for the Krylov solvers and the checks every solve must pass.</summary>
internal static class KrylovTestProblems
{
    /// <summary>
    /// 5-point upwind −Δu + c·∇u on an n × n interior grid, scaled by h² — the matrix of
    /// validation/krylov_reference.py.
    /// </summary>
    public static CsrMatrix ConvectionDiffusion(int n, double cx = 30, double cy = 20)
    {
        double h = 1.0 / (n + 1);
        var rows = new List<int>(); var cols = new List<int>(); var vals = new List<double>();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                int k = i + n * j;
                rows.Add(k); cols.Add(k); vals.Add(4 + h * (cx + cy));
                foreach (var (di, dj, v) in new[] { (-1, 0, -1 - h * cx), (1, 0, -1.0), (0, -1, -1 - h * cy), (0, 1, -1.0) })
                {
                    int ii = i + di, jj = j + dj;
                    if (ii < 0 || ii >= n || jj < 0 || jj >= n) continue;
                    rows.Add(k); cols.Add(ii + n * jj); vals.Add(v);
                }
            }
        return CsrMatrix.FromTriplets(n * n, n * n, rows.ToArray(), cols.ToArray(), vals.ToArray());
    }

    /// <summary>The 5-point Laplacian tridiag-block(−1, 4, −1) on an n × n interior grid (SPD).</summary>
    public static CsrMatrix Poisson(int n) => ConvectionDiffusion(n, 0, 0);

    /// <summary>
    /// A Darcy-like non-symmetric matrix on an n × n grid: row i has 4 a_i on the diagonal and −a_j for each
    /// neighbour j, with random permeabilities a in [0.1, 1].
    /// </summary>
    public static CsrMatrix RandomDarcy(Random random, int n)
    {
        var perm = Enumerable.Range(0, n * n).Select(_ => 0.1 + 0.9 * random.NextDouble()).ToArray();
        var rows = new List<int>(); var cols = new List<int>(); var vals = new List<double>();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                int k = i + n * j;
                rows.Add(k); cols.Add(k); vals.Add(4 * perm[k]);
                foreach (var (ii, jj) in new[] { (i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1) })
                {
                    if (ii < 0 || ii >= n || jj < 0 || jj >= n) continue;
                    rows.Add(k); cols.Add(ii + n * jj); vals.Add(-perm[ii + n * jj]);
                }
            }
        return CsrMatrix.FromTriplets(n * n, n * n, rows.ToArray(), cols.ToArray(), vals.ToArray());
    }

    /// <summary>A random symmetric, diagonally dominant matrix whose diagonal alternates in sign: nonsingular and indefinite.</summary>
    public static CsrMatrix RandomSymmetricIndefinite(Random random, int n)
    {
        var m = TestMatrices.RandomSparse(random, n, n, 0.2);
        var s = m + m.Transpose();
        for (int i = 0; i < n; i++)
            s[i, i] = (i % 2 == 0 ? 1 : -1) * (s.Row(i).Map(Math.Abs).Sum() + 0.5 + random.NextDouble());
        return CsrMatrix.FromMathNet(s);
    }

    /// <summary>The thermal block stiffness matrix A(μ) with random μ in [0.1, 1] and its load vector.</summary>
    public static (CsrMatrix A, double[] B) ThermalBlock(int squares, int blocks, int seed)
    {
        var model = new ThermalBlockModel(new ThermalBlockOptions(blocks, blocks, squares));
        var random = new Random(seed);
        var mu = Parameter.Of(ThermalBlockModel.ParameterName,
            Enumerable.Range(0, blocks * blocks).Select(_ => 0.1 + 0.9 * random.NextDouble()).ToArray());
        return ((CsrMatrix)model.Operator(mu), model.RightHandSide(mu));
    }

    /// <summary>‖b − A x‖/‖b‖ recomputed from the returned solution.</summary>
    public static double TrueRelativeResidual(ILinearOperator a, double[] b, double[] x)
    {
        var ax = new double[b.Length];
        a.Apply(x, ax);
        for (int i = 0; i < ax.Length; i++) ax[i] = b[i] - ax[i];
        return Vectors.Norm(ax) / Vectors.Norm(b);
    }

    /// <summary>Asserts convergence, agreement with a dense LU solve to 1e-8 and the requested true relative residual.</summary>
    public static void AssertSolves(CsrMatrix a, double[] b, KrylovResult result, double tolerance)
    {
        Assert.That(result.Reason, Is.EqualTo(StopReason.Converged), result.Message);
        var exact = Matrix<double>.Build.DenseOfMatrix(a.ToMathNet()).LU().Solve(Vector<double>.Build.DenseOfArray(b));
        double error = (Vector<double>.Build.DenseOfArray(result.Solution) - exact).L2Norm() / exact.L2Norm();
        Assert.That(error, Is.LessThan(1e-8), "relative error against dense LU");
        Assert.That(TrueRelativeResidual(a, b, result.Solution), Is.LessThanOrEqualTo(tolerance), "recomputed relative residual");
        Assert.That(result.ResidualHistory, Has.Count.EqualTo(result.Iterations + 1));
        Assert.That(result.MatrixVectorProducts, Is.GreaterThanOrEqualTo(result.Iterations));
    }
}
