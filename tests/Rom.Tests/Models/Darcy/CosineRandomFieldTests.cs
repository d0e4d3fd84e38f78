namespace Rom.Tests.Models.Darcy;

public class CosineRandomFieldTests
{
    private const double Alpha = 2, Tau = 3;

    // φ₀ = 1, φ_k(x) = √2 cos(πkx): the L²(0, 1)-orthonormal Neumann eigenfunctions, written out here.
    private static double Phi(int k, double x) => k == 0 ? 1 : Math.Sqrt(2) * Math.Cos(Math.PI * k * x);

    [TestCase(0, 1)]
    [TestCase(1, 0)]
    [TestCase(2, 5)]
    [TestCase(6, 6)]
    public void NoiseInOneModeGivesThatModesCosineTimesItsDeviation(int k0, int k1)
    {
        const int s = 7;
        var xi = new double[s * s];
        xi[k0 + s * k1] = 1;
        var g = CosineRandomField.FromNoise(xi, s, Alpha, Tau);
        double c = Math.Pow(Tau, Alpha - 1) / (Math.PI * Math.PI * (k0 * k0 + k1 * k1) + Tau * Tau);   // α = 2
        Assert.That(CosineRandomField.ModeDeviation(k0, k1, Alpha, Tau), Is.EqualTo(c).Within(1e-15 * c));
        for (int j = 0; j < s; j++)
            for (int i = 0; i < s; i++)
                Assert.That(g[i + s * j], Is.EqualTo(c * Phi(k0, i / (s - 1.0)) * Phi(k1, j / (s - 1.0))).Within(1e-14), $"point ({i}, {j})");
    }

    [Test]
    public void TheMeanModeIsZero()
    {
        const int s = 5;
        var xi = new double[s * s];
        xi[0] = 1;
        Assert.That(CosineRandomField.ModeDeviation(0, 0, Alpha, Tau), Is.Zero);
        Assert.That(CosineRandomField.FromNoise(xi, s, Alpha, Tau), Is.All.EqualTo(0.0));
    }

    [Test]
    public void TheEmpiricalCovarianceOfManyFieldsIsTheSeriesCovariance()
    {
        // Cov(g(p), g(q)) = Σ_k c_k² φ_k(p) φ_k(q) over the s × s modes, against 20,000 seeded fields at s = 9.
        const int s = 9, samples = 20_000, points = s * s;
        var expected = new double[points, points];
        for (int p = 0; p < points; p++)
            for (int q = 0; q < points; q++)
                for (int k1 = 0; k1 < s; k1++)
                    for (int k0 = 0; k0 < s; k0++)
                    {
                        double c = CosineRandomField.ModeDeviation(k0, k1, Alpha, Tau);
                        expected[p, q] += c * c * Phi(k0, p % s / (s - 1.0)) * Phi(k1, p / s / (s - 1.0))
                                                * Phi(k0, q % s / (s - 1.0)) * Phi(k1, q / s / (s - 1.0));
                    }
        var empirical = new double[points, points];
        var mean = new double[points];
        var random = new Random(11);
        for (int n = 0; n < samples; n++)
        {
            var g = CosineRandomField.Sample(s, Alpha, Tau, random);
            for (int p = 0; p < points; p++)
            {
                mean[p] += g[p] / samples;
                for (int q = 0; q < points; q++)
                    empirical[p, q] += g[p] * g[q] / samples;
            }
        }
        double difference = 0, norm = 0, trace = 0, sampledTrace = 0;
        for (int p = 0; p < points; p++)
        {
            trace += expected[p, p];
            sampledTrace += empirical[p, p];
            for (int q = 0; q < points; q++)
            {
                difference += Math.Pow(empirical[p, q] - expected[p, q], 2);
                norm += expected[p, q] * expected[p, q];
            }
        }
        // The sampling error of a Wishart estimate: E‖Ĉ − C‖²_F = (‖C‖²_F + (tr C)²)/M; allow three times its root.
        double allowed = 3 * Math.Sqrt((norm + trace * trace) / samples);
        TestContext.Out.WriteLine($"‖Ĉ − C‖_F = {Math.Sqrt(difference):E3}, ‖C‖_F = {Math.Sqrt(norm):E3}, allowed {allowed:E3}; " +
            $"Σ variances {sampledTrace:F4} vs {trace:F4}");
        Assert.That(Math.Sqrt(difference), Is.LessThan(allowed));
        Assert.That(allowed, Is.LessThan(0.1 * Math.Sqrt(norm)), "the test resolves a 10% error in the covariance");
        // The summed variance Σ_p Var g(p) = tr C has the sampling deviation √(2‖C‖²_F/M): a sharp check of the scale.
        Assert.That(sampledTrace, Is.EqualTo(trace).Within(3 * Math.Sqrt(2 * norm / samples)));
        Assert.That(3 * Math.Sqrt(2 * norm / samples), Is.LessThan(0.02 * trace), "the scale is checked to 2%");
        for (int p = 0; p < points; p++)
            Assert.That(Math.Abs(mean[p]), Is.LessThan(5 * Math.Sqrt(expected[p, p] / samples)), $"zero mean at point {p}");
    }

    [Test]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CosineRandomField.Sample(1, Alpha, Tau, new Random(0)));
        Assert.Throws<ArgumentException>(() => CosineRandomField.FromNoise(new double[8], 3, Alpha, Tau));
        Assert.Throws<ArgumentOutOfRangeException>(() => CosineRandomField.FromNoise(new double[9], 3, 0, Tau));
    }
}
