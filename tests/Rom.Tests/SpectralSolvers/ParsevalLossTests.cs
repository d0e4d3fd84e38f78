using System.Numerics;
using Rom.Spectral.Chebyshev;
using Rom.Tests.Tensors;

namespace Rom.Tests.SpectralSolvers;

/// <summary>
/// The spectral L2 norm cᴴ (⊗G) c of <see cref="Ops.KroneckerQuadraticForm{T}"/> with <see cref="GramMatrices"/>
/// against the squared L2 norm of the same series by quadrature on a grid four times finer (trapezoid on Fourier axes,
/// Clenshaw–Curtis on Chebyshev axes, both exact there), to 1e-10; its gradient against finite differences.
/// </summary>
public class ParsevalLossTests
{
    private static readonly SpectralAxis[][] Grids =
    [
        [SpectralAxis.Fourier(9, 2 * Math.PI)],
        [SpectralAxis.Fourier(8, 1.5)],
        [SpectralAxis.Chebyshev(9, 0, 2)],
        [SpectralAxis.Fourier(7, 1), SpectralAxis.Chebyshev(6, -1, 3)],
        [SpectralAxis.Fourier(6, 1), SpectralAxis.Fourier(5, 2)],
        [SpectralAxis.Chebyshev(5), SpectralAxis.Chebyshev(6, 0, 0.5)],
        [SpectralAxis.Fourier(5, 1), SpectralAxis.Chebyshev(4, 0, 1), SpectralAxis.Fourier(4, 3)],
    ];

    [TestCaseSource(nameof(Grids))]
    public void NormFromCoefficients_EqualsQuadratureOnAFinerGrid(SpectralAxis[] axes)
    {
        var coarse = new TensorSpectralTransform(axes);
        double[] values = GradientCheck.Random([coarse.Length], seed: axes.Length * 31 + coarse.Length).Data;
        var c = new Complex[coarse.Length];
        coarse.Forward(values, c);
        double fromCoefficients = Ops.KroneckerQuadraticForm(Tape<double>.Constant(Coefficients.AsTensor(c, [1, 1, .. coarse.Shape])), [.. axes.Select(GramMatrices.Of)]).Value.Data[0];

        SpectralAxis[] fineAxes = [.. axes.Select(a => a with { PointCount = 4 * a.PointCount })];
        var fine = new TensorSpectralTransform(fineAxes);
        var fineValues = new double[fine.Length];
        fine.Inverse(Refine(c, axes, fineAxes), fineValues);
        double[][] weights = [.. fineAxes.Select(QuadratureWeights)];
        double byQuadrature = 0;
        for (int i = 0; i < fine.Length; i++)
        {
            double w = 1;
            for (int a = 0, rest = i; a < fineAxes.Length; a++)
            {
                int stride = fineAxes.Skip(a + 1).Aggregate(1, (p, x) => p * x.PointCount);
                w *= weights[a][rest / stride];
                rest %= stride;
            }
            byQuadrature += w * fineValues[i] * fineValues[i];
        }
        Assert.That(fromCoefficients, Is.EqualTo(byQuadrature).Within(1e-10).Percent.Or.EqualTo(byQuadrature).Within(1e-10 * Math.Abs(byQuadrature)));
    }

    [Test]
    public void ChebyshevSumOfSquares_IsNotTheL2Norm()
    {
        // r = T0 − T2 = 2 − 2x² on [−1, 1]: ‖r‖² = ∫ (2 − 2x²)² = 64/15, while the reference code's Σ c² is 2.
        var c = Tensor<double>.Zeros([1, 1, 3]);
        c.Data[0] = 1;
        c.Data[2] = -1;
        double exact = Ops.KroneckerQuadraticForm(Tape<double>.Constant(c), [GramMatrices.Chebyshev(3)]).Value.Data[0];
        Assert.That(exact, Is.EqualTo(64.0 / 15).Within(1e-14));
    }

    [Test]
    public void Gradient_MatchesFiniteDifferences()
    {
        double[][,] gram = [GramMatrices.Chebyshev(4, 0, 2), GramMatrices.Fourier(3, 2), GramMatrices.Chebyshev(5)];
        foreach (bool complex in new[] { false, true })
            Assert.That(GradientCheck.RelativeError(x => Ops.KroneckerQuadraticForm(x[0], gram), [GradientCheck.Random([2, 3, 4, 3, 5], 7, complex)]),
                Is.LessThan(1e-6), complex ? "complex" : "real");
    }

    [Test]
    public void BadMatrices_AreNamed()
    {
        var x = Tape<double>.Constant(Tensor<double>.Zeros([1, 1, 3, 4]));
        Assert.Multiple(() =>
        {
            Assert.That(() => Ops.KroneckerQuadraticForm(x, [GramMatrices.Chebyshev(3), GramMatrices.Chebyshev(3)]),
                Throws.ArgumentException.With.Message.Contains("matrix 1 must be 4 × 4"));
            var asymmetric = GramMatrices.Chebyshev(4);
            asymmetric[0, 1] += 1;
            Assert.That(() => Ops.KroneckerQuadraticForm(x, [asymmetric]), Throws.ArgumentException.With.Message.Contains("not symmetric"));
        });
    }

    /// <summary>The same series on the finer grid: Fourier waves moved to their place in FFT order, Chebyshev coefficients padded with zeros.</summary>
    private static Complex[] Refine(Complex[] c, SpectralAxis[] coarse, SpectralAxis[] fine)
    {
        int total = fine.Aggregate(1, (p, a) => p * a.PointCount);
        var result = new Complex[total];
        for (int i = 0; i < c.Length; i++)
        {
            int target = 0;
            for (int a = 0, rest = i; a < coarse.Length; a++)
            {
                int stride = coarse.Skip(a + 1).Aggregate(1, (p, x) => p * x.PointCount), k = rest / stride, n = coarse[a].PointCount, m = fine[a].PointCount;
                rest %= stride;
                int index = coarse[a].Basis == SpectralBasis.Chebyshev ? k : (k <= n / 2 ? k : k - n + m);
                target = target * m + index;
            }
            result[target] = c[i];
        }
        return result;
    }

    /// <summary>Trapezoid weights (Fourier) or Clenshaw–Curtis weights on the Lobatto points (Chebyshev), in the axis's point order.</summary>
    private static double[] QuadratureWeights(SpectralAxis axis)
    {
        int m = axis.PointCount;
        double length = axis.End - axis.Start;
        if (axis.Basis == SpectralBasis.Fourier)
            return Enumerable.Repeat(length / m, m).ToArray();
        int n = m - 1;
        var w = new double[m];
        for (int j = 0; j <= n; j++)
        {
            double sum = 0;
            for (int k = 1; k <= n / 2; k++)
                sum += (2 * k == n ? 1.0 : 2.0) / (4.0 * k * k - 1) * Math.Cos(2.0 * k * j * Math.PI / n);
            w[j] = (j == 0 || j == n ? 1.0 : 2.0) / n * (1 - sum) * length / 2;
        }
        return w;
    }
}
