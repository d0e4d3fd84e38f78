using Rom.Models.ThermalBump;
using Rom.Reduction.Interpolation;

namespace Rom.Tests.Reduction.Interpolation;

public class ThermalBumpInterpolationTests
{
    private static readonly ThermalBumpModel Model = new(new ThermalBumpOptions(new ThermalBlockOptions(2, 2, 24, TriangleSplit.Two)));

    /// <summary>The 40-term interpolant, built once for the tests that need it.</summary>
    private static readonly Lazy<ThermalBumpInterpolation> Eim40 = new(() => Interpolate(40));

    private static ThermalBumpInterpolation Interpolate(int terms) =>
        ThermalBumpInterpolation.Build(Model, ParameterSampling.LatinHypercube(Model.ParameterSpace, 400, 3), new GreedyOptions(MaxExtensions: terms));

    private static double Norm(ILinearOperator x, double[] v)
    {
        var xv = new double[v.Length];
        x.Apply(v, xv);
        return Math.Sqrt(Vectors.Dot(v, xv));
    }

    private static double[] Solve(ILinearOperator a, double[] f)
    {
        var u = new double[f.Length];
        SparseCholesky.Factor((CsrMatrix)a).Solve(f, u);
        return u;
    }

    [Test]
    public void EimErrorDecaysWithTheNumberOfTermsAndHoldsOffTheTrainingSet()
    {
        var eim = Eim40.Value;
        var errors = eim.Greedy.MaxErrors;
        Assert.That(errors[0], Is.GreaterThan(0.9), "no term: the error is the bump's maximum");
        Assert.That(errors[10], Is.LessThan(0.2 * errors[0]));
        Assert.That(errors[^1], Is.LessThan(1e-3 * errors[0]), "fast decay for the analytic bump");
        var test = ParameterSampling.Uniform(Model.ParameterSpace, 30, 11);
        double worst = test.Max(eim.InterpolationError);
        Assert.That(worst, Is.LessThan(10 * eim.TrainingError), "the training supremum is an honest estimate on new parameters");
        Assert.That(Interpolate(10).InterpolationError(test[0]), Is.GreaterThan(eim.InterpolationError(test[0])));
    }

    [Test]
    public void BoundHoldsForTheEimTruthAndTheEimErrorCoversTheRest()
    {
        var eim = Eim40.Value;
        Assert.That(eim.GuaranteedCoercivity, Is.GreaterThan(0));
        var rb = ReducedBasis.Build(eim, new ReducedBasisOptions(
            SparseCholesky.Factory(), Model.ReferenceParameter,
            TrainingSet: ParameterSampling.LatinHypercube(Model.ParameterSpace, 300, 5),
            Greedy: new GreedyOptions(MaxExtensions: 12), Coercivity: eim));
        var x = Model.EnergyProduct;
        foreach (var mu in ParameterSampling.Uniform(Model.ParameterSpace, 12, 17))
        {
            var f = Model.RightHandSide(mu);
            var uEim = Solve(eim.Operator(mu), f);
            var uTrue = Solve(Model.Operator(mu), f);
            var s = rb.Model.Solve(mu);
            var uN = rb.Model.Reconstruct(s.Coefficients);
            double eimError = Norm(x, uEim.Zip(uN, (a, b) => a - b).ToArray());
            double trueError = Norm(x, uTrue.Zip(uN, (a, b) => a - b).ToArray());
            double modelBound = eim.ModelErrorBound(mu, Vectors.Norm(s.Coefficients) + s.ErrorBound);
            double minMu = mu["diffusion"].ToArray().Min();
            Assert.That(s.CoercivityLowerBound, Is.EqualTo(minMu - Model.Options.Height * eim.TrainingError).Within(1e-15), "the model's bound, not min-theta");
            Assert.That(s.ErrorBound, Is.GreaterThanOrEqualTo(eimError), $"Δ ≥ ‖u_M − u_N‖ at {mu}");
            Assert.That(s.ErrorBound, Is.LessThan(50 * eimError), "and not wildly pessimistic");
            Assert.That(trueError, Is.LessThanOrEqualTo(s.ErrorBound + modelBound), $"‖u − u_N‖ ≤ Δ + EIM part at {mu}");
            Assert.That(Norm(x, uTrue.Zip(uEim, (a, b) => a - b).ToArray()), Is.LessThanOrEqualTo(eim.ModelErrorBound(mu, Norm(x, uEim))));
        }
    }

    [Test]
    public void CoercivityBoundIsBelowTheTrueConstantOfTheEimOperator()
    {
        // Independent check: α(μ) = λ_min(L⁻¹ A_M(μ) L⁻ᵀ) with X = L Lᵀ, by a dense eigensolver.
        var eim = Eim40.Value;
        var l = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfMatrix(((CsrMatrix)Model.EnergyProduct).ToMathNet()).Cholesky().Factor;
        foreach (var mu in ParameterSampling.Uniform(Model.ParameterSpace, 3, 23))
        {
            var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfMatrix(((CsrMatrix)eim.Operator(mu)).ToMathNet());
            var c = l.Solve(l.Solve(a).Transpose());
            double alpha = c.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
            double bound = eim.LowerBound(mu, []);
            Assert.That(bound, Is.LessThanOrEqualTo(alpha), $"α_LB ≤ α at {mu}");
            Assert.That(bound, Is.GreaterThan(0.5 * alpha), "and not far below it");
        }
    }
}
