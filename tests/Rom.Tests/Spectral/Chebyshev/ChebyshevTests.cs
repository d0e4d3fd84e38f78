using System.Numerics;
using Rom.Spectral.Chebyshev;

namespace Rom.Tests.Spectral.Chebyshev;

/// <summary>Chebyshev transforms, Clenshaw and differentiation against closed forms and direct sums.</summary>
public class ChebyshevTests
{
    /// <summary>T_k(x) = cos(k arccos x), the definition, for the direct sums.</summary>
    private static double T(int k, double x) => Math.Cos(k * Math.Acos(Math.Clamp(x, -1, 1)));

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(17)]
    [TestCase(64)]
    [TestCase(101)]
    public void CoefficientsMatchTheDirectSumAndRoundTrip(int n)
    {
        var random = new Random(n);
        double[] a = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] x = ChebyshevTransform.LobattoPoints(n);
        var transform = new ChebyshevTransform(n);
        double[] values = new double[n], back = new double[n];
        transform.CoefficientsToValues(a, values);
        for (int j = 0; j < n; j++)
            Assert.That(values[j], Is.EqualTo(Enumerable.Range(0, n).Sum(k => a[k] * T(k, x[j]))).Within(1e-13 * n));
        transform.ValuesToCoefficients(values, back);
        Assert.That(back, Is.EqualTo(a).Within(1e-13));
    }

    [Test]
    public void APolynomialHasItsExactCoefficients()
    {
        // x³ = (3 T₁ + T₃) / 4 and 2x² − 1 = T₂.
        var transform = new ChebyshevTransform(6);
        double[] x = ChebyshevTransform.LobattoPoints(6), a = new double[6];
        transform.ValuesToCoefficients(x.Select(t => t * t * t + 2 * t * t - 1).ToArray(), a);
        Assert.That(a, Is.EqualTo(new[] { 0, 0.75, 1, 0.25, 0, 0 }).Within(1e-15));
        Assert.That(x[0], Is.EqualTo(1));
        Assert.That(x[5], Is.EqualTo(-1));
    }

    [Test]
    public void BatchedLinesTransformIndependently()
    {
        int n = 9, lines = 4;
        var random = new Random(3);
        double[] values = Enumerable.Range(0, n * lines).Select(_ => random.NextDouble()).ToArray();
        double[] batched = new double[values.Length], single = new double[n];
        new ChebyshevTransform(n, lines).ValuesToCoefficients(values, batched);
        for (int l = 0; l < lines; l++)
        {
            new ChebyshevTransform(n).ValuesToCoefficients(values.AsSpan(l * n, n), single);
            Assert.That(batched.AsSpan(l * n, n).ToArray(), Is.EqualTo(single).Within(1e-15));
        }
    }

    [Test]
    public void ClenshawMatchesTheDirectSumInsideAndOutsideTheInterval()
    {
        var random = new Random(8);
        double[] a = Enumerable.Range(0, 30).Select(_ => random.NextDouble() - 0.5).ToArray();
        foreach (double x in new[] { -1, -0.73, 0, 0.31, 1 })
            Assert.That(ChebyshevSeries.Evaluate(a, x), Is.EqualTo(Enumerable.Range(0, a.Length).Sum(k => a[k] * T(k, x))).Within(1e-13));
        // Outside [−1, 1] the series is the polynomial: 1 + 2T₁ + 3T₂ at x = 2 is 1 + 4 + 3·7.
        Assert.That(ChebyshevSeries.Evaluate([1, 2, 3], 2), Is.EqualTo(26).Within(1e-14));
        Assert.That(ChebyshevSeries.Evaluate([], 0.5), Is.Zero);
    }

    [Test]
    public void DerivativeOfAPolynomialIsExact()
    {
        // T₄ = 8x⁴ − 8x² + 1, T₄′ = 32x³ − 16x = 8T₃ + 8T₁ (as 4x³ = T₃ + 3T₁).
        double[] d = new double[5];
        ChebyshevSeries.Differentiate([0, 0, 0, 0, 1], d);
        Assert.That(d, Is.EqualTo(new double[] { 0, 8, 0, 8, 0 }).Within(1e-15));
        ChebyshevSeries.Differentiate([5, 0, 0, 0, 0], d);
        Assert.That(d, Is.All.Zero);
    }

    /// <summary>Max error of the spectral derivative at the points, relative to max |f′|.</summary>
    private static double DerivativeError(int n, Func<double, double> f, Func<double, double> df)
    {
        var transform = new ChebyshevTransform(n);
        double[] x = ChebyshevTransform.LobattoPoints(n), a = new double[n], da = new double[n], values = new double[n];
        transform.ValuesToCoefficients(x.Select(f).ToArray(), a);
        ChebyshevSeries.Differentiate(a, da);
        transform.CoefficientsToValues(da, values);
        return x.Select((t, j) => Math.Abs(values[j] - df(t))).Max() / x.Max(t => Math.Abs(df(t)));
    }

    [Test]
    public void DifferentiationConvergesSpectrallyForAnEntireFunction()
    {
        // f = exp(sin πx): the error falls faster than any power of n, down to round-off.
        Func<double, double> f = x => Math.Exp(Math.Sin(Math.PI * x));
        Func<double, double> df = x => Math.PI * Math.Cos(Math.PI * x) * Math.Exp(Math.Sin(Math.PI * x));
        double[] errors = [.. new[] { 10, 20, 30, 40 }.Select(n => DerivativeError(n, f, df))];
        for (int i = 1; i < errors.Length; i++)
            Assert.That(errors[i], Is.LessThan(errors[i - 1] / 100), $"errors {string.Join(", ", errors)}");
        Assert.That(DerivativeError(60, f, df), Is.LessThan(1e-12));
    }

    [Test]
    public void DifferentiationConvergesGeometricallyForRungesFunction()
    {
        // 1/(1 + 25x²) has poles at ±i/5: the error decays like ρ^(−n) with ρ = 1/5 + √(1 + 1/25) ≈ 1.22.
        Func<double, double> f = x => 1 / (1 + 25 * x * x);
        Func<double, double> df = x => -50 * x / Math.Pow(1 + 25 * x * x, 2);
        double rho = 0.2 + Math.Sqrt(1.04);
        double e40 = DerivativeError(41, f, df), e80 = DerivativeError(81, f, df);
        Assert.That(e80 / e40, Is.LessThan(4 * Math.Pow(rho, -40)), $"{e40} → {e80}");
        Assert.That(DerivativeError(201, f, df), Is.LessThan(1e-12));
    }

    [Test]
    public void BadSizesAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChebyshevTransform(1));
        var e = Assert.Throws<ArgumentException>(() => new ChebyshevTransform(4).ValuesToCoefficients(new double[5], new double[4]));
        Assert.That(e!.Message, Does.Contain("holds 5 values"));
    }
}

/// <summary>Fourier × Chebyshev tensor grids in 2-D and 3-D against closed forms.</summary>
public class TensorSpectralTransformTests
{
    [Test]
    public void FourierTimesChebyshevDifferentiatesBothAxesToRoundOff()
    {
        // f(x, y) = exp(sin x) · cos(3y) on [0, 2π) × [0, 2].
        var grid = new TensorSpectralTransform([SpectralAxis.Fourier(32), SpectralAxis.Chebyshev(40, 0, 2)]);
        double[] xs = grid.Axes[0].Points(), ys = grid.Axes[1].Points();
        double[] f = new double[grid.Length], fx = new double[grid.Length], fy = new double[grid.Length];
        for (int i = 0; i < xs.Length; i++)
            for (int j = 0; j < ys.Length; j++)
            {
                double e = Math.Exp(Math.Sin(xs[i]));
                f[i * ys.Length + j] = e * Math.Cos(3 * ys[j]);
                fx[i * ys.Length + j] = Math.Cos(xs[i]) * e * Math.Cos(3 * ys[j]);
                fy[i * ys.Length + j] = -3 * e * Math.Sin(3 * ys[j]);
            }
        var c = new Complex[grid.Length];
        grid.Forward(f, c);
        double[] back = new double[grid.Length];
        grid.Inverse(c, back);
        Assert.That(back, Is.EqualTo(f).Within(1e-13));
        foreach (var (axis, exact) in new[] { (0, fx), (1, fy) })
        {
            var dc = new Complex[grid.Length];
            grid.Differentiate(c, axis, dc);
            double[] d = new double[grid.Length];
            grid.Inverse(dc, d);
            Assert.That(d, Is.EqualTo(exact).Within(1e-11), $"axis {axis}");
        }
    }

    [Test]
    public void FourierCoefficientsAreThoseOfTheSeries()
    {
        // sin(3x) = (e^{3ix} − e^{−3ix}) / 2i: coefficient −i/2 at k = 3 and i/2 at k = −3 (index n − 3).
        var grid = new TensorSpectralTransform([SpectralAxis.Fourier(8)]);
        var c = new Complex[8];
        grid.Forward(grid.Axes[0].Points().Select(x => Math.Sin(3 * x)).ToArray(), c);
        for (int k = 0; k < 8; k++)
        {
            var expected = k == 3 ? new Complex(0, -0.5) : k == 5 ? new Complex(0, 0.5) : Complex.Zero;
            Assert.That((c[k] - expected).Magnitude, Is.LessThan(1e-15), $"k = {k}");
        }
    }

    [Test]
    public void ThreeDimensionalGridMatchesTheChebyshevSeriesAlongItsAxis()
    {
        // f(x, y, z) = cos(x) sin(2y) T₃(z) on a Fourier × Fourier × Chebyshev grid: only the z-coefficient 3 is non-zero.
        var grid = new TensorSpectralTransform([SpectralAxis.Fourier(4), SpectralAxis.Fourier(6), SpectralAxis.Chebyshev(5)]);
        double[] xs = grid.Axes[0].Points(), ys = grid.Axes[1].Points(), zs = grid.Axes[2].Points();
        double[] f = new double[grid.Length], fz = new double[grid.Length];
        int at = 0;
        foreach (double x in xs)
            foreach (double y in ys)
                foreach (double z in zs)
                {
                    f[at] = Math.Cos(x) * Math.Sin(2 * y) * (4 * z * z * z - 3 * z);
                    fz[at++] = Math.Cos(x) * Math.Sin(2 * y) * (12 * z * z - 3);
                }
        var c = new Complex[grid.Length];
        grid.Forward(f, c);
        // cos x sin 2y = Σ over (±1, ±2) of (1/2)(∓i/2·sign) terms: coefficient magnitude 1/4 at (kx, ky) = (±1, ±2).
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 6; j++)
                for (int k = 0; k < 5; k++)
                {
                    double expected = (i is 1 or 3) && (j is 2 or 4) && k == 3 ? 0.25 : 0;
                    Assert.That(c[(i * 6 + j) * 5 + k].Magnitude, Is.EqualTo(expected).Within(1e-14), $"({i}, {j}, {k})");
                }
        var dc = new Complex[grid.Length];
        grid.Differentiate(c, 2, dc);
        double[] d = new double[grid.Length];
        grid.Inverse(dc, d);
        Assert.That(d, Is.EqualTo(fz).Within(1e-13));
    }

    [Test]
    public void BadAxesAreRejectedByName()
    {
        var e = Assert.Throws<ArgumentException>(() => new TensorSpectralTransform([SpectralAxis.Fourier(4), SpectralAxis.Chebyshev(1)]));
        Assert.That(e!.Message, Does.Contain("axes[1] has 1 points"));
        e = Assert.Throws<ArgumentException>(() => new TensorSpectralTransform([SpectralAxis.Chebyshev(4, 1, 1)]));
        Assert.That(e!.Message, Does.Contain("axes[0] runs from 1 to 1"));
        var grid = new TensorSpectralTransform([SpectralAxis.Fourier(4)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.Differentiate(new Complex[4], 1, new Complex[4]));
    }
}
