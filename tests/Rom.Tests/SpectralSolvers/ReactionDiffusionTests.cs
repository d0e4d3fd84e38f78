using Rom.Spectral.Chebyshev;
using Rom.Tests.Tensors;

namespace Rom.Tests.SpectralSolvers;

/// <summary>
/// The reaction–diffusion problem of neural spectral methods: the Chebyshev matrices against polynomials, the spectral
/// residual loss against the residual computed point by point and integrated on a grid four times finer, its gradient
/// against finite differences, the initial condition imposed by construction, and the ETDRK4 solver against exact
/// solutions and its fourth order.
/// </summary>
public class ReactionDiffusionTests
{
    [Test]
    public void ChebyshevMatrices_AreExactOnPolynomials()
    {
        const int n = 7;
        double[] c = GradientCheck.Random([n], 3).Data;
        double[,] analysis = ChebyshevBasis.Analysis(n), synthesis = ChebyshevBasis.Synthesis(n, ChebyshevBasis.Points(n));
        double[,] derivative = ChebyshevBasis.Derivative(n), timesT = ChebyshevBasis.TimesT(n);
        double[] roundTrip = Apply(analysis, Apply(synthesis, c)), dc = Apply(derivative, c), tc = Apply(timesT, c);
        double Series(double[] a, double t) => Enumerable.Range(0, a.Length).Sum(k => a[k] * ChebyshevBasis.Evaluate(k, t));
        Assert.Multiple(() =>
        {
            for (int k = 0; k < n; k++)
                Assert.That(roundTrip[k], Is.EqualTo(c[k]).Within(1e-13), $"analysis ∘ synthesis, slot {k}");
            foreach (double t in new[] { 0.0, 0.13, 0.5, 0.91, 1.0 })
                Assert.That(Series(tc, t), Is.EqualTo(t * Series(c, t)).Within(1e-13), $"t·u at t = {t}");
            foreach (double t in new[] { 0.13, 0.5, 0.91 })
            {
                double step = 1e-5, fd = (Series(c, t + step) - Series(c, t - step)) / (2 * step);
                Assert.That(Series(dc, t), Is.EqualTo(fd).Within(1e-6 * (1 + Math.Abs(fd))), $"d/dt at t = {t}");
            }
        });
    }

    [TestCase(5, 6, 0.05, 5.0)]
    [TestCase(6, 7, 0.01, 3.0)]
    public void SpectralLoss_EqualsTheResidualIntegratedOnAFinerGrid(int nt, int nx, double nu, double rho)
    {
        var equation = new ReactionDiffusion(nu, rho, nt, nx);
        var u = GradientCheck.Random([2, 1, nt, nx], seed: nt * nx);
        double fromCoefficients = equation.ResidualLoss(Tape<double>.Constant(u)).Value.Data[0];

        // R(t, x) = u_t − ν u_xx − ρ u (1 − u) point by point, on 4 · 2n_t Lobatto points (Clenshaw–Curtis) × 4 · 2n_x points.
        int qt = 8 * nt, qx = 8 * nx;
        double[] times = ChebyshevBasis.Points(qt), weights = ClenshawCurtis(qt);
        int[] waves = RealFourierBasis.WaveNumbers(nx);
        double byQuadrature = 0;
        for (int b = 0; b < 2; b++)
            for (int i = 0; i < qt; i++)
                for (int j = 0; j < qx; j++)
                {
                    double x = (double)j / qx, value = 0, dt = 0, dxx = 0;
                    for (int k = 0; k < nt; k++)
                    {
                        double[] unit = new double[nt], d = new double[nt];
                        unit[k] = 1;
                        ChebyshevSeries.Differentiate(unit, d, scale: 2);
                        double tk = ChebyshevBasis.Evaluate(k, times[i]), dtk = Enumerable.Range(0, nt).Sum(m => d[m] * ChebyshevBasis.Evaluate(m, times[i]));
                        for (int s = 0; s < nx; s++)
                        {
                            double c = u.Data[(b * nt + k) * nx + s], phi = RealFourierBasis.Evaluate(nx, s, x), w = 2 * Math.PI * waves[s];
                            value += c * tk * phi;
                            dt += c * dtk * phi;
                            dxx -= c * tk * w * w * phi;
                        }
                    }
                    double r = dt - nu * dxx - rho * value * (1 - value);
                    byQuadrature += weights[i] / qx * r * r;
                }
        Assert.That(fromCoefficients, Is.EqualTo(byQuadrature).Within(1e-10 * byQuadrature));
    }

    [Test]
    public void SumOfSquaredCoefficients_IsNotTheL2Norm()
    {
        var equation = new ReactionDiffusion(0.05, 5, 5, 6);
        var u = Tape<double>.Constant(GradientCheck.Random([1, 1, 5, 6], 4));
        double exact = equation.ResidualLoss(u).Value.Data[0], sum = equation.ResidualLoss(u, exactNorm: false).Value.Data[0];
        Assert.That(Math.Abs(sum / exact - 1), Is.GreaterThan(0.1));
    }

    [Test]
    public void LossGradient_MatchesFiniteDifferences()
    {
        var equation = new ReactionDiffusion(0.01, 5, 5, 6);
        Assert.That(GradientCheck.RelativeError(x => equation.ResidualLoss(x[0]), [GradientCheck.Random([2, 1, 5, 6], 9)]), Is.LessThan(1e-6));
    }

    [Test]
    public void Constrain_ImposesTheInitialCondition()
    {
        var problem = new ReactionDiffusionProblem(0.05, timeModes: 6, spaceModes: 16, initialPoints: 16);
        var h = problem.SampleParameters(2, new Random(1));
        var v = Tape<float>.Constant(new Tensor<float>([2, 1, 6, 16], [.. GradientCheck.Random([2, 1, 6, 16], 2).Data.Select(x => (float)x)]));
        var u = problem.Constrain(v, h).Value;
        Assert.That(u.Shape, Is.EqualTo(new[] { 2, 1, 7, 16 }));
        Assert.Multiple(() =>
        {
            for (int b = 0; b < 2; b++)
                for (int s = 0; s < 16; s++)
                {
                    // u(0, x): T_k(−1) = (−1)^k.
                    double atZero = Enumerable.Range(0, 7).Sum(k => (k % 2 == 0 ? 1 : -1) * u.Data[(b * 7 + k) * 16 + s]);
                    Assert.That(atZero, Is.EqualTo(h.Data[b * 96 + s]).Within(1e-6), $"sample {b}, slot {s}");
                }
            double[] values = [.. Enumerable.Range(0, 16).Select(j => Enumerable.Range(0, 16).Sum(s => h.Data[s] * RealFourierBasis.Evaluate(16, s, j / 16.0)))];
            Assert.That(values.Min(), Is.EqualTo(0).Within(1e-6), "the initial condition is scaled to [0, 1]");
            Assert.That(values.Max(), Is.EqualTo(1).Within(1e-6));
        });
    }

    [Test]
    public void Etdrk4_IsExactForPureDiffusion()
    {
        const double nu = 0.02;
        var solver = new ReactionDiffusionEtdrk4(nu, 0, 32, 8);
        double[] initial = [.. Enumerable.Range(0, 32).Select(j => 0.3 + Math.Cos(2 * Math.PI * 3 * j / 32.0) + 0.5 * Math.Sin(2 * Math.PI * 5 * j / 32.0))];
        double[,] u = solver.Solve(initial, 3);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 32; j++)
                {
                    double t = i / 2.0, x = j / 32.0;
                    double exact = 0.3 + Math.Exp(-nu * Math.Pow(6 * Math.PI, 2) * t) * Math.Cos(6 * Math.PI * x) + 0.5 * Math.Exp(-nu * Math.Pow(10 * Math.PI, 2) * t) * Math.Sin(10 * Math.PI * x);
                    Assert.That(u[i, j], Is.EqualTo(exact).Within(1e-13));
                }
        });
    }

    [Test]
    public void Etdrk4_FollowsTheLogisticSolutionOfAUniformState()
    {
        const double rho = 5, u0 = 0.1;
        double[,] u = new ReactionDiffusionEtdrk4(0.01, rho, 16, 256).Solve(Enumerable.Repeat(u0, 16).ToArray(), 5);
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 5; i++)
            {
                double t = i / 4.0, e = Math.Exp(rho * t), exact = u0 * e / (1 - u0 + u0 * e);
                Assert.That(u[i, 7], Is.EqualTo(exact).Within(1e-9), $"t = {t}");
            }
        });
    }

    [Test]
    public void Etdrk4_ConvergesAtFourthOrder()
    {
        double[] initial = [.. Enumerable.Range(0, 64).Select(j => 0.5 + 0.4 * Math.Sin(2 * Math.PI * j / 64.0) + 0.1 * Math.Cos(2 * Math.PI * 4 * j / 64.0))];
        double[,] reference = new ReactionDiffusionEtdrk4(0.01, 5, 64, 1024).Solve(initial, 2);
        double Error(int steps)
        {
            double[,] u = new ReactionDiffusionEtdrk4(0.01, 5, 64, steps).Solve(initial, 2);
            return Enumerable.Range(0, 64).Max(j => Math.Abs(u[1, j] - reference[1, j]));
        }
        double coarse = Error(16), fine = Error(32);
        TestContext.Out.WriteLine($"max error at t = 1: 16 steps {coarse:E2}, 32 steps {fine:E2}, ratio {coarse / fine:F1}");
        Assert.That(coarse / fine, Is.InRange(12, 20));
    }

    [Test]
    public void ReferenceSolution_IsConvergedBelowTheErrorsItMeasures()
    {
        var problem = new ReactionDiffusionProblem(0.01);
        var h = problem.SampleParameters(1, new Random(3));
        double[] reference = problem.Solve(h.Data), finer = problem.Solve(h.Data, 256, 1024);
        TestContext.Out.WriteLine($"reference against 256 points × 1,024 steps: {GridNorms.RelativeL2(reference, finer):E2}");
        Assert.That(GridNorms.RelativeL2(reference, finer), Is.LessThan(1e-7));
    }

    [Test]
    public void BadSettings_AreNamed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new ReactionDiffusionProblem(0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("ν must be positive"));
            Assert.That(() => new ReactionDiffusionProblem(-0.1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("diffusion"));
            Assert.That(() => new ReactionDiffusionProblem(0.01, reaction: double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("reaction"));
            Assert.That(() => new ReactionDiffusionEtdrk4(0.01, 5, 64, 10).Solve(new double[64], 4), Throws.ArgumentException.With.Message.Contains("multiple"));
            Assert.That(() => new ReactionDiffusionEtdrk4(0.01, 5, 4, 4).Solve([0, double.NaN, 0, 0], 2), Throws.ArgumentException.With.Message.Contains("NaN"));
        });
    }

    [Test]
    public void GridResidual_ConvergesAtSecondOrderToTheExactResidual()
    {
        // u = 0.5 + 0.3 e^{−t} cos 2πx: R = u_t − ν u_xx − ρ u (1 − u) in closed form.
        const double nu = 0.05, rho = 5;
        double Error(int times, int points)
        {
            var u = Tensor<double>.Zeros([1, 1, times, points]);
            double exact = 0;
            for (int i = 0; i < times; i++)
                for (int j = 0; j < points; j++)
                {
                    double t = (double)i / (times - 1), c = 0.3 * Math.Exp(-t) * Math.Cos(2 * Math.PI * j / points), value = 0.5 + c;
                    u.Data[i * points + j] = value;
                    double r = -c + nu * 4 * Math.PI * Math.PI * c - rho * value * (1 - value);
                    exact += r * r / (times * points);
                }
            double fd = ReactionDiffusionGridLosses.FiniteDifferenceResidualLoss(Tape<double>.Constant(u), nu, rho).Value.Data[0];
            return Math.Abs(fd - exact) / exact;
        }
        double coarse = Error(17, 16), fine = Error(33, 32);
        TestContext.Out.WriteLine($"relative loss error: {coarse:E2} on 17 × 16, {fine:E2} on 33 × 32");
        Assert.That(coarse / fine, Is.InRange(3, 5.5));
    }

    [Test]
    public void GridLoss_IsSmallAtTheReferenceSolution()
    {
        var problem = new ReactionDiffusionProblem(0.05);
        var h = problem.SampleParameters(1, new Random(5));
        double[] reference = problem.Solve(h.Data);
        int times = ReactionDiffusionProblem.EvaluationTimes, points = ReactionDiffusionProblem.EvaluationPoints;
        var u = new Tensor<double>([1, 1, times, points], reference);
        var initial = SpaceTimeGrids.Values(new Tensor<double>([1, 1, 32, 64], [.. h.Data.Select(x => (double)x)]), times, points);
        double atSolution = ReactionDiffusionGridLosses.FiniteDifferenceResidualLoss(Tape<double>.Constant(u), 0.05, 5).Value.Data[0];
        double atInitial = ReactionDiffusionGridLosses.FiniteDifferenceResidualLoss(Tape<double>.Constant(initial), 0.05, 5).Value.Data[0];
        TestContext.Out.WriteLine($"grid loss at the reference solution {atSolution:E2}, at u = h {atInitial:E2}");
        Assert.That(atSolution, Is.LessThan(1e-2 * atInitial));
    }

    [Test]
    public void GridLossAndMollifier_GradientsMatchFiniteDifferences()
    {
        var h = GradientCheck.Random([2, 1, 5, 6], 11);
        Assert.That(GradientCheck.RelativeError(x => ReactionDiffusionGridLosses.FiniteDifferenceResidualLoss(
            SpaceTimeGrids.ImposeInitialCondition(x[0], h, 0.5), 0.01, 5), [GradientCheck.Random([2, 1, 5, 6], 12)]), Is.LessThan(1e-6));
    }

    private static double[] Apply(double[,] m, double[] x) =>
        [.. Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, x.Length).Sum(j => m[i, j] * x[j]))];

    /// <summary>Clenshaw–Curtis weights on [0, 1] at <see cref="ChebyshevBasis.Points"/>: ∫ of the interpolant, w_j = Σ_k A_kj ∫₀¹ T_k(2t − 1).</summary>
    private static double[] ClenshawCurtis(int n)
    {
        double[,] a = ChebyshevBasis.Analysis(n);
        return [.. Enumerable.Range(0, n).Select(j => Enumerable.Range(0, n).Sum(k => k % 2 == 1 ? 0 : a[k, j] / (1.0 - (double)k * k)))];
    }
}
