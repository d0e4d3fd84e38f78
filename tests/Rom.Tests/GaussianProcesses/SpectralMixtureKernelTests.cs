namespace Rom.Tests.GaussianProcesses;

public class SpectralMixtureKernelTests
{
    private static SpectralMixtureKernel Kernel(KernelFamily family)
    {
        var random = new Random(3);
        var theta = new double[9];
        for (int q = 0; q < 3; q++)
        {
            theta[q] = Math.Log(0.2 + random.NextDouble());
            theta[3 + q] = random.NextDouble() - 0.5;
            theta[6 + q] = 3 * random.NextDouble();
        }
        return new SpectralMixtureKernel(family, theta);
    }

    private static readonly double[] Lags = [-0.83, -0.31, -0.02, 0.04, 0.27, 0.61, 1.3];

    [TestCase(KernelFamily.Gaussian)]
    [TestCase(KernelFamily.StudentT)]
    public void DerivativesInXMatchCentralDifferences(KernelFamily family)
    {
        var k = Kernel(family);
        const double h = 1e-5;
        foreach (double r in Lags)
            for (int order = 1; order <= SpectralMixtureKernel.MaxOrder; order++)
            {
                double fd = (k.Value(r + h, order - 1) - k.Value(r - h, order - 1)) / (2 * h);
                double exact = k.Value(r, order);
                Assert.That(Math.Abs(fd - exact), Is.LessThan(1e-6 * Math.Max(1, Math.Abs(exact))), $"r = {r}, order {order}");
            }
    }

    [TestCase(KernelFamily.Gaussian)]
    [TestCase(KernelFamily.StudentT)]
    public void ParameterGradientsMatchCentralDifferences(KernelFamily family)
    {
        var k = Kernel(family);
        var theta = k.Parameters.ToArray();
        const double h = 1e-6;
        foreach (double r in Lags)
            for (int order = 0; order <= SpectralMixtureKernel.MaxOrder; order++)
            {
                var gradient = new double[theta.Length];
                k.AddParameterGradient(r, order, 1, gradient);
                for (int p = 0; p < theta.Length; p++)
                {
                    var plus = (double[])theta.Clone();
                    var minus = (double[])theta.Clone();
                    plus[p] += h;
                    minus[p] -= h;
                    double fd = (new SpectralMixtureKernel(family, plus).Value(r, order) - new SpectralMixtureKernel(family, minus).Value(r, order)) / (2 * h);
                    Assert.That(Math.Abs(fd - gradient[p]), Is.LessThan(1e-6 * Math.Max(1, Math.Abs(gradient[p]))), $"r = {r}, order {order}, θ[{p}]");
                }
            }
    }

    [TestCase(KernelFamily.Gaussian)]
    [TestCase(KernelFamily.StudentT)]
    public void FoldedFrequenciesKeepTheGridCovarianceAndTakeTheBasebandDerivatives(KernelFamily family)
    {
        // Spacing h = 0.1: Nyquist F = 5, aliases repeat every 1/h = 10. 7.3 → 2.7, −1.2 → 1.2, 12.4 → 2.4.
        const double h = 0.1;
        double[] logWeights = [0.1, -0.4, -1.0], logScales = [-0.5, 0.2, -1.5];
        double[] Theta(params double[] f) => [.. logWeights, .. logScales, .. f];
        var given = new SpectralMixtureKernel(family, Theta(7.3, -1.2, 12.4));
        var folded = new SpectralMixtureKernel(family, Theta(7.3, -1.2, 12.4), 1 / (2 * h));
        var baseband = new SpectralMixtureKernel(family, Theta(2.7, 1.2, 2.4));
        Assert.That(Enumerable.Range(0, 3).Select(folded.Frequency), Is.EqualTo(new[] { 2.7, 1.2, 2.4 }).Within(1e-12));
        for (int lag = -12; lag <= 12; lag++)
        {
            double r = lag * h;
            Assert.That(folded.Value(r, 0), Is.EqualTo(given.Value(r, 0)).Within(1e-12), $"K at lag {lag}: the grid cannot tell aliases apart");
            for (int order = 0; order <= SpectralMixtureKernel.MaxOrder; order++)
                Assert.That(folded.Value(r, order), Is.EqualTo(baseband.Value(r, order)).Within(1e-9 * Math.Max(1, Math.Abs(baseband.Value(r, order)))), $"lag {lag}, order {order}");
        }
        Assert.That(Math.Abs(given.Value(0, 2) - folded.Value(0, 2)), Is.GreaterThan(100), "K″ of the aliases differs");
    }

    [TestCase(KernelFamily.Gaussian)]
    [TestCase(KernelFamily.StudentT)]
    public void FoldedParameterGradientsMatchCentralDifferences(KernelFamily family)
    {
        // Frequencies on both sides of the fold F = 1.5 and below zero, away from the kinks at multiples of F.
        double[] theta = [0.2, -0.3, -0.8, -0.4, 0.1, 0.3, 2.2, -0.7, 4.1];
        const double h = 1e-6, fold = 1.5;
        foreach (double r in Lags)
            for (int order = 0; order <= SpectralMixtureKernel.MaxOrder; order++)
            {
                var gradient = new double[theta.Length];
                new SpectralMixtureKernel(family, theta, fold).AddParameterGradient(r, order, 1, gradient);
                for (int p = 0; p < theta.Length; p++)
                {
                    var plus = (double[])theta.Clone();
                    var minus = (double[])theta.Clone();
                    plus[p] += h;
                    minus[p] -= h;
                    double fd = (new SpectralMixtureKernel(family, plus, fold).Value(r, order) - new SpectralMixtureKernel(family, minus, fold).Value(r, order)) / (2 * h);
                    Assert.That(Math.Abs(fd - gradient[p]), Is.LessThan(1e-6 * Math.Max(1, Math.Abs(gradient[p]))), $"r = {r}, order {order}, θ[{p}]");
                }
            }
    }

    [Test]
    public void MaternEnvelopeIsTwiceDifferentiableAtZero()
    {
        var k = Kernel(KernelFamily.StudentT);
        Assert.That(k.Value(1e-9, 1), Is.EqualTo(0).Within(1e-6));
        Assert.That(k.Value(1e-9, 2), Is.EqualTo(k.Value(0, 2)).Within(1e-6 * Math.Abs(k.Value(0, 2))));
    }

    [Test]
    public void RejectsOrdersBeyondTheKernelsDerivatives()
    {
        var k = Kernel(KernelFamily.Gaussian);
        var e = Assert.Throws<ArgumentException>(() => k.Value(0.1, 3))!;
        Assert.That(e.Message, Does.Contain("order 3"));
        Assert.Throws<ArgumentException>(() => SpectralMixtureKernel.InitialParameters(0, 20));
    }

    [Test]
    public void InitialParametersFollowTheReference()
    {
        var theta = SpectralMixtureKernel.InitialParameters(30, 20);
        Assert.That(theta[0], Is.EqualTo(Math.Log(1.0 / 30)).Within(1e-15));
        Assert.That(theta[30], Is.EqualTo(0));
        Assert.That(theta[60], Is.EqualTo(0));
        Assert.That(theta[89], Is.EqualTo(20).Within(1e-12));
    }
}
