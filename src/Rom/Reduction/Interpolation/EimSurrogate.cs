using Rom.Parameters;
using Rom.Reduction.Greedy;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// The empirical interpolation method as a greedy surrogate (Barrault, Maday, Nguyen, Patera, C. R. Acad. Sci.
/// Paris 339, 2004; Maday et al., CPAA 8, 2009): the error of a candidate is the sup-norm interpolation error
/// ‖g(μ) − I_M g(μ)‖_∞; extending with μ* adds the point p = argmax |r| of the residual r = g(μ*) − I_M g(μ*)
/// and the basis vector q = r / r[p]. Run it with <see cref="WeakGreedy"/>.
/// </summary>
public sealed class EimSurrogate : IGreedySurrogate
{
    private readonly Func<Parameter, double[]> _field;
    private readonly double _dependencyTolerance;
    private readonly Dictionary<Parameter, double[]> _cache = new(ReferenceEqualityComparer.Instance);
    private readonly List<double> _basis = [];
    private readonly List<int> _points = [];
    private int _length = -1;

    /// <summary>
    /// Creates the surrogate for a field g(μ) sampled on n points. A residual whose largest entry is at most
    /// <paramref name="dependencyTolerance"/> times the field's largest entry counts as linearly dependent.
    /// </summary>
    public EimSurrogate(Func<Parameter, double[]> field, double dependencyTolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!(dependencyTolerance >= 0 && dependencyTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(dependencyTolerance), dependencyTolerance, "Expected a value in [0, 1).");
        _field = field;
        _dependencyTolerance = dependencyTolerance;
        Interpolant = new EmpiricalInterpolant([], 1, []);
    }

    /// <summary>The interpolant built so far.</summary>
    public EmpiricalInterpolant Interpolant { get; private set; }

    /// <inheritdoc />
    public double[] Evaluate(IReadOnlyList<Parameter> mus) =>
        mus.Select(mu => Residual(Field(mu)).Max(Math.Abs)).ToArray();

    /// <inheritdoc />
    public bool Extend(Parameter mu)
    {
        var g = Field(mu);
        var r = Residual(g);
        int p = 0;
        for (int i = 1; i < r.Length; i++)
            if (Math.Abs(r[i]) > Math.Abs(r[p])) p = i;
        if (Math.Abs(r[p]) <= _dependencyTolerance * g.Max(Math.Abs))
            return false;
        double scale = r[p];
        _basis.AddRange(r.Select(v => v / scale));
        _points.Add(p);
        Interpolant = new EmpiricalInterpolant(_basis.ToArray(), _length, _points.ToArray());
        return true;
    }

    private double[] Residual(double[] g)
    {
        var interpolated = Interpolant.Size == 0 ? new double[g.Length] : Interpolant.Interpolate(Interpolant.Restrict(g));
        var r = new double[g.Length];
        for (int i = 0; i < g.Length; i++) r[i] = g[i] - interpolated[i];
        return r;
    }

    private double[] Field(Parameter mu)
    {
        if (_cache.TryGetValue(mu, out var g)) return g;
        g = _field(mu);
        if (_length < 0) _length = g.Length;
        if (g.Length != _length)
            throw new InvalidOperationException($"The field at {mu} has {g.Length} values; earlier fields had {_length}.");
        if (!LinearAlgebra.Vectors.AllFinite(g))
            throw new InvalidOperationException($"The field at {mu} has a NaN or infinite value.");
        if (Interpolant.Size == 0 && Interpolant.Length != _length)
            Interpolant = new EmpiricalInterpolant([], _length, []);
        return _cache[mu] = g;
    }
}
