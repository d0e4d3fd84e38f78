using System.Numerics;
using Rom.Spectral.Chebyshev;
using Rom.SpectralSolvers;
using Rom.Tensors;
using Rom.Tests.Tensors;

namespace Rom.Tests.SpectralSolvers;

/// <summary>
/// <see cref="PeriodicPoisson"/>: the FFT solver against a manufactured solution, the spectral residual loss zero at
/// that solution and equal to the analytic ‖−Δδ‖² for a known perturbation δ, and its gradient against finite differences.
/// </summary>
public class PeriodicPoissonTests
{
    private static readonly SpectralAxis[] Axes = [SpectralAxis.Fourier(16, 1), SpectralAxis.Fourier(15, 2)];

    /// <summary>u = sin 2πx · cos 3πy on (0, 1) × (0, 2): −Δu = (4π² + 9π²) u.</summary>
    private static double U(double x, double y) => Math.Sin(2 * Math.PI * x) * Math.Cos(3 * Math.PI * y);

    [Test]
    public void FftSolver_RecoversAManufacturedSolution()
    {
        var (u, s) = Manufactured();
        var solved = new PeriodicPoisson(Axes).Solve(s);
        Assert.That(solved.Zip(u).Max(p => (p.First - p.Second).Magnitude), Is.LessThan(1e-13));
    }

    [Test]
    public void ResidualLoss_IsZeroAtTheSolution_AndTheAnalyticNormOfAPerturbation()
    {
        var (u, s) = Manufactured();
        var poisson = new PeriodicPoisson(Axes);
        double Loss(Complex[] coefficients) =>
            poisson.ResidualLoss(Tape<double>.Constant(Coefficients.AsTensor(coefficients, [1, 1, 16, 15])), Coefficients.AsTensor(s, [1, 1, 16, 15])).Value.Data[0];
        Assert.That(Loss(u), Is.LessThan(1e-20));
        // δ = 0.1 cos(2π·3x) on (0,1)×(0,2): −Δδ = (6π)² δ, ‖−Δδ‖² = (6π)⁴ · 0.01 · ½ · 2.
        var transform = new TensorSpectralTransform(Axes);
        var delta = new Complex[transform.Length];
        transform.Forward(Grid((x, _) => 0.1 * Math.Cos(6 * Math.PI * x)), delta);
        double expected = Math.Pow(6 * Math.PI, 4) * 0.01;
        Assert.That(Loss([.. u.Zip(delta, (a, b) => a + b)]), Is.EqualTo(expected).Within(1e-10).Percent);
    }

    [Test]
    public void ResidualLossGradient_MatchesFiniteDifferences()
    {
        var poisson = new PeriodicPoisson([SpectralAxis.Fourier(5, 1), SpectralAxis.Fourier(6, 2)]);
        var s = GradientCheck.Random([2, 1, 5, 6], 3, complex: true);
        Assert.That(GradientCheck.RelativeError(x => poisson.ResidualLoss(x[0], s), [GradientCheck.Random([2, 1, 5, 6], 4, complex: true)]), Is.LessThan(1e-6));
    }

    [Test]
    public void BadInput_IsNamed()
    {
        var poisson = new PeriodicPoisson(Axes);
        var s = new Complex[16 * 15];
        s[0] = 1;
        Assert.Multiple(() =>
        {
            Assert.That(() => poisson.Solve(s), Throws.ArgumentException.With.Message.Contains("mean"));
            Assert.That(() => poisson.Solve(new Complex[3]), Throws.ArgumentException.With.Message.Contains("3 coefficients"));
            Assert.That(() => new PeriodicPoisson([SpectralAxis.Chebyshev(4)]), Throws.ArgumentException.With.Message.Contains("Fourier"));
            Assert.That(() => poisson.ResidualLoss(Tape<double>.Constant(Tensor<double>.Zeros([1, 1, 16, 15])), Tensor<double>.Zeros([1, 1, 16, 15])),
                Throws.ArgumentException.With.Message.Contains("complex"));
        });
    }

    private static (Complex[] U, Complex[] S) Manufactured()
    {
        var transform = new TensorSpectralTransform(Axes);
        var u = new Complex[transform.Length];
        var s = new Complex[transform.Length];
        transform.Forward(Grid(U), u);
        transform.Forward(Grid((x, y) => 13 * Math.PI * Math.PI * U(x, y)), s);
        return (u, s);
    }

    private static double[] Grid(Func<double, double, double> f)
    {
        double[] xs = Axes[0].Points(), ys = Axes[1].Points();
        return [.. xs.SelectMany(x => ys.Select(y => f(x, y)))];
    }

}
