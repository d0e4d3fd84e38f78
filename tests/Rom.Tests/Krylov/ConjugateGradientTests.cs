namespace Rom.Tests.Krylov;

public class ConjugateGradientTests
{
    private static double[] Residual(CsrMatrix a, double[] b, double[] x)
    {
        var ax = new double[b.Length];
        a.Apply(x, ax);
        return b.Select((bi, i) => bi - ax[i]).ToArray();
    }

    [TestCase(1, false)]
    [TestCase(2, true)]
    [TestCase(3, false)]
    [TestCase(4, true)]
    public void SolvesRandomSpdSystemsLikeDenseLu(int seed, bool jacobi)
    {
        var random = new Random(seed);
        int n = 20 + 7 * seed;
        var a = TestMatrices.RandomSpd(random, n);
        var b = TestMatrices.RandomVector(random, n);
        var cg = new ConjugateGradient(new ConvergenceTest(1e-13, 1000));
        var result = cg.Solve(a, b, jacobi ? new JacobiPreconditioner(a) : null);

        Assert.That(result.Reason, Is.EqualTo(StopReason.Converged), result.Message);
        var exact = Matrix<double>.Build.DenseOfMatrix(a.ToMathNet()).LU().Solve(Vector<double>.Build.DenseOfArray(b));
        double error = (Vector<double>.Build.DenseOfArray(result.Solution) - exact).L2Norm() / exact.L2Norm();
        Assert.That(error, Is.LessThan(1e-10));
        double trueResidual = Vectors.Norm(Residual(a, b, result.Solution)) / Vectors.Norm(b);
        Assert.That(trueResidual, Is.LessThan(1e-12));
        Assert.That(result.ResidualHistory, Has.Count.EqualTo(result.Iterations + 1));
        Assert.That(result.ResidualHistory[0], Is.EqualTo(1.0).Within(1e-14), "x₀ = 0 gives relative residual 1");
    }

    [Test]
    public void InitialGuessIsUsedAndNotModified()
    {
        var random = new Random(9);
        var a = TestMatrices.RandomSpd(random, 30);
        var b = TestMatrices.RandomVector(random, 30);
        var guess = TestMatrices.RandomVector(random, 30);
        var copy = (double[])guess.Clone();
        var result = new ConjugateGradient(new ConvergenceTest(1e-10)).Solve(a, b, initialGuess: guess);
        Assert.That(result.Converged, result.Message);
        Assert.That(guess, Is.EqualTo(copy));
        double r0 = Vectors.Norm(Residual(a, b, copy)) / Vectors.Norm(b);
        Assert.That(result.ResidualHistory[0], Is.EqualTo(r0).Within(1e-12));
        Assert.That(Vectors.Norm(Residual(a, b, result.Solution)) / Vectors.Norm(b), Is.LessThanOrEqualTo(1e-9));
    }

    [Test]
    public void IndefiniteMatrixIsReported()
    {
        var a = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 2.0, -3.0, 4.0]));
        var result = new ConjugateGradient(new ConvergenceTest()).Solve(a, [1.0, 1.0, 1.0, 1.0]);
        Assert.That(result.Reason, Is.EqualTo(StopReason.IndefiniteOperator));
        Assert.That(result.Message, Does.Contain("not positive definite"));
        Assert.That(Vectors.AllFinite(result.Solution));
    }

    [Test]
    public void IndefinitePreconditionerIsReported()
    {
        var a = CsrMatrix.Identity(3);
        var result = new ConjugateGradient(new ConvergenceTest()).Solve(a, [1.0, 0.0, 0.0], new JacobiPreconditioner([-1.0, 1.0, 1.0]));
        Assert.That(result.Reason, Is.EqualTo(StopReason.IndefiniteOperator));
        Assert.That(result.Message, Does.Contain("preconditioner is not positive definite"));
    }

    [Test]
    public void NonFiniteInputIsReported()
    {
        var a = CsrMatrix.Identity(3);
        var cg = new ConjugateGradient(new ConvergenceTest());
        Assert.That(cg.Solve(a, [1.0, double.NaN, 0.0]).Reason, Is.EqualTo(StopReason.NonFinite));
        Assert.That(cg.Solve(a, [1.0, 1.0, 0.0], initialGuess: [0.0, double.PositiveInfinity, 0.0]).Reason, Is.EqualTo(StopReason.NonFinite));
    }

    [Test]
    public void NaNDuringIterationIsReported()
    {
        var a = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, double.NaN }, { double.NaN, 1.0 } }));
        var result = new ConjugateGradient(new ConvergenceTest()).Solve(a, [1.0, 1.0]);
        Assert.That(result.Reason, Is.EqualTo(StopReason.NonFinite), result.Message);
    }

    [Test]
    public void IterationCapIsReported()
    {
        var random = new Random(5);
        var a = TestMatrices.RandomSpd(random, 50);
        var result = new ConjugateGradient(new ConvergenceTest(1e-14, 2)).Solve(a, TestMatrices.RandomVector(random, 50));
        Assert.That(result.Reason, Is.EqualTo(StopReason.MaxIterations));
        Assert.That(result.Iterations, Is.EqualTo(2));
        Assert.That(result.ResidualHistory, Has.Count.EqualTo(3));
    }

    [Test]
    public void ZeroRightHandSideGivesZeroInNoIterations()
    {
        var result = new ConjugateGradient(new ConvergenceTest()).Solve(CsrMatrix.Identity(4), new double[4], initialGuess: [1.0, 2.0, 3.0, 4.0]);
        Assert.That(result.Converged);
        Assert.That(result.Iterations, Is.Zero);
        Assert.That(result.Solution, Is.All.Zero);
        Assert.That(result.ResidualHistory, Is.EqualTo(new[] { 0.0 }));
    }

    [Test]
    public void MonitorIsCalledOncePerIteration()
    {
        var random = new Random(6);
        var a = TestMatrices.RandomSpd(random, 40);
        var calls = new List<(int, double)>();
        var result = new ConjugateGradient(new ConvergenceTest(1e-12)).Solve(a, TestMatrices.RandomVector(random, 40),
            monitor: (k, r) => calls.Add((k, r)));
        Assert.That(result.Converged, result.Message);
        Assert.That(calls.Select(c => c.Item1), Is.EqualTo(Enumerable.Range(1, result.Iterations)));
        Assert.That(calls.Select(c => c.Item2), Is.EqualTo(result.ResidualHistory.Skip(1)));
    }

    [Test]
    public void BadArgumentsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ConjugateGradient(new ConvergenceTest(0)));
        var cg = new ConjugateGradient(new ConvergenceTest());
        Assert.Throws<ArgumentException>(() => cg.Solve(CsrMatrix.Identity(3), new double[2]));
        Assert.Throws<ArgumentException>(() => cg.Solve(CsrMatrix.Identity(3), new double[3], initialGuess: new double[4]));
    }
}
