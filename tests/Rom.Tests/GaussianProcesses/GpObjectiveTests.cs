namespace Rom.Tests.GaussianProcesses;

public class GpObjectiveTests
{
    /// <summary>
    /// A small problem with random parameters and field, so that no gradient block vanishes by symmetry. The jitter is
    /// large enough (0.05) that J is well conditioned in φ and central differences resolve 1e-6 relative accuracy;
    /// the code path is the same as at the reference's 1e-6.
    /// </summary>
    private static (GpObjective Objective, double[] Phi, double[] U) Random(int dimensions, KernelFamily family, LinearPdeOperator? op = null,
        PointwiseTerm? nonlinearity = null)
    {
        int[] sizes = dimensions switch { 1 => [9], 2 => [7, 6], _ => [5, 4, 6] };
        var grid = new TensorGrid(Enumerable.Repeat(0.0, dimensions).ToArray(), Enumerable.Range(0, dimensions).Select(d => 1.0 + 0.3 * d).ToArray(), sizes);
        op ??= LinearPdeOperator.Laplacian(dimensions);
        var problem = GpPdeProblem.FromFunctions(grid, op, p => Math.Sin(3 * p[0]) + p.Sum(), p => Math.Cos(2 * p.Sum()), nonlinearity);
        var objective = new GpObjective(problem, family, 3, boundaryWeight: 5, jitter: 0.05);
        var random = new Random(7 + dimensions);
        var phi = objective.InitialParameters(2);
        for (int i = 0; i < phi.Length; i++)
            phi[i] += 0.3 * (random.NextDouble() - 0.5);
        phi[objective.NoiseIndex] = 0.4;
        phi[objective.NoiseIndex + 1] = -1.2;
        var u = Enumerable.Range(0, grid.Count).Select(_ => random.NextDouble() - 0.5).ToArray();
        return (objective, phi, u);
    }

    [TestCase(1, KernelFamily.Gaussian)]
    [TestCase(1, KernelFamily.StudentT)]
    [TestCase(2, KernelFamily.Gaussian)]
    [TestCase(2, KernelFamily.StudentT)]
    [TestCase(3, KernelFamily.StudentT)]
    public void EveryGradientBlockMatchesCentralDifferences(int dimensions, KernelFamily family)
    {
        var (objective, phi, u) = Random(dimensions, family);
        AssertGradients(objective, phi, u);
    }

    [Test]
    public void FirstOrderAndMixedTermsAlsoDifferentiateCorrectly()
    {
        var op = new LinearPdeOperator([new DerivativeTerm(0, 1, 0.7), new DerivativeTerm(1, 2, -1), new DerivativeTerm(1, 1, 2)]);
        var (objective, phi, u) = Random(2, KernelFamily.Gaussian, op);
        AssertGradients(objective, phi, u);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void APointwiseNonlinearityDifferentiatesCorrectly(int dimensions)
    {
        // A full cubic (not only Allen–Cahn's u³ − u), so that every coefficient of N and N′ is exercised.
        var (objective, phi, u) = Random(dimensions, KernelFamily.StudentT, nonlinearity: new PointwiseTerm(-0.7, 0.4, 1.3));
        AssertGradients(objective, phi, u);
    }

    [TestCase(KernelFamily.Gaussian)]
    [TestCase(KernelFamily.StudentT)]
    public void TheRepresenterProfileAgreesWithTheFieldFormAndDifferentiatesCorrectly(KernelFamily family)
    {
        // A 1-D linear PDE with first and second derivatives: J* = min_U J solved as U = Kα against the U form
        // (SolveField, then Evaluate), and ∂J*/∂φ against central differences of J* itself, which holds only if the
        // envelope theorem's partial derivative at fixed α is the right one.
        var op = new LinearPdeOperator([new DerivativeTerm(0, 2, -1), new DerivativeTerm(0, 1, 0.6)]);
        var (objective, phi, _) = Random(1, family, op);
        var factors = objective.Factorize(phi);
        var gradient = new double[phi.Length];
        var (terms, solve) = factors.Profile(null, 1e-12, gradient);
        var fieldForm = factors.SolveField();
        double fieldFormJ = factors.Evaluate(fieldForm.Field, [], []).Total;
        Assert.That(terms.Total, Is.EqualTo(fieldFormJ).Within(1e-10 * Math.Abs(fieldFormJ)));
        double fieldNorm = Math.Sqrt(fieldForm.Field.Sum(x => x * x));
        for (int i = 0; i < fieldForm.Field.Length; i++)
            Assert.That(solve.Field[i], Is.EqualTo(fieldForm.Field[i]).Within(1e-9 * fieldNorm), $"U[{i}]");
        for (int i = 0; i < phi.Length; i++)
        {
            double fd = CentralDifference(t => objective.Factorize(Shifted(phi, i, t)).Profile(null, 1e-12, []).Terms.Total);
            Assert.That(Math.Abs(fd - gradient[i]), Is.LessThan(1e-6 * Math.Max(1, Math.Abs(gradient[i]))), $"φ[{i}] of {phi.Length}");
        }
    }

    private static void AssertGradients(GpObjective objective, double[] phi, double[] u)
    {
        var gPhi = new double[phi.Length];
        var gU = new double[u.Length];
        double j = objective.Evaluate(phi, u, gPhi, gU);
        Assert.That(double.IsFinite(j));
        double F(double[] p, double[] x) => objective.Evaluate(p, x, [], []);
        for (int i = 0; i < phi.Length; i++)
        {
            double fd = CentralDifference(t => F(Shifted(phi, i, t), u));
            Assert.That(Math.Abs(fd - gPhi[i]), Is.LessThan(1e-6 * Math.Max(1, Math.Abs(gPhi[i]))), $"φ[{i}] of {phi.Length}");
        }
        for (int i = 0; i < u.Length; i++)
        {
            double fd = CentralDifference(t => F(phi, Shifted(u, i, t)));
            Assert.That(Math.Abs(fd - gU[i]), Is.LessThan(1e-6 * Math.Max(1, Math.Abs(gU[i]))), $"U[{i}]");
        }
    }

    /// <summary>
    /// The fourth-order central difference (f(−2h) − 8f(−h) + 8f(h) − f(2h)) / 12h at h = 1e-3: J reaches 10⁵ on these
    /// random fields, so the two-point rule's rounding error ε|J|/h would swamp a 1e-6 comparison.
    /// </summary>
    private static double CentralDifference(Func<double, double> f)
    {
        const double h = 1e-3;
        return (f(-2 * h) - 8 * f(-h) + 8 * f(h) - f(2 * h)) / (12 * h);
    }

    private static double[] Shifted(double[] x, int i, double t)
    {
        var y = (double[])x.Clone();
        y[i] += t;
        return y;
    }

    [Test]
    public void KroneckerValueMatchesTheDenseFormula()
    {
        // J from the N × N covariance K₁ ⊗ K₂ and the dense operator, formed explicitly on a tiny grid.
        var (objective, phi, u) = Random(2, KernelFamily.StudentT);
        var grid = objective.Problem.Grid;
        int n1 = grid.Sizes[0], n2 = grid.Sizes[1], n = grid.Count;
        var k1 = Covariance(objective.Kernel(phi, 0), grid.Coordinates(0), 0, objective.Jitter);
        var k2 = Covariance(objective.Kernel(phi, 1), grid.Coordinates(1), 0, objective.Jitter);
        var d1 = Covariance(objective.Kernel(phi, 0), grid.Coordinates(0), 2, 0) * k1.Inverse();
        var d2 = Covariance(objective.Kernel(phi, 1), grid.Coordinates(1), 2, 0) * k2.Inverse();
        var eye1 = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(n1);
        var eye2 = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(n2);
        var k = k1.KroneckerProduct(k2);
        var l = d1.KroneckerProduct(eye2) + eye1.KroneckerProduct(d2);
        var uv = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(u);
        var r = l * uv - MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(objective.Problem.Source);
        double tau = Math.Exp(phi[objective.NoiseIndex]), v = Math.Exp(phi[objective.NoiseIndex + 1]);
        double bgap = objective.Problem.Boundary.Sum(i => Math.Pow(u[i] - objective.Problem.BoundaryValues[i], 2));
        int nb = objective.Problem.Boundary.Length;
        double expected = 0.5 * uv.DotProduct(k.Solve(uv)) + 0.5 * Math.Log(k.Determinant())
            + objective.BoundaryWeight * (0.5 * tau * bgap - 0.5 * nb * Math.Log(tau)) + 0.5 * v * r.DotProduct(r) - 0.5 * n * Math.Log(v);
        Assert.That(objective.Evaluate(phi, u, [], []), Is.EqualTo(expected).Within(1e-9 * Math.Abs(expected)));
    }

    private static MathNet.Numerics.LinearAlgebra.Matrix<double> Covariance(SpectralMixtureKernel kernel, double[] x, int order, double jitter) =>
        MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(x.Length, x.Length, (i, j) => kernel.Value(x[i] - x[j], order) + (i == j ? jitter : 0));
}
