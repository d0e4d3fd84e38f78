using Rom.Tests.Tensors;

namespace Rom.Tests.SpectralSolvers;

/// <summary>
/// <see cref="PoissonGridLosses"/>: the five-point residual against its symbol on a grid mode, the mollifier's u(0) = 0,
/// gradients against finite differences, and grid values against the series.
/// </summary>
public class PoissonGridLossesTests
{
    [Test]
    public void FiniteDifferenceResidual_OfAGridMode_IsItsSymbol()
    {
        // u = sin 2πx cos 4πy on a 12 × 12 grid: −Δ_h u = 4G²(sin²(π/G) + sin²(2π/G)) u; with s = 0 the loss is that squared times mean u².
        const int g = 12;
        var u = Tensor<double>.Zeros([1, 1, g, g]);
        for (int i = 0; i < g; i++)
            for (int j = 0; j < g; j++)
                u.Data[i * g + j] = Math.Sin(2 * Math.PI * i / g) * Math.Cos(4 * Math.PI * j / g);
        double symbol = 4.0 * g * g * (Math.Pow(Math.Sin(Math.PI / g), 2) + Math.Pow(Math.Sin(2 * Math.PI / g), 2));
        double loss = PoissonGridLosses.FiniteDifferenceResidualLoss(Tape<double>.Constant(u), Tensor<double>.Zeros([1, 1, g, g])).Value.Data[0];
        Assert.That(loss, Is.EqualTo(symbol * symbol * 0.25).Within(1e-10).Percent);
    }

    [Test]
    public void Gradients_MatchFiniteDifferences()
    {
        var s = GradientCheck.Random([2, 1, 6, 6], 1);
        Assert.Multiple(() =>
        {
            Assert.That(GradientCheck.RelativeError(v => PoissonGridLosses.FiniteDifferenceResidualLoss(v[0], s), [GradientCheck.Random([2, 1, 6, 6], 2)]), Is.LessThan(1e-6), "residual loss");
            Assert.That(GradientCheck.RelativeError(v => PoissonGridLosses.PinOrigin(v[0], 0.5), [GradientCheck.Random([2, 3, 5, 4], 3)]), Is.LessThan(1e-6), "mollifier");
        });
    }

    [Test]
    public void PinOrigin_ZeroesTheFirstPoint_AndValuesMatchTheSeries()
    {
        var pinned = PoissonGridLosses.PinOrigin(Tape<double>.Constant(GradientCheck.Random([2, 1, 5, 4], 4)), 2).Value;
        Assert.That(pinned.Data[0], Is.EqualTo(0).Within(1e-15));
        Assert.That(pinned.Data[20], Is.EqualTo(0).Within(1e-15));

        var c = Tensor<double>.Zeros([1, 1, 5, 5]);
        c.Data[1 * 5 + 2] = 1; // slot (cos 2πx, sin 2πy)
        var values = PoissonGridLosses.Values(c, 8);
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
                Assert.That(values.Data[i * 8 + j], Is.EqualTo(Math.Cos(2 * Math.PI * i / 8) * Math.Sin(2 * Math.PI * j / 8)).Within(1e-14));
    }

    [Test]
    public void FiniteDifferenceSolution_ZeroesThePinnLoss()
    {
        var problem = new PoissonSourceProblem(modes: 17, sourcePoints: 16);
        var source = problem.SampleParameters(1, new Random(4));
        double[] s = [.. source.Data.Select(v => (double)v)];
        double[] uh = PoissonGridLosses.FiniteDifferenceSolution(s, 40), exact = new PeriodicPoisson(17, 17).Solve(s);
        var grid = PoissonGridLosses.Values(new Tensor<double>([1, 1, 17, 17], uh), 40);
        double loss = PoissonGridLosses.FiniteDifferenceResidualLoss(Tape<double>.Constant(grid), PoissonGridLosses.Values(new Tensor<double>([1, 1, 17, 17], s), 40)).Value.Data[0];
        double atExact = PoissonGridLosses.FiniteDifferenceResidualLoss(Tape<double>.Constant(PoissonGridLosses.Values(new Tensor<double>([1, 1, 17, 17], exact), 40)),
            PoissonGridLosses.Values(new Tensor<double>([1, 1, 17, 17], s), 40)).Value.Data[0];
        Assert.Multiple(() =>
        {
            Assert.That(loss, Is.LessThan(1e-20 * atExact + 1e-24), "the FD solution zeroes the PINN loss");
            Assert.That(atExact, Is.GreaterThan(0), "the true solution does not");
            Assert.That(new PeriodicPoisson(17, 17).ValueAtOrigin(uh), Is.EqualTo(0).Within(1e-15));
        });
    }
}
