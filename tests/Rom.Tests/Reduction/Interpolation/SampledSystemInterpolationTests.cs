using Rom.Formulas;
using Rom.Models.SampledSystem;
using Rom.Reduction.Interpolation;

namespace Rom.Tests.Reduction.Interpolation;

public class SampledSystemInterpolationTests
{
    /// <summary>P1 stiffness of −∇·(e^{μ₁x + μ₂y}∇u) on 10 squares per side: SPD, one pattern, not affine in μ.</summary>
    private static readonly StructuredTriangulation Mesh = new(10, TriangleSplit.Two);

    private static readonly int[] Free = Enumerable.Range(0, Mesh.NodeCount).Where(i => !Mesh.IsBoundary[i]).ToArray();

    private static readonly ParameterSpace Space = new([new ParameterRange("mu", 2, -1, 1)]);

    private static CsrMatrix Assemble(Parameter mu)
    {
        var k = Enumerable.Range(0, Mesh.TriangleCount).Select(t =>
        {
            var (x, y) = Mesh.Centroid(t);
            return Math.Exp(mu["mu"][0] * x + mu["mu"][1] * y);
        }).ToArray();
        return P1Assembly.Stiffness(Mesh, k).Submatrix(Free, Free);
    }

    private static MatrixSample[] Samples(IEnumerable<Parameter> mus) => mus.Select(mu => new MatrixSample(mu, Assemble(mu))).ToArray();

    private static readonly MatrixSample[] Training = Samples(ParameterSampling.Grid(Space, 7));
    private static readonly MatrixSample[] Test = Samples(ParameterSampling.Uniform(Space, 12, 3));
    private static readonly double[] Load = Enumerable.Repeat(0.01, Free.Length).ToArray();

    private static readonly Lazy<SampledSystemInterpolation> Model = new(() =>
        SampledSystemInterpolation.Build(new SampledSystemModel(Space, Training, Test, Load), new GreedyOptions(MaxExtensions: 40, RelativeTolerance: 1e-8), 0.1, 10));

    /// <summary>The family as a formula: κ at the centroids, through the P1 element map of the pattern.</summary>
    private static ElementFormula Formula(string conductivity) => new(
        Rom.Formulas.Formula.Parse(conductivity, 2),
        Enumerable.Range(0, Mesh.TriangleCount).Select(t => Mesh.Centroid(t).X).ToArray(),
        Enumerable.Range(0, Mesh.TriangleCount).Select(t => Mesh.Centroid(t).Y).ToArray(),
        P1Assembly.ElementStiffnessMap(Mesh, Free, Training[0].Matrix));

    private static readonly Lazy<SampledSystemInterpolation> FormulaModel = new(() =>
        SampledSystemInterpolation.Build(new SampledSystemModel(Space, Training, Test, Load, Formula("exp(mu[0]*x + mu[1]*y)")),
            new GreedyOptions(MaxExtensions: 40, RelativeTolerance: 1e-8), 0.1, 10));

    private static Matrix<double> Dense(CsrMatrix a) => Matrix<double>.Build.DenseOfMatrix(a.ToMathNet());

    [Test]
    public void EimReproducesTheTestMatricesToItsTolerance()
    {
        var model = Model.Value;
        Assert.That(model.Eim.Terms.Count, Is.LessThan(Training.Length), "fewer terms than samples: the family is compressed");
        foreach (var t in Test)
        {
            var (frobenius, entrywise, energy) = model.InterpolationError(t.Matrix);
            Assert.That(entrywise, Is.LessThan(1e-6), $"entries of A(μ) at {t.Mu}");
            Assert.That(frobenius, Is.LessThan(1e-6));
            Assert.That(energy, Is.LessThanOrEqualTo(model.EimErrorBound), "the sampled ε̂ covers the held-out matrices");
            // The affine operator, fed only the magic entries, is the same A_M(μ): compare with the dense truth.
            var difference = Dense((CsrMatrix)model.Operator(t.Mu)) - Dense(t.Matrix);
            Assert.That(difference.FrobeniusNorm() / Dense(t.Matrix).FrobeniusNorm(), Is.EqualTo(frobenius).Within(1e-9));
        }
    }

    [Test]
    public void CoercivityEstimatesAgreeWithADenseEigensolver()
    {
        // Independent: λ_min(L⁻¹ A L⁻ᵀ) with X = L Lᵀ by MathNet's dense symmetric eigensolver.
        var model = Model.Value;
        var l = Dense((CsrMatrix)model.EnergyProduct).Cholesky().Factor;
        double Alpha(CsrMatrix a) => l.Solve(l.Solve(Dense(a)).Transpose()).Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
        var alphas = Training.Select(t => Alpha(t.Matrix)).ToArray();
        for (int j = 0; j < Training.Length; j++)
            Assert.That(model.TrainingCoercivities[j], Is.EqualTo(alphas[j]).Within(1e-6 * alphas[j]), $"α at {Training[j].Mu}");
        // α_LB = 0.9·min α_j − ε̂: close to the smallest sampled constant, and below that of A_M at held-out parameters.
        Assert.That(model.LowerBound(Test[0].Mu, []), Is.InRange(0.85 * alphas.Min(), 0.9 * alphas.Min()));
        foreach (var t in Test)
            Assert.That(model.LowerBound(t.Mu, []), Is.LessThanOrEqualTo(Alpha((CsrMatrix)model.Operator(t.Mu))), $"α_LB ≤ α_M at {t.Mu}");
    }

    [Test]
    public void ReducedBasisBoundHoldsAgainstTheEimOperatorAndTheCarriedMatrices()
    {
        var model = Model.Value;
        var rb = ReducedBasis.Build(model, new ReducedBasisOptions(SparseCholesky.Factory(), Training[0].Mu,
            TrainingSet: model.TrainingParameters, Greedy: new GreedyOptions(MaxExtensions: 8), Coercivity: model));
        var x = model.EnergyProduct;
        double Norm(double[] v) => Math.Sqrt(Math.Max(0, Vectors.Dot(v, Apply(x, v))));
        foreach (var t in Test)
        {
            var s = rb.Model.Solve(t.Mu);
            var uN = rb.Model.Reconstruct(s.Coefficients);
            var uM = Solve((CsrMatrix)model.Operator(t.Mu), Load);
            var u = Solve(t.Matrix, Load);
            Assert.That(s.ErrorBound, Is.GreaterThanOrEqualTo(Norm(uM.Zip(uN, (a, b) => a - b).ToArray())), $"Δ ≥ ‖u_M − u_N‖_X at {t.Mu}");
            double total = s.ErrorBound + model.ModelErrorBound(Vectors.Norm(s.Coefficients) + s.ErrorBound);
            Assert.That(Norm(u.Zip(uN, (a, b) => a - b).ToArray()), Is.LessThanOrEqualTo(total), $"‖u − u_N‖_X ≤ Δ + EIM part at {t.Mu}");
        }
    }

    [Test]
    public void OnlyCarriedParametersAndOnePatternAreAccepted()
    {
        var model = Model.Value;
        Assert.That(model.Model.Sampled(Parameter.Of("mu", Test[2].Mu["mu"].ToArray())), Is.SameAs(Test[2].Matrix), "matched by value");
        Assert.Throws<ArgumentException>(() => model.Model.Sampled(Parameter.Of("mu", 0.123, 0.456)));
        var other = new MatrixSample(Parameter.Of("mu", 0.0, 0.0), CsrMatrix.Identity(Free.Length));
        var ex = Assert.Throws<ArgumentException>(() => _ = new SampledSystemModel(Space, Training, [other], Load));
        Assert.That(ex!.Message, Does.Contain("sparsity pattern"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = SampledSystemInterpolation.Build(new SampledSystemModel(Space, Training, [], Load), new GreedyOptions(), 1.0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = SampledSystemInterpolation.Build(new SampledSystemModel(Space, Training, [], Load), new GreedyOptions(), 0.1, 0.5));
    }

    [Test]
    public void FormulaGivesTheCarriedCoefficientsAndWorksAtNewParameters()
    {
        var sampled = Model.Value;
        var model = FormulaModel.Value;
        Assert.That(model.Formula, Is.Not.Null);
        Assert.That(model.Formula!.Size, Is.EqualTo(model.Eim.Terms.Count));
        Assert.That(model.Formula.MagicEntries.Elements, Is.LessThanOrEqualTo(6 * model.Formula.Size), "a magic entry touches a few elements, not the mesh");
        foreach (var t in Test)
        {
            var fromMatrix = sampled.AffineOperator.Coefficients.Select(c => c.Evaluate(t.Mu)).ToArray();
            var fromFormula = model.AffineOperator.Coefficients.Select(c => c.Evaluate(t.Mu)).ToArray();
            for (int m = 0; m < fromMatrix.Length; m++)
                Assert.That(fromFormula[m], Is.EqualTo(fromMatrix[m]).Within(1e-9 * fromMatrix.Max(Math.Abs)), $"θ_{m} at {t.Mu}");
        }
        // A parameter no matrix is carried for: A_M(μ) from the formula is close to the assembled A(μ).
        var mu = Parameter.Of("mu", 0.37, -0.81);
        Assert.Throws<ArgumentException>(() => sampled.Operator(mu));
        var truth = Assemble(mu);
        var difference = Dense((CsrMatrix)model.Operator(mu)) - Dense(truth);
        Assert.That(difference.FrobeniusNorm() / Dense(truth).FrobeniusNorm(), Is.LessThan(1e-6));
        Assert.That(model.LowerBound(mu, []), Is.EqualTo(model.CoercivityBound.Value).And.EqualTo(model.SampledCoercivity - model.EimErrorBound));
    }

    [Test]
    public void FormulaCoefficientsRefuseANonFiniteConductivity()
    {
        var coefficients = FormulaCoefficients.Restrict(Formula("log(mu[0])"), FormulaModel.Value.Eim.Interpolant);
        var ex = Assert.Throws<ArgumentException>(() => coefficients.Evaluate(Parameter.Of("mu", -0.5, 0.0)));
        Assert.That(ex!.Message, Does.Contain("log(mu[0])").And.Contain("NaN"));
    }

    private static double[] Apply(ILinearOperator a, double[] v)
    {
        var y = new double[v.Length];
        a.Apply(v, y);
        return y;
    }

    private static double[] Solve(CsrMatrix a, double[] b)
    {
        var u = new double[b.Length];
        SparseCholesky.Factor(a).Solve(b, u);
        return u;
    }
}
