namespace Rom.Tests.SpectralSolvers;

/// <summary><see cref="PeriodicGaussianField"/>: the empirical covariance of many samples against the kernel.</summary>
public class PeriodicGaussianFieldTests
{
    [Test]
    public void EmpiricalCovariance_MatchesThePeriodicKernel()
    {
        const int n = 8, samples = 20000;
        var field = new PeriodicGaussianField(n, 2, 0.2);
        var random = new Random(1);
        // Points (0, 0), (0, 1/8), (3/8, 5/8): kernel exp(−Σ sin²(πd) / (2ℓ²)).
        int[] at = [0, 1, 3 * n + 5];
        var sums = new double[3, 3];
        for (int s = 0; s < samples; s++)
        {
            double[] v = field.Sample(random);
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    sums[i, j] += v[at[i]] * v[at[j]];
        }
        double Kernel(int a, int b)
        {
            double dx = (a / n - b / n) / (double)n, dy = (a % n - b % n) / (double)n;
            return Math.Exp(-(Math.Pow(Math.Sin(Math.PI * dx), 2) + Math.Pow(Math.Sin(Math.PI * dy), 2)) / (2 * 0.2 * 0.2));
        }
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    Assert.That(sums[i, j] / samples, Is.EqualTo(Kernel(at[i], at[j])).Within(0.04), $"covariance of points {at[i]} and {at[j]}"); // 4 standard errors at most
        });
    }
}
