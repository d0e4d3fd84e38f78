using Rom.SpectralSolvers;

namespace Rom.Tests.SpectralSolvers;

/// <summary>
/// The 2-D vorticity equation: the classical solver against exact solutions (a decaying Taylor–Green vortex, a
/// Kolmogorov flow spun up by its forcing) and its fourth order.
/// </summary>
public class NavierStokesTests
{
    private static double[] Grid(int n, Func<double, double, double> f) =>
        [.. Enumerable.Range(0, n * n).Select(i => f((double)(i / n) / n, (double)(i % n) / n))];

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
