using Rom.Tests.Tensors;

namespace Rom.Tests.SpectralSolvers;

/// <summary>
/// The 2-D vorticity equation: the spectral residual loss against the residual computed point by point and integrated on
/// a grid four times finer, its gradient against finite differences; the classical solver against exact solutions (a decaying Taylor–Green vortex, a
/// Kolmogorov flow spun up by its forcing) and its fourth order.
/// </summary>
public class NavierStokesTests
{
    private static double[] Grid(int n, Func<double, double, double> f) =>
        [.. Enumerable.Range(0, n * n).Select(i => f((double)(i / n) / n, (double)(i % n) / n))];

    [TestCase(3, 5, 5, 0.01, 3.0, false)]
    [TestCase(4, 5, 7, 1e-3, 50.0, true)]
    public void SpectralLoss_EqualsTheResidualIntegratedOnAFinerGrid(int nt, int nx, int ny, double nu, double endTime, bool forced)
    {
        double[]? forcing = forced ? [.. GradientCheck.Random([nx * ny], 5).Data] : null;
        var equation = new NavierStokesVorticity(nu, endTime, [nt, nx, ny], forcing);
        var w = GradientCheck.Random([1, 1, nt, nx, ny], seed: nt + nx + ny);
        double fromCoefficients = equation.ResidualLoss(Tape<double>.Constant(w)).Value.Data[0];

        // Coefficient arrays of w_t, w_x, w_y, Δw, ψ_x, ψ_y, each evaluated point by point.
        double[] c = w.Data;
        int size = nt * nx * ny;
        double[,] dt = ChebyshevBasis.Derivative(nt), dx = RealFourierBasis.Derivative(nx), dy = RealFourierBasis.Derivative(ny);
        double[,] dxx = RealFourierBasis.SecondDerivative(nx), dyy = RealFourierBasis.SecondDerivative(ny);
        double[] Along(double[] a, double[,] m, int axis)
        {
            var r = new double[size];
            for (int k = 0; k < nt; k++)
                for (int i = 0; i < nx; i++)
                    for (int j = 0; j < ny; j++)
                    {
                        int[] at = [k, i, j];
                        int n = axis == 0 ? nt : axis == 1 ? nx : ny;
                        for (int s = 0; s < n; s++)
                        {
                            int[] from = [k, i, j];
                            from[axis] = s;
                            r[(at[0] * nx + at[1]) * ny + at[2]] += m[at[axis], s] * a[(from[0] * nx + from[1]) * ny + from[2]];
                        }
                    }
            return r;
        }
        int[] kx = RealFourierBasis.WaveNumbers(nx), ky = RealFourierBasis.WaveNumbers(ny);
        double[] psi = [.. Enumerable.Range(0, size).Select(i =>
        {
            int a = i / ny % nx, b = i % ny;
            double k2 = 4 * Math.PI * Math.PI * (kx[a] * kx[a] + ky[b] * ky[b]);
            return k2 == 0 ? 0 : c[i] / k2;
        })];
        double[] laplacian = [.. Along(c, dxx, 1).Zip(Along(c, dyy, 2), (p, q) => p + q)];
        double[][] series = [Along(c, dt, 0), Along(c, dx, 1), Along(c, dy, 2), laplacian, Along(psi, dx, 1), Along(psi, dy, 2), forcing ?? new double[nx * ny]];

        int qt = 8 * nt, qx = 4 * (2 * nx + 1), qy = 4 * (2 * ny + 1);
        double[] times = ChebyshevBasis.Points(qt), weights = ClenshawCurtis(qt);
        double[,] bt = ChebyshevBasis.Synthesis(nt, times), bx = RealFourierBasis.Synthesis(nx, qx), by = RealFourierBasis.Synthesis(ny, qy);
        double Value(double[] a, int i, int j, int l, bool constantInTime = false)
        {
            double v = 0;
            for (int k = 0; k < (constantInTime ? 1 : nt); k++)
                for (int p = 0; p < nx; p++)
                    for (int q = 0; q < ny; q++)
                        v += (constantInTime ? 1 : bt[i, k]) * bx[j, p] * by[l, q] * a[(k * nx + p) * ny + q];
            return v;
        }
        double byQuadrature = 0;
        for (int i = 0; i < qt; i++)
            for (int j = 0; j < qx; j++)
                for (int l = 0; l < qy; l++)
                {
                    double r = Value(series[0], i, j, l) / endTime + Value(series[5], i, j, l) * Value(series[1], i, j, l)
                        - Value(series[4], i, j, l) * Value(series[2], i, j, l) - nu * Value(series[3], i, j, l) - Value(series[6], i, j, l, constantInTime: true);
                    byQuadrature += weights[i] / (qx * qy) * r * r;
                }
        Assert.That(fromCoefficients, Is.EqualTo(byQuadrature).Within(1e-10 * byQuadrature));
    }

    [Test]
    public void LossGradient_MatchesFiniteDifferences()
    {
        var equation = new NavierStokesVorticity(1e-3, 3, [3, 5, 5], [.. GradientCheck.Random([25], 8).Data]);
        Assert.That(GradientCheck.RelativeError(x => equation.ResidualLoss(x[0]), [GradientCheck.Random([2, 1, 3, 5, 5], 9)]), Is.LessThan(1e-6));
    }

    [Test]
    public void FourierDerivative_MatchesFiniteDifferences()
    {
        const int n = 7;
        double[] c = GradientCheck.Random([n], 4).Data;
        double[,] d = RealFourierBasis.Derivative(n);
        double Series(double[] a, double x) => Enumerable.Range(0, n).Sum(s => a[s] * RealFourierBasis.Evaluate(n, s, x));
        double[] dc = [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => d[i, j] * c[j]))];
        foreach (double x in new[] { 0.0, 0.3, 0.77 })
            Assert.That(Series(dc, x), Is.EqualTo((Series(c, x + 1e-6) - Series(c, x - 1e-6)) / 2e-6).Within(1e-6));
    }

    [Test]
    public void EvenFourierCounts_AreRefusedNamingModes()
    {
        Assert.That(() => new NavierStokesVorticity(1e-3, 3, [4, 6, 5]),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("modes").And.Message.Contains("odd"));
    }

    [Test]
    public void ReferenceSolution_IsConvergedBelowTheErrorsItMeasures()
    {
        var problem = new NavierStokesProblem(1e-3, 3, forced: true, timeModes: 4, spaceModes: 15);
        var w0 = problem.SampleParameters(1, new Random(2));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double[] reference = problem.Solve(w0.Data);
        double seconds = clock.Elapsed.TotalSeconds;
        double[] finer = problem.Solve(w0.Data, 256, 512);
        double error = GridNorms.RelativeL2(reference, finer);
        TestContext.Out.WriteLine($"reference ({seconds:F2} s) against 256² × 512 steps: {error:E2}");
        Assert.That(error, Is.LessThan(1e-7));
    }

    /// <summary>
    /// The bench's 6 × 15 × 15 slots hold the reference solutions: their best approximation in the slots (least squares in t
    /// on the evaluation times, truncation in space) is within 1 % of them (the solution has 7 Chebyshev slots in t: w₀ + t·v), so NSM's larger errors there are its training's.
    /// </summary>
    [Test]
    public void BenchSlots_HoldTheReferenceSolutions()
    {
        var problem = new NavierStokesProblem(1e-3, 3, forced: true, timeModes: 6, spaceModes: 15);
        int n = NavierStokesProblem.EvaluationPoints, times = NavierStokesProblem.EvaluationTimes;
        var inTime = Matrix<double>.Build.DenseOfArray(ChebyshevBasis.Synthesis(7, [.. Enumerable.Range(0, times).Select(i => i / (times - 1.0))]));
        var leastSquares = (inTime * inTime.TransposeThisAndMultiply(inTime).Inverse() * inTime.Transpose()).ToArray();
        var inSpace = Matrices.Product(RealFourierBasis.Synthesis(15, n), Matrices.Product(RealFourierBasis.Resize(n, 15), RealFourierBasis.Analysis(n)));
        var w0 = problem.SampleParameters(3, new Random(4));
        int perSample = w0.Count / 3;
        for (int b = 0; b < 3; b++)
        {
            double[] reference = problem.Solve(w0.Data.AsSpan(b * perSample, perSample));
            var best = SpatialAxes.Apply(Tape<double>.Constant(new Tensor<double>([1, 1, times, n, n], reference)), [leastSquares, inSpace, inSpace]).Value.Data;
            double error = GridNorms.RelativeL2(best, reference);
            TestContext.Out.WriteLine($"sample {b}: best approximation in 6 × 15 × 15 slots is {error:P3} from the reference");
            Assert.That(error, Is.LessThan(1e-2).And.GreaterThan(0));
        }
    }

    [Test]
    public void Constrain_ImposesTheInitialVorticity()
    {
        var problem = new NavierStokesProblem(timeModes: 3, spaceModes: 7);
        var w0 = problem.SampleParameters(2, new Random(1));
        var v = Tape<float>.Constant(new Tensor<float>([2, 1, 3, 7, 7], [.. GradientCheck.Random([2, 1, 3, 7, 7], 2).Data.Select(x => (float)x)]));
        var w = problem.Constrain(v, w0).Value;
        Assert.That(w.Shape, Is.EqualTo(new[] { 2, 1, 4, 7, 7 }));
        Assert.Multiple(() =>
        {
            for (int b = 0; b < 2; b++)
                for (int s = 0; s < 49; s++)
                {
                    double atZero = Enumerable.Range(0, 4).Sum(k => (k % 2 == 0 ? 1 : -1) * w.Data[(b * 4 + k) * 49 + s]);
                    Assert.That(atZero, Is.EqualTo(w0.Data[b * 147 + s]).Within(1e-6), $"sample {b}, slot {s}");
                }
            Assert.That(w0.Data[0], Is.EqualTo(0).Within(1e-7), "zero mean");
        });
    }

    [Test]
    public void Nsm_LearnsNavierStokes()
    {
        var problem = new NavierStokesProblem(1e-3, 1, forced: true, timeModes: 3, spaceModes: 7) { ReferencePoints = 32, ReferenceSteps = 32 };
        var model = new Nsm<float>(new NsmOptions { Modes = problem.Modes, Bases = problem.Bases, Width = 6, Depth = 1, Seed = 0 });
        var records = SpectralTrainer.Train(model, problem, new SpectralTrainingOptions { Steps = 120, BatchSize = 4, LearningRate = 3e-3, Decay = 1, TestSamples = 8, EvaluateEvery = 10 },
            r => TestContext.Out.WriteLine($"step {r.Step} loss {r.Loss:G4} test {r.TestRelativeL2:P3} {r.Seconds:F1} s"));
        // Each record's loss is one fresh batch of four: compare the means of the first and last four records.
        Assert.That(records.TakeLast(4).Average(r => r.Loss), Is.LessThan(0.8 * records.Take(4).Average(r => r.Loss)), "the spectral residual loss falls");
        Assert.That(records[^1].TestRelativeL2, Is.LessThan(0.9 * records[0].TestRelativeL2), "the error against ETDRK4 falls");
    }

    [Test]
    public void GridLoss_IsSmallAtTheReferenceSolution()
    {
        var problem = new NavierStokesProblem(1e-3, 3, forced: true, timeModes: 4, spaceModes: 15);
        var w0 = problem.SampleParameters(1, new Random(6));
        int times = NavierStokesProblem.EvaluationTimes, points = NavierStokesProblem.EvaluationPoints;
        var w = new Tensor<double>([1, 1, times, points, points], problem.Solve(w0.Data));
        var initial = SpaceTimeGrids.Values(new Tensor<double>([.. w0.Shape], [.. w0.Data.Select(x => (double)x)]), times, points);
        double[]? f = problem.ForcingValues(points);
        double atSolution = NavierStokesGridLosses.FiniteDifferenceResidualLoss(Tape<double>.Constant(w), 1e-3, 3, f).Value.Data[0];
        double atInitial = NavierStokesGridLosses.FiniteDifferenceResidualLoss(Tape<double>.Constant(initial), 1e-3, 3, f).Value.Data[0];
        TestContext.Out.WriteLine($"grid loss at the reference solution {atSolution:E2}, at w = w₀ {atInitial:E2}");
        Assert.That(atSolution, Is.LessThan(1e-2 * atInitial));
    }

    [Test]
    public void GridLoss_GradientMatchesFiniteDifferences()
    {
        double[] f = [.. GradientCheck.Random([36], 3).Data];
        Assert.That(GradientCheck.RelativeError(x => NavierStokesGridLosses.FiniteDifferenceResidualLoss(x[0], 0.01, 2, f), [GradientCheck.Random([2, 1, 4, 6, 6], 13)]),
            Is.LessThan(1e-6));
    }

    /// <summary>Clenshaw–Curtis weights on [0, 1] at <see cref="ChebyshevBasis.Points"/>.</summary>
    private static double[] ClenshawCurtis(int n)
    {
        double[,] a = ChebyshevBasis.Analysis(n);
        return [.. Enumerable.Range(0, n).Select(j => Enumerable.Range(0, n).Sum(k => k % 2 == 1 ? 0 : a[k, j] / (1.0 - (double)k * k)))];
    }

    [Test]
    public void Solver_DecaysATaylorGreenVortexExactly()
    {
        // w = cos 2πx cos 2πy is proportional to its stream function, so v·∇w = 0 and w(t) = w₀ e^{−8π²νt}.
        const double nu = 0.01, T = 2;
        var solver = new NavierStokesEtdrk4(nu, T, 16, 8);
        double[][] w = solver.Solve(Grid(16, (x, y) => Math.Cos(2 * Math.PI * x) * Math.Cos(2 * Math.PI * y)), 3);
        double decay = Math.Exp(-8 * Math.PI * Math.PI * nu * T);
        double[] exact = Grid(16, (x, y) => decay * Math.Cos(2 * Math.PI * x) * Math.Cos(2 * Math.PI * y));
        Assert.That(w[2].Zip(exact).Max(p => Math.Abs(p.First - p.Second)), Is.LessThan(1e-13));
    }

    [Test]
    public void Solver_SpinsUpTheLaminarKolmogorovFlow()
    {
        // f = sin 4πy: from rest w = f (1 − e^{−νk²t}) / (νk²), k = 4π, with no advection (w depends on y alone).
        const double nu = 0.05, T = 1;
        double k2 = Math.Pow(4 * Math.PI, 2);
        var solver = new NavierStokesEtdrk4(nu, T, 16, 20, Grid(16, (x, y) => Math.Sin(4 * Math.PI * y)));
        double[][] w = solver.Solve(new double[256], 5);
        Assert.Multiple(() =>
        {
            for (int s = 1; s < 5; s++)
            {
                double t = T * s / 4, amplitude = (1 - Math.Exp(-nu * k2 * t)) / (nu * k2);
                double[] exact = Grid(16, (x, y) => amplitude * Math.Sin(4 * Math.PI * y));
                Assert.That(w[s].Zip(exact).Max(p => Math.Abs(p.First - p.Second)), Is.LessThan(1e-12), $"t = {t}");
            }
        });
    }

    [Test]
    public void Solver_ConvergesAtFourthOrder()
    {
        double[] w0 = Grid(32, (x, y) => Math.Sin(2 * Math.PI * x) * Math.Cos(4 * Math.PI * y) + 0.5 * Math.Cos(2 * Math.PI * (x + 2 * y)));
        double[] forcing = Grid(32, (x, y) => 0.1 * (Math.Sin(2 * Math.PI * (x + y)) + Math.Cos(2 * Math.PI * (x + y))));
        double[] Final(int steps) => new NavierStokesEtdrk4(1e-3, 3, 32, steps, forcing).Solve(w0, 2)[1];
        double[] reference = Final(512);
        double Error(int steps) => Final(steps).Zip(reference).Max(p => Math.Abs(p.First - p.Second));
        double coarse = Error(16), fine = Error(32);
        TestContext.Out.WriteLine($"max error at T = 3: 16 steps {coarse:E2}, 32 steps {fine:E2}, ratio {coarse / fine:F1}");
        Assert.That(coarse / fine, Is.InRange(12, 20));
    }
}
