using Rom.LinearAlgebra;
using Rom.Models.FiniteElements;
using Rom.Models.ThermalBlock;
using Rom.Models.ThermalBump;
using Rom.Parameters;
using Rom.Reduction.Coercivity;
using Rom.Reduction.Greedy;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// The EIM-affine thermal bump (<see cref="Build"/>): the bump g of a <see cref="ThermalBumpModel"/> is replaced by its empirical interpolant I_M g = Σ_m θ_m(c, w) q_m
/// (function EIM on the triangle-wise coefficient), so A_M(μ) = Σ_q μ_q A_q + Σ_m θ_m(μ) B_m with
/// B_m = h·K(q_m), K(d) the P1 stiffness matrix of the coefficient d.
/// <para>
/// Coercivity (the reason for EIM on the coefficient rather than on the matrices): with ε(μ) = max_t |g − I_M g|
/// over the triangles and g ≥ 0, every triangle has d_M(t) = μ_block(t) + h·I_M g(t) ≥ min_q μ_q − h·ε(μ), and
/// ‖u‖²_X = Σ_t ∫_t |∇u|², so a_M(u, u; μ) ≥ (min_q μ_q − h·ε(μ)) ‖u‖²_X. The online bound uses ε̂, the EIM error's
/// supremum over its training set, in place of ε(μ): α_LB(μ) = min_q μ_q − h·ε̂, sound wherever ε(μ) ≤ ε̂
/// (<see cref="InterpolationError"/> checks that offline at any μ).
/// </para>
/// </summary>
public sealed class ThermalBumpInterpolation : AffineSurrogate, ICoercivityBound
{
    private readonly ThermalBumpModel _model;

    private ThermalBumpInterpolation(ThermalBumpModel model, EmpiricalInterpolant interpolant, GreedyResult greedy)
        : base(model)
    {
        _model = model;
        Interpolant = interpolant;
        Greedy = greedy;
        TrainingError = greedy.MaxErrors[^1];
        var blocks = model.Blocks;
        var points = interpolant.Points;
        var bumpTerms = Enumerable.Range(0, interpolant.Size).Select(m =>
        {
            var coefficient = new double[interpolant.Length];
            Vectors.Axpy(model.Options.Height, interpolant.BasisVector(m), coefficient);
            return (ILinearOperator)P1Assembly.Stiffness(blocks.Triangulation, coefficient).Submatrix(blocks.FreeNodes, blocks.FreeNodes);
        });
        var centroids = points.Select(blocks.Triangulation.Centroid).ToArray();
        Coefficients = new BumpCoefficients(new BumpInterpolationData(centroids.Select(c => c.X).ToArray(), centroids.Select(c => c.Y).ToArray(), interpolant.RestrictedBasis()));
        AffineOperator = new AffineOperator([.. blocks.AffineOperator.Terms, .. bumpTerms], [.. blocks.AffineOperator.Coefficients, .. Coefficients.Functionals()]);
        CoercivityBound = new ShiftedMinimumCoercivity(ThermalBlockModel.ParameterName, model.Options.Height * TrainingError);
    }

    /// <summary>
    /// Runs the EIM greedy on the bump g of <paramref name="model"/> over <paramref name="bumpTraining"/> (parameters of its
    /// space; only their centre and width matter) and returns the EIM-affine model A_M(μ) = Σ_q μ_q A_q + h Σ_m θ_m(c, w) B_m.
    /// </summary>
    public static ThermalBumpInterpolation Build(ThermalBumpModel model, IReadOnlyList<Parameter> bumpTraining, GreedyOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bumpTraining);
        ArgumentNullException.ThrowIfNull(options);
        if (bumpTraining.Count == 0)
            throw new ArgumentException("The EIM training set is empty.", nameof(bumpTraining));
        var surrogate = new EimSurrogate(model.Bump);
        var greedy = WeakGreedy.Run(surrogate, bumpTraining, options);
        return new ThermalBumpInterpolation(model, surrogate.Interpolant, greedy);
    }

    /// <summary>θ_m(c, w) from the bump at the magic triangles' centroids: the EIM terms' coefficients, as saveable data.</summary>
    public BumpCoefficients Coefficients { get; }

    /// <summary>α_LB(μ) = min_q μ_q − h·ε̂ as saveable data (see the class remarks); <see cref="LowerBound"/> evaluates it.</summary>
    public ShiftedMinimumCoercivity CoercivityBound { get; }

    /// <summary>The interpolant of the bump over the triangles (basis q_m, magic triangles p_m).</summary>
    public EmpiricalInterpolant Interpolant { get; }

    /// <summary>The EIM greedy: the sup-norm interpolation error over the training set before each extension and after the last.</summary>
    public GreedyResult Greedy { get; }

    /// <summary>ε̂: the largest EIM error max_t |g − I_M g| over the training set, with all M terms.</summary>
    public double TrainingError { get; }

    /// <summary>min_q μ_q − h·ε̂ at the lower end of the conductivity range: positive iff the bound is usable everywhere.</summary>
    public double GuaranteedCoercivity => _model.Options.Blocks.MuLower - _model.Options.Height * TrainingError;

    /// <summary>A_M(μ) = Σ_q μ_q A_q + Σ_m θ_m(c, w) B_m.</summary>
    public override AffineOperator AffineOperator { get; }

    /// <summary>α_LB(μ) = min_q μ_q − h·ε̂ with respect to the H¹₀ product X (see the class remarks).</summary>
    public double LowerBound(Parameter mu, ReadOnlySpan<double> theta) => CoercivityBound.LowerBound(mu, theta);

    /// <summary>ε(μ) = max_t |g(x_t; μ) − I_M g(x_t; μ)|, the true EIM error at μ (costs a pass over all triangles).</summary>
    public double InterpolationError(Parameter mu)
    {
        var g = _model.Bump(mu);
        var interpolated = Interpolant.Interpolate(Interpolant.Restrict(g));
        double max = 0;
        for (int t = 0; t < g.Length; t++) max = Math.Max(max, Math.Abs(g[t] - interpolated[t]));
        return max;
    }

    /// <summary>
    /// A bound of ‖u(μ) − u_M(μ)‖_X, the distance between the true and the EIM-affine solutions, from a bound
    /// <paramref name="normBound"/> ≥ ‖u_M(μ)‖_X: a(u − u_M, v) = (a_M − a)(u_M, v) ≤ h·ε̂·‖u_M‖_X‖v‖_X and the true
    /// form is coercive with min_q μ_q (g ≥ 0), so ‖u − u_M‖_X ≤ h·ε̂·‖u_M‖_X / min_q μ_q.
    /// </summary>
    public double ModelErrorBound(Parameter mu, double normBound)
    {
        ArgumentNullException.ThrowIfNull(mu);
        return _model.Options.Height * TrainingError * normBound / CoercivityBound.Minimum(mu);
    }
}
