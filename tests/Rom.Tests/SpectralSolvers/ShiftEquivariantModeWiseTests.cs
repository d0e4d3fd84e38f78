using Rom.Neural;
using Rom.Spectral.Chebyshev;
using Rom.Tests.Tensors;

namespace Rom.Tests.SpectralSolvers;

/// <summary>
/// <see cref="ShiftEquivariantModeWise{T}"/>: shifting the input field along a Fourier axis (a rotation of each wave's cosine
/// and sine coefficients) shifts the output the same way, to round-off, where the reference's per-slot layer does not;
/// 2^F matrices per wave (the gradient through a network built on it: <see cref="NsmTests"/>).
/// </summary>
public class ShiftEquivariantModeWiseTests
{
    /// <summary>The coefficients of f(x − δ) from those of f on n real Fourier slots.</summary>
    private static double[,] Shift(int n, double delta)
    {
        int[] waves = RealFourierBasis.WaveNumbers(n);
        var r = new double[n, n];
        r[0, 0] = 1;
        for (int c = 1; c < n; c++)
            for (int s = 1; s < n; s++)
                if (waves[c] == waves[s] && RealFourierBasis.IsCosine(n, c) && !RealFourierBasis.IsCosine(n, s))
                {
                    double phi = 2 * Math.PI * waves[c] * delta;
                    (r[c, c], r[c, s], r[s, c], r[s, s]) = (Math.Cos(phi), -Math.Sin(phi), Math.Sin(phi), Math.Cos(phi));
                }
        if (n % 2 == 0)
            r[n - 1, n - 1] = Math.Cos(Math.PI * n * delta);
        return r;
    }

    private static double ShiftMismatch(Func<Variable<double>, Variable<double>> layer, Tensor<double> u, double[,] shiftX, double[,] shiftY)
    {
        Variable<double> Shifted(Variable<double> v) => Ops.AxisLinear(Ops.AxisLinear(v, shiftX, 3), shiftY, 4);
        var a = layer(Shifted(Tape<double>.Constant(u))).Value.Data;
        var b = Shifted(layer(Tape<double>.Constant(u))).Value.Data;
        return Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum() / b.Sum(q => q * q));
    }

    [Test]
    public void ShiftingTheInput_ShiftsTheOutput()
    {
        int[] modes = [4, 7, 7];
        SpectralBasis[] bases = [SpectralBasis.Chebyshev, SpectralBasis.Fourier, SpectralBasis.Fourier];
        var layer = new ShiftEquivariantModeWise<double>("w", modes, bases, 3, 1, new Initialization(1));
        var u = GradientCheck.Random([2, 3, .. modes], 2);
        double[,] sx = Shift(7, 0.137), sy = Shift(7, -0.291);
        double mismatch = ShiftMismatch(v => layer.Forward(v, null), u, sx, sy);
        var perSlot = Tape<double>.Constant(GradientCheck.Random([.. modes, 3, 3], 3));
        double reference = ShiftMismatch(v => Ops.ModeWiseLinear(v, perSlot), u, sx, sy);
        TestContext.Out.WriteLine($"relative mismatch: shift-equivariant {mismatch:E2}, per-slot (reference) {reference:E2}");
        Assert.That(mismatch, Is.LessThan(1e-13));
        Assert.That(reference, Is.GreaterThan(0.1));
    }

    [Test]
    public void EachWaveHasTwoToTheFourierAxesMatrices()
    {
        var layer = new ShiftEquivariantModeWise<double>("w", [4, 7, 8], [SpectralBasis.Chebyshev, SpectralBasis.Fourier, SpectralBasis.Fourier], 3, 1, new Initialization(1));
        Assert.That(layer.Parameters.Select(p => p.Value.ShapeText), Is.EqualTo(Enumerable.Repeat("[4, 4, 5, 3, 3]", 4)));
    }

    /// <summary>
    /// The fused pass against the layer's definition written out with dense matrices along each axis: every θ_S expanded
    /// from waves to slots, multiplied slot by slot, turned by J along each axis of S, summed.
    /// </summary>
    [Test]
    public void FusedPass_EqualsTheDefinitionSumOverSubsets()
    {
        int[] modes = [4, 7, 8];
        SpectralBasis[] bases = [SpectralBasis.Chebyshev, SpectralBasis.Fourier, SpectralBasis.Fourier];
        var layer = new ShiftEquivariantModeWise<double>("w", modes, bases, 3, 1, new Initialization(4));
        var u = GradientCheck.Random([2, 3, .. modes], 5);
        var fused = layer.Forward(Tape<double>.Constant(u), null).Value.Data;
        int[] fourier = [1, 2];
        var sum = new double[fused.Length];
        int s = 0;
        foreach (var theta in layer.Parameters)
        {
            var w = Tape<double>.Constant(theta.Value);
            foreach (int a in fourier)
                w = Ops.AxisLinear(w, Expansion(modes[a]), a);
            var term = Ops.ModeWiseLinear(Tape<double>.Constant(u), w);
            for (int i = 0; i < fourier.Length; i++)
                if ((s >> i & 1) == 1)
                    term = Ops.AxisLinear(term, QuarterTurn(modes[fourier[i]]), 2 + fourier[i]);
            for (int i = 0; i < sum.Length; i++)
                sum[i] += term.Value.Data[i];
            s++;
        }
        double error = Math.Sqrt(fused.Zip(sum, (p, q) => (p - q) * (p - q)).Sum() / sum.Sum(q => q * q));
        Assert.That(error, Is.LessThan(1e-14));
    }

    /// <summary>E[slot, k] = 1 where the slot belongs to wave k.</summary>
    private static double[,] Expansion(int n)
    {
        int[] waves = RealFourierBasis.WaveNumbers(n);
        var e = new double[n, waves.Max() + 1];
        for (int s = 0; s < n; s++)
            e[s, waves[s]] = 1;
        return e;
    }

    /// <summary>J: the cosine slot of wave k &gt; 0 takes the sine's coefficient, the sine slot minus the cosine's.</summary>
    private static double[,] QuarterTurn(int n)
    {
        int[] waves = RealFourierBasis.WaveNumbers(n);
        var j = new double[n, n];
        for (int c = 0; c < n; c++)
            for (int s = 0; s < n; s++)
                if (waves[c] > 0 && waves[c] == waves[s] && RealFourierBasis.IsCosine(n, c) && !RealFourierBasis.IsCosine(n, s))
                    (j[c, s], j[s, c]) = (1, -1);
        return j;
    }
}
