using Rom.Reduction.Interpolation;

namespace Rom.Tests.Reduction.Interpolation;

public class OperatorEimTests
{
    private static double RelativeDifference(CsrMatrix a, ILinearOperator b)
    {
        // Compare through products with a fixed random vector and the stored values' scale.
        var x = Enumerable.Range(0, a.Cols).Select(i => Math.Sin(1.3 * i + 0.2)).ToArray();
        var ya = new double[a.Rows];
        var yb = new double[a.Rows];
        a.Apply(x, ya);
        b.Apply(x, yb);
        return ya.Zip(yb, (p, q) => Math.Abs(p - q)).Max() / ya.Max(Math.Abs);
    }

    [Test]
    public void RecoversAnExactlyAffineFamilyWithItsOwnNumberOfTerms()
    {
        var model = new ThermalBlockModel(new ThermalBlockOptions(2, 2, 12, TriangleSplit.Two));
        var eim = OperatorEim.Build(mu => (CsrMatrix)model.Operator(mu), ParameterSampling.Grid(model.ParameterSpace, 3),
            new GreedyOptions(MaxExtensions: 10));
        Assert.That(eim.Terms, Has.Count.EqualTo(4), "A(μ) = Σ μ_q A_q spans four matrices");
        Assert.That(eim.MagicEntries.Distinct().Count(), Is.EqualTo(4));
        var surrogate = eim.ToAffineOperator((mu, entries) => eim.MagicValues((CsrMatrix)model.Operator(mu)));
        foreach (var mu in ParameterSampling.Uniform(model.ParameterSpace, 10, seed: 4))
            Assert.That(RelativeDifference((CsrMatrix)model.Operator(mu), surrogate.At(mu)), Is.LessThan(1e-12));
    }

    /// <summary>−∇·(d∇u) = 1 with d = 1 + h·exp(−((x − c)² + (y − ½)²)/0.02): not affine in (h, c).</summary>
    private sealed class BumpFamily
    {
        private readonly StructuredTriangulation _mesh = new(30, TriangleSplit.Two);
        private readonly int[] _free;

        public BumpFamily()
        {
            var boundary = _mesh.IsBoundary.ToArray();
            _free = Enumerable.Range(0, _mesh.NodeCount).Where(i => !boundary[i]).ToArray();
            Load = P1Assembly.Load(_mesh, (_, _) => 1.0).Where((_, i) => !boundary[i]).ToArray();
        }

        public ParameterSpace Space { get; } = new([new ParameterRange("height", 1, 0.5, 2), new ParameterRange("centre", 1, 0.2, 0.8)]);

        public double[] Load { get; }

        public CsrMatrix Assemble(Parameter mu)
        {
            double h = mu["height"][0], c = mu["centre"][0];
            var coefficient = Enumerable.Range(0, _mesh.TriangleCount).Select(t =>
            {
                var (x, y) = _mesh.Centroid(t);
                return 1 + h * Math.Exp(-((x - c) * (x - c) + (y - 0.5) * (y - 0.5)) / 0.02);
            }).ToArray();
            return P1Assembly.Stiffness(_mesh, coefficient).Submatrix(_free, _free);
        }
    }

    [Test]
    public void ApproximatesANonAffineFamilyAndItsSolutions()
    {
        var family = new BumpFamily();
        var eim = OperatorEim.Build(family.Assemble, ParameterSampling.Grid(family.Space, 30), new GreedyOptions(MaxExtensions: 80, RelativeTolerance: 1e-9));
        var errors = eim.Greedy.MaxErrors;
        Assert.That(errors[^1], Is.LessThan(1e-7 * errors[0]), "the interpolation error of the entries decays fast");
        var surrogate = eim.ToAffineOperator((mu, _) => eim.MagicValues(family.Assemble(mu)));
        foreach (var mu in ParameterSampling.Uniform(family.Space, 8, seed: 9))
        {
            var exact = family.Assemble(mu);
            Assert.That(RelativeDifference(exact, surrogate.At(mu)), Is.LessThan(1e-6), $"A(μ) at {mu}");
            var u = new double[exact.Rows];
            var v = new double[exact.Rows];
            SparseCholesky.Factor(exact).Solve(family.Load, u);
            SparseCholesky.Factor((CsrMatrix)surrogate.At(mu)).Solve(family.Load, v);
            double error = Math.Sqrt(u.Zip(v, (p, q) => (p - q) * (p - q)).Sum() / u.Sum(p => p * p));
            Assert.That(error, Is.LessThan(1e-6), $"solution at {mu}");
        }
        TestContext.Out.WriteLine($"operator EIM: {eim.Terms.Count} terms, greedy errors {errors[0]:E2} -> {errors[^1]:E2}");
    }

    [Test]
    public void RejectsMatricesWithDifferentPatterns()
    {
        var space = new ParameterSpace([new ParameterRange("a", 1, 1, 2)]);
        var e = Assert.Throws<ArgumentException>(() => OperatorEim.Build(
            mu => mu["a"][0] < 1.5 ? CsrMatrix.Identity(3) : CsrMatrix.FromTriplets(3, 3, [0, 0, 1, 2], [0, 1, 1, 2], [mu["a"][0], 1, 1, 1]),
            ParameterSampling.Grid(space, 3), new GreedyOptions(MaxExtensions: 3)));
        Assert.That(e!.Message, Does.Contain("sparsity pattern"));
    }
}
