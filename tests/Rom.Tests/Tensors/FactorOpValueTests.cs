using System.Numerics;
using static Rom.Tests.Tensors.GradientCheck;

namespace Rom.Tests.Tensors;

/// <summary>The values of the factor operations (mode product, broadcast product, Khatri–Rao) against plain loops over their formulas.</summary>
public class FactorOpValueTests
{
    private static Complex At(Tensor<double> t, int flat) => new(t.Real[flat], t.Imaginary[flat]);

    [TestCase(0, false)]
    [TestCase(1, false)]
    [TestCase(1, true)]
    [TestCase(2, false)]
    [TestCase(2, true)]
    public void ModeProductIsTheSumOverTheAxis(int axis, bool transpose)
    {
        int[] shape = [3, 4, 5];
        int n = shape[axis], j = 2, q = shape.Skip(axis + 1).Aggregate(1, (a, b) => a * b);
        Tensor<double> x = Random(shape, 1, true), u = Random(transpose ? [n, j] : [j, n], 2, true);
        Tensor<double> y = Ops.ModeProduct(Tape<double>.Constant(x), Tape<double>.Constant(u), axis, transpose).Value;
        int[] expectedShape = [.. shape];
        expectedShape[axis] = j;
        Assert.That(y.Shape, Is.EqualTo(expectedShape));
        for (int flat = 0; flat < y.Count; flat++)
        {
            int after = flat % q, target = flat / q % j, before = flat / q / j;
            Complex sum = 0;
            for (int i = 0; i < n; i++)
                sum += At(u, transpose ? i * j + target : target * n + i) * At(x, (before * n + i) * q + after);
            Assert.That(Complex.Abs(At(y, flat) - sum), Is.LessThan(1e-12));
        }
    }

    [Test]
    public void BroadcastMultiplyRepeatsTheFactorOverLeadingAxes()
    {
        Tensor<double> x = Random([3, 4, 5], 3, true), w = Random([4, 5], 4, true);
        Tensor<double> y = Ops.BroadcastMultiply(Tape<double>.Constant(x), Tape<double>.Constant(w)).Value;
        for (int flat = 0; flat < y.Count; flat++)
            Assert.That(Complex.Abs(At(y, flat) - At(x, flat) * At(w, flat % 20)), Is.LessThan(1e-12));
    }

    [Test]
    public void KhatriRaoHoldsTheRankOneTerms()
    {
        Tensor<double> a = Random([2, 3], 5, true), b = Random([4, 3], 6, true), c = Random([5, 3], 7, true);
        Tensor<double> y = Ops.KhatriRao([Tape<double>.Constant(a), Tape<double>.Constant(b), Tape<double>.Constant(c)]).Value;
        Assert.That(y.Shape, Is.EqualTo(new[] { 3, 2, 4, 5 }));
        for (int r = 0; r < 3; r++)
            for (int i = 0; i < 2; i++)
                for (int k = 0; k < 4; k++)
                    for (int l = 0; l < 5; l++)
                    {
                        Complex expected = At(a, i * 3 + r) * At(b, k * 3 + r) * At(c, l * 3 + r);
                        Assert.That(Complex.Abs(At(y, ((r * 2 + i) * 4 + k) * 5 + l) - expected), Is.LessThan(1e-12));
                    }
    }
}
