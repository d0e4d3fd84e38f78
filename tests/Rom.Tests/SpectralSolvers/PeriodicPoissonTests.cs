using Rom.Tests.Tensors;

namespace Rom.Tests.SpectralSolvers;

/// <summary>
/// <see cref="PeriodicPoisson"/> in the real Fourier basis: the FFT solver against a manufactured solution, the spectral
/// residual loss zero at the solution and equal to the analytic ‖−Δδ‖² for a known perturbation δ (twice that with the
/// reference code's plain sum of squares), and its gradient against finite differences.
/// </summary>
public class PeriodicPoissonTests
{
    private const int N = 9;

    /// <summary>u = sin 2πx cos 4πy + 0.3 (cos 6πx − cos 2πy): zero at the origin; −Δu analytic.</summary>
    private static double U(double x, double y) => Math.Sin(2 * Math.PI * x) * Math.Cos(4 * Math.PI * y) + 0.3 * (Math.Cos(6 * Math.PI * x) - Math.Cos(2 * Math.PI * y));

    private static double MinusLaplacianU(double x, double y) =>
        20 * Math.PI * Math.PI * Math.Sin(2 * Math.PI * x) * Math.Cos(4 * Math.PI * y)
        + 0.3 * (36 * Math.PI * Math.PI * Math.Cos(6 * Math.PI * x) - 4 * Math.PI * Math.PI * Math.Cos(2 * Math.PI * y));

    [Test]
    public void FftSolver_RecoversAManufacturedSolution()
    {
        double[] solved = new PeriodicPoisson(N, N).Solve(Coefficients(MinusLaplacianU));
        Assert.That(solved.Zip(Coefficients(U)).Max(p => Math.Abs(p.First - p.Second)), Is.LessThan(1e-13));
    }

    [Test]
    public void ResidualLoss_IsZeroAtTheSolution_AndTheAnalyticNormOfAPerturbation()
    {
        var poisson = new PeriodicPoisson(N, N);
        double[] u = Coefficients(U), s = Coefficients(MinusLaplacianU);
        double[] delta = Coefficients((x, _) => 0.1 * Math.Cos(6 * Math.PI * x));
        double Loss(double[] c, bool exact = true) => poisson.ResidualLoss(Tape<double>.Constant(Tensor(c)), Tensor(s), exact).Value.Data[0];
        double[] perturbed = [.. u.Zip(delta, (a, b) => a + b)];
        double expected = Math.Pow(3.6 * Math.PI * Math.PI, 2) / 2; // ∫∫ (36π² · 0.1 cos 6πx)² over the unit square
        Assert.Multiple(() =>
        {
            Assert.That(Loss(u), Is.LessThan(1e-20));
            Assert.That(Loss(perturbed), Is.EqualTo(expected).Within(1e-10).Percent);
            Assert.That(Loss(perturbed, exact: false), Is.EqualTo(2 * expected).Within(1e-10).Percent, "the plain sum of squares");
        });
    }

    [Test]
    public void ResidualLossGradient_MatchesFiniteDifferences()
    {
        var poisson = new PeriodicPoisson(5, 6);
        var s = GradientCheck.Random([2, 1, 5, 6], 3);
        Assert.That(GradientCheck.RelativeError(x => poisson.ResidualLoss(x[0], s), [GradientCheck.Random([2, 1, 5, 6], 4)]), Is.LessThan(1e-6));
    }

    [Test]
    public void RealFourierBasis_AnalysisInvertsSynthesis_AndResizingKeepsTheFunction()
    {
        foreach (int n in new[] { 7, 8 })
        {
            double[,] product = Multiply(RealFourierBasis.Analysis(n), RealFourierBasis.Synthesis(n, n));
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    Assert.That(product[i, j], Is.EqualTo(i == j ? 1 : 0).Within(1e-13), $"n = {n}");
        }
        double[] values = GradientCheck.Random([16], 5).Data;
        double[] coefficients = Apply(RealFourierBasis.Analysis(16), values);
        double[] onTheSameGrid = Apply(RealFourierBasis.Synthesis(31, 16), Apply(RealFourierBasis.Resize(16, 31), coefficients));
        Assert.That(onTheSameGrid, Is.EqualTo(values).Within(1e-12));
    }

    [Test]
    public void BadInput_IsNamed()
    {
        var poisson = new PeriodicPoisson(N, N);
        Assert.Multiple(() =>
        {
            Assert.That(() => poisson.Solve(new double[3]), Throws.ArgumentException.With.Message.Contains("3 coefficients"));
            Assert.That(() => new PeriodicPoisson(), Throws.ArgumentException.With.Message.Contains("1 to 3 axes"));
            Assert.That(() => poisson.ResidualLoss(Tape<double>.Constant(Tensor<double>.Zeros([1, 2, N, N])), Tensor<double>.Zeros([1, 2, N, N])),
                Throws.ArgumentException.With.Message.Contains("(batch, 1, 9, 9)"));
        });
    }

    /// <summary>The real Fourier coefficients of f on the N×N grid (exact for the trigonometric polynomials here).</summary>
    private static double[] Coefficients(Func<double, double, double> f)
    {
        double[,] analysis = RealFourierBasis.Analysis(N);
        var values = new double[N, N];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                values[i, j] = f((double)i / N, (double)j / N);
        var c = new double[N * N];
        for (int p = 0; p < N; p++)
            for (int q = 0; q < N; q++)
                for (int i = 0; i < N; i++)
                    for (int j = 0; j < N; j++)
                        c[p * N + q] += analysis[p, i] * analysis[q, j] * values[i, j];
        return c;
    }

    private static Tensor<double> Tensor(double[] c) => new([1, 1, N, N], (double[])c.Clone());

    private static double[] Apply(double[,] m, double[] v) =>
        [.. Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, v.Length).Sum(j => m[i, j] * v[j]))];

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var c = new double[a.GetLength(0), b.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < b.GetLength(1); j++)
                for (int k = 0; k < a.GetLength(1); k++)
                    c[i, j] += a[i, k] * b[k, j];
        return c;
    }
}
