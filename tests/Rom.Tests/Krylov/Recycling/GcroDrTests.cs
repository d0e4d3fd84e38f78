namespace Rom.Tests.Krylov.Recycling;

public class GcroDrTests
{
    [Test]
    public void SolvesOneDarcySystemLikeDenseLu()
    {
        var (a, b) = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 18, Count: 1, Seed: 4)).System(0);
        var solver = new GcroDr(new GcroDrOptions(Restart: 20, RecycleSize: 6) { Stopping = new(1e-11) });
        var result = solver.Solve(a, b);
        Assert.That(result.Converged, result.Message);
        var exact = a.ToMathNet().LU().Solve(Vector<double>.Build.DenseOfArray(b));
        Assert.That((Vector<double>.Build.DenseOfArray(result.Solution) - exact).InfinityNorm() / exact.InfinityNorm(), Is.LessThan(1e-8));
        Assert.That(Residual(a, b, result.Solution), Is.LessThanOrEqualTo(1e-11));
        Assert.That(solver.RecycledDimension, Is.InRange(6, 7));
        Assert.That(result.MatrixVectorProducts, Is.GreaterThan(result.Iterations));
    }

    [Test]
    public void RightPreconditionedSolveReachesTheTrueResidual()
    {
        var (a, b) = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 18, Count: 2, Seed: 8)).System(1);
        var solver = new GcroDr(new GcroDrOptions(Restart: 15, RecycleSize: 5) { Stopping = new(1e-10) });
        var jacobi = new JacobiPreconditioner(a);
        var first = solver.Solve(a, b, jacobi);
        var second = solver.Solve(a, b, jacobi);
        Assert.That(first.Converged && second.Converged, first.Message + " / " + second.Message);
        Assert.That(Residual(a, b, second.Solution), Is.LessThanOrEqualTo(1e-10));
        Assert.That(second.MatrixVectorProducts, Is.LessThan(first.MatrixVectorProducts), "recycling helps on the same matrix");
    }

    [Test]
    public void RecyclingAcrossSlowlyVaryingDarcySystemsNeedsFarFewerProductsThanGmres()
    {
        var family = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 34, Count: 2, Seed: 11));
        var fields = SlowlyVaryingFields(family, 10, 0.3);
        var gcro = new GcroDr(new GcroDrOptions(Restart: 40, RecycleSize: 20) { Stopping = new(1e-8) });
        var gmres = new Gmres(new GmresOptions(Restart: 40) { Stopping = new(1e-8) });
        int recycled = 0, independent = 0;
        foreach (var field in fields)
        {
            var (a, b) = SkrDarcyFamily.Assemble(field, 0);
            var r1 = gcro.Solve(a, b);
            var r2 = gmres.Solve(a, b);
            Assert.That(r1.Converged, r1.Message);
            Assert.That(r2.Converged, r2.Message);
            Assert.That(Residual(a, b, r1.Solution), Is.LessThanOrEqualTo(1e-8));
            recycled += r1.MatrixVectorProducts;
            independent += r2.MatrixVectorProducts;
            TestContext.Out.WriteLine($"GCRO-DR {r1.MatrixVectorProducts,5}   GMRES {r2.MatrixVectorProducts,5}   (k = {gcro.RecycledDimension})");
        }
        TestContext.Out.WriteLine($"total: GCRO-DR(40,20) {recycled}, GMRES(40) {independent}, ratio {(double)independent / recycled:F2}");
        Assert.That(independent, Is.GreaterThanOrEqualTo(1.5 * recycled));
    }

    [Test]
    public void RecycleSpaceSurvivesAChangingMatrixAndResetForgetsIt()
    {
        var family = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 14, Count: 3, Seed: 2));
        var solver = new GcroDr(new GcroDrOptions(Restart: 12, RecycleSize: 4) { Stopping = new(1e-10) });
        for (int i = 0; i < 3; i++)
        {
            var (a, b) = family.HelmholtzSystem(i);
            var result = solver.Solve(a, b);
            Assert.That(result.Converged, result.Message);
            Assert.That(Residual(a, b, result.Solution), Is.LessThanOrEqualTo(1e-10));
            Assert.That(solver.RecycledDimension, Is.InRange(4, 5));
        }
        // A system of another size cannot use the old space: the solve starts afresh.
        var (small, load) = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 10, Count: 1)).System(0);
        Assert.That(Residual(small, load, solver.Solve(small, load).Solution), Is.LessThanOrEqualTo(1e-10));
        solver.Reset();
        Assert.That(solver.RecycledDimension, Is.Zero);
    }

    [Test]
    public void ChecksOptionsAndHandlesTrivialRightHandSides()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GcroDr(new GcroDrOptions(RecycleSize: 39)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GcroDr(new GcroDrOptions(Restart: 2)));
        var (a, _) = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 6, Count: 1)).System(0);
        var solver = new GcroDr(new GcroDrOptions());
        Assert.That(solver.Solve(a, new double[a.Rows]).Solution, Is.All.Zero);
        var nan = new double[a.Rows];
        nan[0] = double.NaN;
        Assert.That(solver.Solve(a, nan).Reason, Is.EqualTo(StopReason.NonFinite));
        Assert.Throws<ArgumentException>(() => solver.Solve(a, new double[3]));
        // Restart larger than n: still solves exactly (n = 16).
        var ones = Enumerable.Repeat(1.0, a.Rows).ToArray();
        Assert.That(Residual(a, ones, solver.Solve(a, ones).Solution), Is.LessThan(1e-10));
    }

    // Fields a_t = exp((1 − t) g₀ + t g₁), t = 0..end evenly: neighbours differ a little, as after sorting.
    internal static List<double[,]> SlowlyVaryingFields(SkrDarcyFamily family, int count, double end)
    {
        var f0 = family.Coefficient(0);
        var f1 = family.Coefficient(1);
        int s = f0.GetLength(0);
        var fields = new List<double[,]>();
        for (int q = 0; q < count; q++)
        {
            double t = end * q / (count - 1);
            var f = new double[s, s];
            for (int i = 0; i < s; i++)
                for (int j = 0; j < s; j++)
                    f[i, j] = Math.Exp((1 - t) * Math.Log(f0[i, j]) + t * Math.Log(f1[i, j]));
            fields.Add(f);
        }
        return fields;
    }

    private static double Residual(CsrMatrix a, double[] b, double[] x)
    {
        var ax = new double[a.Rows];
        a.Apply(x, ax);
        for (int i = 0; i < ax.Length; i++) ax[i] = b[i] - ax[i];
        return Vectors.Norm(ax) / Vectors.Norm(b);
    }
}
