using Rom.LinearAlgebra;
using Rom.LinearAlgebra.Direct;
using Rom.Models.SampledSystem;
using Rom.Parameters;
using Rom.Reduction.Coercivity;
using Rom.Reduction.Greedy;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// The affine surrogate of a <see cref="SampledSystemModel"/> by operator EIM on its training matrices (<see cref="Build"/>):
/// A_M(μ) = Σ_m θ_m(μ) Q_m, where θ(μ) needs only the M magic entries of A(μ): read from the carried matrix of μ (training
/// or extra samples), so A_M exists only at carried parameters, or, when the model has an <see cref="ElementFormula"/>,
/// computed from the formula on the few elements those entries touch (<see cref="FormulaCoefficients"/>), so A_M exists at
/// every μ and the reduced model can be saved.
/// <para>
/// Coercivity of A_M has no min-theta rule (θ_m of either sign), so the bound is sampled, <b>not a guarantee</b>:
/// α_j = λ_min(A(μ_j), X) by inverse iteration with a sparse Cholesky of each A(μ_j), α_S = (1 − s)·min_j α_j with
/// safety s covering both the Rayleigh quotient's overestimate and the parameters between the samples; the EIM operator
/// error in the X-norm is bounded per sample by ‖A − A_M‖_{X→X'} ≤ ‖A − A_M‖_F / λ_min(X) and sampled as
/// ε̂ = c·max_j ‖A(μ_j) − A_M(μ_j)‖_F / ((1 − s)·λ_min(X)), the factor c ≥ 1 covering parameters between the
/// samples (the greedy fits the training matrices, so their supremum underestimates the error elsewhere). By Weyl, α_LB = α_S − ε̂ bounds the coercivity of A_M
/// wherever α(μ) ≥ α_S and the EIM error is ≤ ε̂; a caller checks both at held-out samples.
/// </para>
/// </summary>
public sealed class SampledSystemInterpolation : AffineSurrogate, ICoercivityBound
{
    /// <summary>Inverse-iteration steps are stopped when the Rayleigh quotient changes by less than this, relatively.</summary>
    private const double EigenTolerance = 1e-10;

    /// <summary>Most inverse-iteration steps per eigenvalue.</summary>
    private const int EigenSteps = 500;

    private readonly double _smallestEnergyEigenvalue;

    private SampledSystemInterpolation(SampledSystemModel model, GreedyOptions eim, double safety, double errorFactor)
        : base(model)
    {
        Model = model;
        Safety = safety;
        var x = (CsrMatrix)model.EnergyProduct;
        Eim = OperatorEim.Build(mu => model.Sampled(mu), model.TrainingParameters, eim);
        Formula = model.Formula is null ? null : FormulaCoefficients.Restrict(model.Formula, Eim.Interpolant);
        AffineOperator = Formula is null
            ? Eim.ToAffineOperator((mu, _) => Eim.MagicValues(model.Sampled(mu)))
            : new AffineOperator(Eim.Terms, Formula.Functionals());

        _smallestEnergyEigenvalue = SmallestEigenvalue(x, null);
        TrainingCoercivities = model.Training.Select(t => SmallestEigenvalue(t.Matrix, x)).ToArray();
        SampledCoercivity = (1 - safety) * TrainingCoercivities.Min();
        EimErrorBound = errorFactor * model.Training.Max(t => InterpolationError(t.Matrix).EnergyNorm);
        CoercivityBound = new ConstantCoercivity(SampledCoercivity - EimErrorBound);
    }

    /// <summary>
    /// Runs the EIM greedy over the training matrices of <paramref name="model"/> and the coercivity estimates with safety
    /// <paramref name="safety"/> s ∈ [0, 1) and EIM error factor <paramref name="errorFactor"/> c ≥ 1 (see the class remarks).
    /// </summary>
    public static SampledSystemInterpolation Build(SampledSystemModel model, GreedyOptions eim, double safety, double errorFactor)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(eim);
        if (!(safety is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(safety), safety, "The safety factor must lie in [0, 1).");
        if (!(errorFactor >= 1 && double.IsFinite(errorFactor)))
            throw new ArgumentOutOfRangeException(nameof(errorFactor), errorFactor, "The EIM error factor must be finite and at least 1.");
        return new SampledSystemInterpolation(model, eim, safety, errorFactor);
    }

    /// <summary>The full-order family: its samples, right-hand side and energy product.</summary>
    public SampledSystemModel Model { get; }

    /// <summary>θ(μ) from the formula at the magic entries (saveable data), or null when θ reads the carried matrices.</summary>
    public FormulaCoefficients? Formula { get; }

    /// <summary>α_LB = α_S − ε̂ as saveable data (sampled, not a guarantee); <see cref="LowerBound"/> evaluates it.</summary>
    public ConstantCoercivity CoercivityBound { get; }

    /// <summary>The operator EIM of the training matrices (terms Q_m, magic entries).</summary>
    public OperatorEim Eim { get; }

    /// <summary>The parameters of the training matrices, in order.</summary>
    public IReadOnlyList<Parameter> TrainingParameters => Model.TrainingParameters;

    /// <summary>The safety s of the sampled bounds.</summary>
    public double Safety { get; }

    /// <summary>α_j = λ_min(A(μ_j), X) of every training matrix (Rayleigh quotients of inverse iteration).</summary>
    public IReadOnlyList<double> TrainingCoercivities { get; }

    /// <summary>α_S = (1 − s)·min_j α_j: the sampled coercivity lower bound of the true A(μ).</summary>
    public double SampledCoercivity { get; }

    /// <summary>ε̂ = c·max_j ‖A(μ_j) − A_M(μ_j)‖_F / ((1 − s)·λ_min(X)): the sampled bound of the EIM error in the X→X' norm.</summary>
    public double EimErrorBound { get; }

    /// <summary>The EIM-affine surrogate A_M(μ); θ(μ) reads the magic entries of the carried matrix of μ (so it exists only there), or of the formula.</summary>
    public override AffineOperator AffineOperator { get; }

    /// <summary>α_LB = α_S − ε̂, the same for every μ (see the class remarks: sampled, not guaranteed).</summary>
    public double LowerBound(Parameter mu, ReadOnlySpan<double> theta) => CoercivityBound.LowerBound(mu, theta);

    /// <summary>
    /// The EIM error of a matrix on the common pattern: ‖A − A_M‖_F/‖A‖_F, max_k |A − A_M|_k / max_k |A|_k and the
    /// bound ‖A − A_M‖_F / ((1 − s)·λ_min(X)) of its X→X' norm.
    /// </summary>
    public (double Frobenius, double Entrywise, double EnergyNorm) InterpolationError(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var values = a.Values;
        var interpolated = Eim.Interpolant.Interpolate(Eim.MagicValues(a));
        double difference = 0, norm = 0, maxDifference = 0, maxValue = 0;
        for (int k = 0; k < values.Length; k++)
        {
            double d = values[k] - interpolated[k];
            difference += d * d;
            norm += values[k] * values[k];
            maxDifference = Math.Max(maxDifference, Math.Abs(d));
            maxValue = Math.Max(maxValue, Math.Abs(values[k]));
        }
        return (Math.Sqrt(difference / norm), maxDifference / maxValue, Math.Sqrt(difference) / ((1 - Safety) * _smallestEnergyEigenvalue));
    }

    /// <summary>ε̂ and α_S, the numbers the bound between the solutions of A(μ) and A_M(μ) needs (<see cref="SampledEimError"/>).</summary>
    public SampledEimError ModelError => new(EimErrorBound, SampledCoercivity);

    /// <summary>A bound of ‖u(μ) − u_M(μ)‖_X between the solutions of A(μ) and A_M(μ), given <paramref name="normBound"/> ≥ ‖u_M‖_X (sampled).</summary>
    public double ModelErrorBound(double normBound) => ModelError.Bound(normBound);

    /// <summary>
    /// λ_min of A z = λ X z (X = I when <paramref name="x"/> is null) by inverse iteration z ← A⁻¹ X z: the Rayleigh
    /// quotient zᵀAz / zᵀXz, which approaches λ_min from above.
    /// </summary>
    private static double SmallestEigenvalue(CsrMatrix a, CsrMatrix? x)
    {
        int n = a.Rows;
        var solver = SparseCholesky.Factor(a);
        var z = new double[n];
        for (int i = 0; i < n; i++) z[i] = 1 + 0.1 * Math.Sin(i);   // not orthogonal to the smallest mode of a smooth problem
        var (xz, az) = (new double[n], new double[n]);
        double quotient = double.PositiveInfinity;
        for (int step = 0; step < EigenSteps; step++)
        {
            if (x is null) z.CopyTo(xz, 0); else x.Apply(z, xz);
            solver.Solve(xz, z);
            a.Apply(z, az);
            if (x is null) z.CopyTo(xz, 0); else x.Apply(z, xz);
            double energy = Vectors.Dot(z, xz), next = Vectors.Dot(z, az) / energy;
            double scale = 1 / Math.Sqrt(energy);
            for (int i = 0; i < n; i++) z[i] *= scale;
            bool converged = Math.Abs(quotient - next) <= EigenTolerance * next;
            quotient = next;
            if (converged) break;
        }
        return quotient;
    }
}
