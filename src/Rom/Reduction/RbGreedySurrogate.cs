using Rom.LinearAlgebra;
using Rom.Parameters;
using Rom.Reduction.Greedy;

namespace Rom.Reduction;

/// <summary>
/// The reduced-basis surrogate of the weak greedy (Haasdonk 2017, Alg. 2.40; pyMOR reductors' RBSurrogate): the
/// estimate is the certified bound Δ(μ); an extension solves the full-order model at μ and adds its part
/// X-orthogonal to the basis (Gram–Schmidt twice) to the <see cref="CoerciveReductor"/>.
/// </summary>
public sealed class RbGreedySurrogate : IGreedySurrogate
{
    private readonly CoerciveReductor _reductor;
    private readonly RbGreedySurrogateOptions _options;
    private readonly OrthonormalBasis _basis;

    /// <summary>Wraps a reductor, whose current basis must be X-orthonormal.</summary>
    public RbGreedySurrogate(CoerciveReductor reductor, RbGreedySurrogateOptions options)
    {
        ArgumentNullException.ThrowIfNull(reductor);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _reductor = reductor;
        _options = options;
        _basis = new OrthonormalBasis(reductor.Product);
        foreach (var v in reductor.Basis)
            _basis.Append(v, _basis.Norm(v));
    }

    /// <summary>The reductor being extended.</summary>
    public CoerciveReductor Reductor => _reductor;

    /// <summary>Δ(μ) (or Δ(μ)/‖u_N(μ)‖_X) of the current reduced model at every μ.</summary>
    public double[] Evaluate(IReadOnlyList<Parameter> mus)
    {
        ArgumentNullException.ThrowIfNull(mus);
        var model = _reductor.ReduceOnline();
        var estimates = new double[mus.Count];
        for (int i = 0; i < mus.Count; i++)
        {
            var s = model.Solve(mus[i]);
            // V is X-orthonormal, so ‖V u_N‖_X = ‖u_N‖₂.
            estimates[i] = _options.RelativeToSolutionNorm ? s.ErrorBound / Vectors.Norm(s.Coefficients) : s.ErrorBound;
        }
        return estimates;
    }

    /// <summary>Solves the full-order model at μ and adds its new direction; false when it is linearly dependent.</summary>
    public bool Extend(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        var model = _reductor.Model;
        var a = model.Operator(mu) as CsrMatrix
            ?? throw new ArgumentException("The model's operator must assemble to a CsrMatrix for the full-order solve.", nameof(mu));
        var u = new double[model.Dimension];
        _options.Solver(a).Solve(model.RightHandSide(mu), u);
        double norm = _basis.Norm(u);
        double remainder = _basis.Orthogonalize(u, new double[_basis.Count]);
        if (!(remainder > _options.DependenceTolerance * norm))
            return false;
        _basis.Append(u, remainder);
        _reductor.Extend(_basis.Vectors[^1]);
        return true;
    }
}
