using static Rom.Tests.Krylov.KrylovTestProblems;

namespace Rom.Tests.Krylov;

public class PreconditionerTests
{
    private static CsrMatrix Tridiagonal(int n, double lower, double diagonal, double upper)
    {
        var m = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            m[i, i] = diagonal + 0.1 * i;
            if (i > 0) m[i, i - 1] = lower;
            if (i < n - 1) m[i, i + 1] = upper;
        }
        return CsrMatrix.FromMathNet(m);
    }

    private static double[] Apply(IPreconditioner m, double[] r)
    {
        var z = new double[r.Length];
        m.Apply(r, z);
        return z;
    }

    [Test]
    public void Ilu0OfATridiagonalMatrixIsItsExactLu()
    {
        var a = Tridiagonal(40, -1.3, 4, -0.7);
        var b = TestMatrices.RandomVector(new Random(1), 40);
        var exact = Matrix<double>.Build.DenseOfMatrix(a.ToMathNet()).LU().Solve(Vector<double>.Build.DenseOfArray(b));
        Assert.That(Apply(new Ilu0Preconditioner(a), b), Is.EqualTo(exact.ToArray()).Within(1e-12));
        var result = new Gmres(new GmresOptions { Stopping = new(1e-12) }).Solve(a, b, new Ilu0Preconditioner(a));
        Assert.That(result.Converged, result.Message);
        Assert.That(result.Iterations, Is.LessThanOrEqualTo(2));
    }

    [Test]
    public void IncompleteCholeskyOfATridiagonalSpdMatrixIsItsExactCholesky()
    {
        var a = Tridiagonal(40, -1, 2.5, -1);
        var b = TestMatrices.RandomVector(new Random(2), 40);
        var ic = new IncompleteCholeskyPreconditioner(a);
        var exact = Matrix<double>.Build.DenseOfMatrix(a.ToMathNet()).Cholesky();
        Assert.That(ic.Factor.ToMathNet().ToArray(), Is.EqualTo(exact.Factor.ToArray()).Within(1e-12));
        var result = new ConjugateGradient(new ConvergenceTest(1e-12)).Solve(a, b, ic);
        Assert.That(result.Converged, result.Message);
        Assert.That(result.Iterations, Is.LessThanOrEqualTo(2));
    }

    [Test]
    public void Ilu0AndIc0SpeedUpKrylovSolvesAndStayAccurate()
    {
        var (a, b) = ThermalBlock(12, 3, 4);
        var cgJacobi = new ConjugateGradient(new ConvergenceTest(1e-12)).Solve(a, b, new JacobiPreconditioner(a));
        var cgIc = new ConjugateGradient(new ConvergenceTest(1e-12)).Solve(a, b, new IncompleteCholeskyPreconditioner(a));
        AssertSolves(a, b, cgIc, 1e-12);
        Assert.That(cgIc.Iterations, Is.LessThan(cgJacobi.Iterations));

        var c = ConvectionDiffusion(15);
        var rhs = TestMatrices.RandomVector(new Random(3), c.Rows);
        var plain = new BiCgStab(new ConvergenceTest(1e-12)).Solve(c, rhs);
        var ilu = new BiCgStab(new ConvergenceTest(1e-12)).Solve(c, rhs, new Ilu0Preconditioner(c));
        AssertSolves(c, rhs, ilu, 1e-12);
        Assert.That(ilu.Iterations, Is.LessThan(plain.Iterations));
    }

    [TestCase(1.0)]
    [TestCase(1.4)]
    public void SsorIsSymmetricAndHelpsCg(double omega)
    {
        var random = new Random(5);
        var a = TestMatrices.RandomSpd(random, 50);
        var ssor = new SsorPreconditioner(a, omega);
        for (int trial = 0; trial < 3; trial++)
        {
            var x = TestMatrices.RandomVector(random, 50);
            var y = TestMatrices.RandomVector(random, 50);
            double xMy = Vectors.Dot(x, Apply(ssor, y)), yMx = Vectors.Dot(y, Apply(ssor, x));
            Assert.That(xMy, Is.EqualTo(yMx).Within(1e-12 * Math.Abs(xMy)));
            Assert.That(Vectors.Dot(x, Apply(ssor, x)), Is.Positive);
        }
        var (t, b) = ThermalBlock(12, 2, 6);
        var result = new ConjugateGradient(new ConvergenceTest(1e-11)).Solve(t, b, new SsorPreconditioner(t, omega));
        AssertSolves(t, b, result, 1e-11);
        var jacobi = new ConjugateGradient(new ConvergenceTest(1e-11)).Solve(t, b, new JacobiPreconditioner(t));
        Assert.That(result.Iterations, Is.LessThan(jacobi.Iterations));
    }

    [Test]
    public void ZeroPivotsAndBadSettingsAreClearErrors()
    {
        var zeroDiagonal = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0, 0.0 }, { 2.0, 0.0, 1.0 }, { 0.0, 1.0, 3.0 } }));
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new SsorPreconditioner(zeroDiagonal))!.Message, Does.Contain("row 1").IgnoreCase);
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new Ilu0Preconditioner(zeroDiagonal))!.Message, Does.Contain("row 1").IgnoreCase);
        // ILU(0) pivot that becomes zero: [[1, 1], [1, 1]] gives u₂₂ = 1 − 1·1 = 0.
        var singular = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 1.0 }, { 1.0, 1.0 } }));
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new Ilu0Preconditioner(singular))!.Message, Does.Contain("pivot").And.Contain("row 1"));
        // IC(0) on an indefinite matrix names the row and suggests a shift; a shift makes it work.
        var indefinite = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } }));
        var ex = Assert.Throws<ArgumentException>(() => _ = new IncompleteCholeskyPreconditioner(indefinite));
        Assert.That(ex!.Message, Does.Contain("row 1").And.Contain("diagonal shift"));
        Assert.DoesNotThrow(() => _ = new IncompleteCholeskyPreconditioner(indefinite, diagonalShift: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SsorPreconditioner(CsrMatrix.Identity(3), 2.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new IncompleteCholeskyPreconditioner(CsrMatrix.Identity(3), -1));
        var missing = new CsrMatrix(2, 2, [0, 1, 2], [1, 0], [1.0, 1.0]);
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new IncompleteCholeskyPreconditioner(missing))!.Message, Does.Contain("diagonal"));
        Assert.Throws<ArgumentException>(() => _ = new Ilu0Preconditioner(new CsrMatrix(2, 3, [0, 0, 0], [], [])));
        Assert.Throws<ArgumentException>(() => new SsorPreconditioner(CsrMatrix.Identity(3)).Apply(new double[3], new double[2]));
    }

    [Test]
    public void CgWithAnIndefinitePreconditionerReportsIt()
    {
        // SSOR of an indefinite symmetric matrix is indefinite: CG must say so rather than return garbage.
        var a = RandomSymmetricIndefinite(new Random(8), 30);
        var spd = TestMatrices.RandomSpd(new Random(9), 30);
        var result = new ConjugateGradient(new ConvergenceTest()).Solve(spd, TestMatrices.RandomVector(new Random(10), 30), new SsorPreconditioner(a));
        Assert.That(result.Reason, Is.EqualTo(StopReason.IndefiniteOperator), result.Message);
    }
}
