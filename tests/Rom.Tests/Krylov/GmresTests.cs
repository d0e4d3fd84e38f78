using System.Text.Json;
using static Rom.Tests.Krylov.KrylovTestProblems;

namespace Rom.Tests.Krylov;

public class GmresTests
{
    [TestCase(PreconditionerSide.Right, false, false)]
    [TestCase(PreconditionerSide.Right, true, false)]
    [TestCase(PreconditionerSide.Left, true, true)]
    [TestCase(PreconditionerSide.Right, true, true)]
    public void SolvesConvectionDiffusionLikeDenseLu(PreconditionerSide side, bool jacobi, bool reorthogonalize)
    {
        var a = ConvectionDiffusion(12);
        var b = TestMatrices.RandomVector(new Random(1), a.Rows);
        var gmres = new Gmres(new GmresOptions(Restart: 15, Reorthogonalize: reorthogonalize, PreconditionerSide: side) { Stopping = new(1e-11, 2000) });
        var result = gmres.Solve(a, b, jacobi ? new JacobiPreconditioner(a) : null);
        // Left preconditioning controls ‖M⁻¹r‖; with a Jacobi M of unit-sized diagonal the true residual stays close.
        AssertSolves(a, b, result, side == PreconditionerSide.Left ? 1e-10 : 1e-11);
        if (side == PreconditionerSide.Left)
            Assert.That(result.Message, Does.Contain("preconditioned residual"));
    }

    [TestCase(2)]
    [TestCase(3)]
    public void SolvesRandomDarcyAndSpdSystems(int seed)
    {
        var random = new Random(seed);
        var darcy = RandomDarcy(random, 9);
        var b = TestMatrices.RandomVector(random, darcy.Rows);
        var gmres = new Gmres(new GmresOptions(Restart: 20) { Stopping = new(1e-12) });
        AssertSolves(darcy, b, gmres.Solve(darcy, b), 1e-12);

        var (spd, load) = ThermalBlock(8, 2, seed);
        AssertSolves(spd, load, gmres.Solve(spd, load, new JacobiPreconditioner(spd)), 1e-12);
    }

    [Test]
    public void MatchesScipyWithNoMoreThanTenPercentMoreMatvecs()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Krylov", "Fixtures", "gmres_reference.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        int[] Ints(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();
        double[] Doubles(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        int n = root.GetProperty("n").GetInt32();
        var a = new CsrMatrix(n, n, Ints("indptr"), Ints("indices"), Doubles("data"));
        var b = Doubles("rhs");
        var scipy = Doubles("scipy_solution");
        int scipyMatvecs = root.GetProperty("scipy_matvecs").GetInt32();
        double rtol = root.GetProperty("rtol").GetDouble();

        // The fixture's matrix is the one the C# generator builds.
        var rebuilt = ConvectionDiffusion((int)Math.Round(Math.Sqrt(n)));
        Assert.That(rebuilt.Values, Is.EqualTo(a.Values).Within(1e-15));

        var result = new Gmres(new GmresOptions(Restart: root.GetProperty("restart").GetInt32()) { Stopping = new(rtol, 10_000) }).Solve(a, b);
        Assert.That(result.Converged, result.Message);
        double difference = Vectors.Norm(result.Solution.Zip(scipy, (p, q) => p - q).ToArray()) / Vectors.Norm(scipy);
        Assert.That(difference, Is.LessThan(1e-8), "agreement with SciPy's solution");
        Assert.That(TrueRelativeResidual(a, b, result.Solution), Is.LessThanOrEqualTo(rtol));
        Assert.That(result.MatrixVectorProducts, Is.LessThanOrEqualTo(1.1 * scipyMatvecs),
            $"Rom {result.MatrixVectorProducts} vs SciPy {scipyMatvecs} products with A");
        TestContext.Out.WriteLine($"Rom GMRES(40): {result.MatrixVectorProducts} matvecs, {result.Iterations} iterations; SciPy: {scipyMatvecs} matvecs");
    }

    [Test]
    public void HappyBreakdownOnAnInvariantSubspaceGivesTheExactSolution()
    {
        // b lies in a 3-dimensional invariant subspace of a diagonal matrix: GMRES ends after 3 steps.
        var a = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfDiagonalArray([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]));
        double[] b = [1, 1, 1, 0, 0, 0];
        var result = new Gmres(new GmresOptions { Stopping = new(1e-14) }).Solve(a, b);
        Assert.That(result.Converged, result.Message);
        Assert.That(result.Iterations, Is.EqualTo(3));
        Assert.That(result.Solution, Is.EqualTo(new[] { 1.0, 0.5, 1.0 / 3, 0, 0, 0 }).Within(1e-14));
    }

    [Test]
    public void SingularConsistentSystemConverges()
    {
        // The 1-D Neumann Laplacian is singular with the constant null space; b ⟂ 1 is in its range.
        var a = NeumannLaplacian(30);
        var b = Enumerable.Range(0, 30).Select(i => Math.Cos(Math.PI * (i + 0.5) / 30)).ToArray();
        var result = new Gmres(new GmresOptions(Restart: 40) { Stopping = new(1e-10, 500) }).Solve(a, b);
        Assert.That(result.Converged, result.Message);
        Assert.That(TrueRelativeResidual(a, b, result.Solution), Is.LessThanOrEqualTo(1e-10));
    }

    [Test]
    public void SingularInconsistentSystemReportsTheTrueResidual()
    {
        var a = NeumannLaplacian(30);
        var b = Enumerable.Range(0, 30).Select(i => 1.0 + Math.Cos(Math.PI * (i + 0.5) / 30)).ToArray();
        var result = new Gmres(new GmresOptions(Restart: 10) { Stopping = new(1e-10, 400) }).Solve(a, b);
        Assert.That(result.Reason, Is.AnyOf(StopReason.Stagnation, StopReason.Breakdown, StopReason.MaxIterations), result.Message);
        double actual = TrueRelativeResidual(a, b, result.Solution);
        // The constant part of b (norm √30 of ‖b‖) is out of reach; the reported residual is the true one.
        Assert.That(result.FinalRelativeResidual, Is.EqualTo(actual).Within(1e-9 * actual));
        Assert.That(actual, Is.GreaterThanOrEqualTo(Math.Sqrt(30) / Vectors.Norm(b) * (1 - 1e-9)));
        Assert.That(Vectors.AllFinite(result.Solution));
    }

    [Test]
    public void IterationCapAndNonFiniteInputAreReported()
    {
        var a = ConvectionDiffusion(10);
        var b = TestMatrices.RandomVector(new Random(4), a.Rows);
        var capped = new Gmres(new GmresOptions(Restart: 5) { Stopping = new(1e-14, 7) }).Solve(a, b);
        Assert.That(capped.Reason, Is.EqualTo(StopReason.MaxIterations), capped.Message);
        Assert.That(capped.Iterations, Is.EqualTo(7));
        Assert.That(capped.FinalRelativeResidual, Is.EqualTo(TrueRelativeResidual(a, b, capped.Solution)).Within(1e-12));

        var gmres = new Gmres(new GmresOptions());
        b[3] = double.NaN;
        Assert.That(gmres.Solve(a, b).Reason, Is.EqualTo(StopReason.NonFinite));
        var nanMatrix = CsrMatrix.FromMathNet(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, double.NaN }, { 0.0, 1.0 } }));
        Assert.That(gmres.Solve(nanMatrix, [1.0, 1.0]).Reason, Is.EqualTo(StopReason.NonFinite));
    }

    [Test]
    public void MonitorSeesEveryArnoldiStepAndRestartsReportTrueResiduals()
    {
        var a = ConvectionDiffusion(10);
        var b = TestMatrices.RandomVector(new Random(6), a.Rows);
        var calls = new List<int>();
        var result = new Gmres(new GmresOptions(Restart: 8) { Stopping = new(1e-10) }).Solve(a, b, monitor: (k, _) => calls.Add(k));
        Assert.That(result.Converged, result.Message);
        Assert.That(calls, Is.EqualTo(Enumerable.Range(1, result.Iterations)));
        int cycles = (result.Iterations + 7) / 8;
        Assert.That(result.MatrixVectorProducts, Is.EqualTo(result.Iterations + cycles), "one product per step plus one residual per cycle");
        Assert.That(result.FinalRelativeResidual, Is.EqualTo(TrueRelativeResidual(a, b, result.Solution)).Within(1e-13));
    }

    [Test]
    public void BadOptionsAndArgumentsThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Gmres(new GmresOptions(Restart: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Gmres(new GmresOptions { Stopping = new(2) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Gmres(new GmresOptions(PreconditionerSide: (PreconditionerSide)7)));
        var gmres = new Gmres(new GmresOptions());
        Assert.Throws<ArgumentException>(() => gmres.Solve(CsrMatrix.Identity(3), new double[2]));
        Assert.Throws<ArgumentException>(() => gmres.Solve(new CsrMatrix(2, 3, [0, 0, 0], [], []), new double[2]));
    }

    internal static CsrMatrix NeumannLaplacian(int n)
    {
        var m = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            if (i > 0) { m[i, i - 1] = -1; m[i, i] += 1; }
            if (i < n - 1) { m[i, i + 1] = -1; m[i, i] += 1; }
        }
        return CsrMatrix.FromMathNet(m);
    }
}
