using static Rom.Tests.Krylov.KrylovTestProblems;

namespace Rom.Tests.Krylov;

public class MinresTests
{
    [TestCase(1, false)]
    [TestCase(2, true)]
    [TestCase(3, true)]
    public void SolvesSymmetricIndefiniteSystemsLikeDenseLu(int seed, bool preconditioned)
    {
        var random = new Random(seed);
        var a = RandomSymmetricIndefinite(random, 40 + 10 * seed);
        var b = TestMatrices.RandomVector(random, a.Rows);
        // An SPD preconditioner for an indefinite matrix: Jacobi on |diag(A)|.
        var m = preconditioned ? new JacobiPreconditioner(a.Diagonal().Select(Math.Abs).ToArray()) : null;
        var result = new Minres(new ConvergenceTest(1e-12, 1000)).Solve(a, b, m);
        AssertSolves(a, b, result, 1e-12);
    }

    [Test]
    public void SolvesTheThermalBlockLikeCg()
    {
        var (a, b) = ThermalBlock(10, 3, 5);
        var result = new Minres(new ConvergenceTest(1e-11)).Solve(a, b, new JacobiPreconditioner(a));
        AssertSolves(a, b, result, 1e-11);
        var cg = new ConjugateGradient(new ConvergenceTest(1e-11)).Solve(a, b, new JacobiPreconditioner(a));
        Assert.That(result.Iterations, Is.InRange(cg.Iterations - 3, cg.Iterations + 3), "MINRES and CG take nearly the same steps on SPD");
    }

    [Test]
    public void IndefinitePreconditionerIsReported()
    {
        var a = RandomSymmetricIndefinite(new Random(7), 20);
        var diagonal = Enumerable.Repeat(1.0, 20).ToArray();
        diagonal[5] = -1;
        var result = new Minres(new ConvergenceTest()).Solve(a, TestMatrices.RandomVector(new Random(8), 20), new JacobiPreconditioner(diagonal));
        Assert.That(result.Reason, Is.EqualTo(StopReason.IndefiniteOperator), result.Message);
        Assert.That(result.Message, Does.Contain("preconditioner is not positive definite"));
    }

    [Test]
    public void CapNonFiniteAndZeroRightHandSide()
    {
        var a = RandomSymmetricIndefinite(new Random(9), 30);
        var b = TestMatrices.RandomVector(new Random(10), 30);
        var capped = new Minres(new ConvergenceTest(1e-14, 3)).Solve(a, b);
        Assert.That(capped.Reason, Is.EqualTo(StopReason.MaxIterations));
        Assert.That(capped.ResidualHistory, Has.Count.EqualTo(4));

        b[0] = double.PositiveInfinity;
        Assert.That(new Minres(new ConvergenceTest()).Solve(a, b).Reason, Is.EqualTo(StopReason.NonFinite));
        var zero = new Minres(new ConvergenceTest()).Solve(a, new double[30]);
        Assert.That(zero.Converged && zero.Solution.All(v => v == 0));
    }

    [Test]
    public void SingularConsistentSystemConverges()
    {
        var a = GmresTests.NeumannLaplacian(25);
        var b = Enumerable.Range(0, 25).Select(i => Math.Cos(Math.PI * (i + 0.5) / 25)).ToArray();
        var result = new Minres(new ConvergenceTest(1e-10, 200)).Solve(a, b);
        Assert.That(result.Converged, result.Message);
        Assert.That(TrueRelativeResidual(a, b, result.Solution), Is.LessThanOrEqualTo(1e-10));
    }

    [Test]
    public void InitialGuessIsUsed()
    {
        var a = RandomSymmetricIndefinite(new Random(11), 30);
        var b = TestMatrices.RandomVector(new Random(12), 30);
        var exact = Matrix<double>.Build.DenseOfMatrix(a.ToMathNet()).LU().Solve(Vector<double>.Build.DenseOfArray(b)).ToArray();
        var guess = exact.Select(v => v * (1 + 1e-6)).ToArray();
        var result = new Minres(new ConvergenceTest(1e-10)).Solve(a, b, initialGuess: guess);
        Assert.That(result.Converged, result.Message);
        Assert.That(result.ResidualHistory[0], Is.LessThan(1e-5));
        Assert.That(TrueRelativeResidual(a, b, result.Solution), Is.LessThanOrEqualTo(1e-10));
    }
}
