using Rom.Reduction.Interpolation;

namespace Rom.Tests.Reduction.Interpolation;

public class EmpiricalInterpolationTests
{
    // The parametrised function of Chaturantabut & Sorensen (2010, §3.3.1): smooth in x, oscillating in μ.
    private const int Points = 400;
    private static readonly double[] X = Enumerable.Range(0, Points).Select(i => -1 + 2.0 * i / (Points - 1)).ToArray();
    private static readonly ParameterSpace Space = new([new ParameterRange("mu", 1, 1, Math.PI)]);

    private static double[] G(Parameter p)
    {
        double mu = p["mu"][0];
        return X.Select(x => (1 - x) * Math.Cos(3 * Math.PI * mu * (x + 1)) * Math.Exp(-(1 + x) * mu)).ToArray();
    }

    private static double SupError(EmpiricalInterpolant interpolant, double[] g)
    {
        var approx = interpolant.Interpolate(interpolant.Restrict(g));
        return g.Zip(approx, (a, b) => Math.Abs(a - b)).Max();
    }

    private static (EimSurrogate Surrogate, GreedyResult Greedy) BuildEim(int size)
    {
        var surrogate = new EimSurrogate(G);
        var greedy = WeakGreedy.Run(surrogate, ParameterSampling.Grid(Space, 101), new GreedyOptions(MaxExtensions: size));
        return (surrogate, greedy);
    }

    [Test]
    public void TheRestrictedBasisOnItsPointsGivesTheSameCoefficients()
    {
        var interpolant = BuildEim(12).Surrogate.Interpolant;
        var q = interpolant.RestrictedBasis();
        for (int k = 0; k < interpolant.Size; k++)
            for (int m = 0; m < interpolant.Size; m++)
                Assert.That(q[k, m], Is.EqualTo(interpolant.BasisVector(m)[interpolant.Points[k]]));
        var online = EmpiricalInterpolant.OnItsPoints(q);
        Assert.That(online.Points, Is.EqualTo(Enumerable.Range(0, interpolant.Size)));
        foreach (var mu in ParameterSampling.Uniform(Space, 5, seed: 2))
        {
            var g = interpolant.Restrict(G(mu));
            Assert.That(online.Coefficients(g), Is.EqualTo(interpolant.Coefficients(g)), "the same LU of the same matrix");
        }
        Assert.Throws<ArgumentException>(() => EmpiricalInterpolant.OnItsPoints(new double[2, 3]));
    }

    [Test]
    public void EimInterpolatesAtItsPointsAndConvergesFast()
    {
        var (eim, greedy) = BuildEim(24);
        var interpolant = eim.Interpolant;
        Assert.That(interpolant.Size, Is.EqualTo(24));
        var test = ParameterSampling.Uniform(Space, 30, seed: 5);
        foreach (var mu in test)
        {
            var g = G(mu);
            var approx = interpolant.Interpolate(interpolant.Restrict(g));
            foreach (int p in interpolant.Points)
                Assert.That(approx[p], Is.EqualTo(g[p]).Within(1e-12 * (1 + Math.Abs(g[p]))), "exact at the magic points");
        }
        double maxTestError = test.Max(mu => SupError(interpolant, G(mu)));
        Assert.That(greedy.MaxErrors[0], Is.GreaterThan(0.5), "the zero interpolant misses by the size of g");
        Assert.That(maxTestError, Is.LessThan(1e-6), "spectral-like decay: 24 terms resolve this family");
        Assert.That(greedy.MaxErrors[^1], Is.LessThan(1e-3 * greedy.MaxErrors[10]), "the greedy error keeps falling");
    }

    [Test]
    public void EimStopsWhenTheFamilyIsExhausted()
    {
        // g(x; μ) = μ₀ + μ₀² x spans a two-dimensional space: the third extension is linearly dependent.
        var space = new ParameterSpace([new ParameterRange("a", 1, 1, 2)]);
        var eim = new EimSurrogate(p => X.Select(x => p["a"][0] + p["a"][0] * p["a"][0] * x).ToArray());
        var greedy = WeakGreedy.Run(eim, ParameterSampling.Grid(space, 9), new GreedyOptions(MaxExtensions: 10));
        Assert.That(greedy.Extensions, Is.EqualTo(2));
        Assert.That(greedy.StopReason, Is.AnyOf(GreedyStopReason.LinearlyDependent, GreedyStopReason.AbsoluteToleranceReached));
    }

    private static (double[] U, Matrix<double> Snapshots) PodBasis(int count)
    {
        var snapshots = ParameterSampling.Grid(Space, 80).Select(G).ToArray();
        var s = Matrix<double>.Build.Dense(Points, snapshots.Length, (i, j) => snapshots[j][i]);
        var u = s.Svd(computeVectors: true).U.SubMatrix(0, Points, 0, count);
        return (u.ToColumnMajorArray(), s);
    }

    [TestCase("deim")]
    [TestCase("qdeim")]
    public void DeimAndQdeimMeetTheirErrorBound(string method)
    {
        const int m = 16;
        var (u, _) = PodBasis(m);
        var interpolant = method == "deim" ? Deim.Build(u, Points, m) : Qdeim.Build(u, Points, m);
        Assert.That(interpolant.Points.Distinct().Count(), Is.EqualTo(m));
        // Reproduces every basis vector exactly.
        for (int j = 0; j < m; j++)
        {
            var uj = u.AsSpan(j * Points, Points).ToArray();
            Assert.That(SupError(interpolant, uj), Is.LessThan(1e-10));
        }
        // ‖f − I f‖₂ ≤ ‖(PᵀU)⁻¹‖₂ ‖(I − UUᵀ) f‖₂ (Chaturantabut & Sorensen, Lemma 3.2).
        var U = Matrix<double>.Build.DenseOfColumnMajor(Points, m, u);
        var ptu = Matrix<double>.Build.Dense(m, m, (i, j) => U[interpolant.Points[i], j]);
        double constant = ptu.Inverse().L2Norm();
        foreach (var mu in ParameterSampling.Uniform(Space, 20, seed: 11))
        {
            var f = Vector<double>.Build.DenseOfArray(G(mu));
            double projectionError = (f - U * (U.Transpose() * f)).L2Norm();
            var approx = Vector<double>.Build.DenseOfArray(interpolant.Interpolate(interpolant.Restrict(f.AsArray())));
            Assert.That((f - approx).L2Norm(), Is.LessThanOrEqualTo(constant * projectionError * (1 + 1e-8) + 1e-13));
        }
    }

    [Test]
    public void QdeimRejectsARankDeficientBasis()
    {
        var (u, _) = PodBasis(3);
        u.AsSpan(0, Points).CopyTo(u.AsSpan(2 * Points, Points));   // third column = first column
        var e = Assert.Throws<ArgumentException>(() => Qdeim.Build(u, Points, 3));
        Assert.That(e!.Message, Does.Contain("linearly dependent"));
    }

    [Test]
    public void InterpolantRejectsBadPoints()
    {
        Assert.Throws<ArgumentException>(() => new EmpiricalInterpolant(new double[8], 4, [1, 1]));
        Assert.Throws<ArgumentException>(() => new EmpiricalInterpolant(new double[8], 4, [0, 4]));
        // Points where both basis vectors vanish cannot determine the coefficients.
        Assert.Throws<ArgumentException>(() => new EmpiricalInterpolant([1, 0, 0, 0, 0, 1, 0, 0], 4, [2, 3]));
    }
}
