using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra;
using Rom.Models;
using Rom.Reduction.Interpolation;
using Rom.Reduction.Snapshots;

namespace Rom.Reduction.Adaptive;

/// <summary>
/// The error-indicator-based adaptive ROM of Casenave &amp; Akkari ("An error indicator-based adaptive reduced order
/// model for nonlinear structural mechanics", Math. Comput. Appl. 24, 2019), on an <see cref="INonlinearTransientModel"/>
/// (e.g. <c>Rom.Models.NonlinearHeat.NonlinearHeatModel</c>).
/// Offline: POD basis V of training states, Q-DEIM interpolant of the internal force F(u) = K(u)u. Online, per step:
/// Galerkin-projected Newton Vᵀ[M(Va − Va_prev)/Δt + U(PᵀU)⁻¹PᵀF(Va) − b] = 0, with F evaluated only on the reduced
/// mesh around the sample points; then the error indicator (<see cref="Indicator"/>). If it exceeds τ, the step is
/// redone by the full-order model from the reconstructed state, V is enriched with the new state and U with its
/// internal force (Gram–Schmidt), the points are recomputed, and the run continues reduced.
/// </summary>
public sealed class AdaptiveRom
{
    private readonly INonlinearTransientModel _model;
    private readonly AdaptiveRomOptions _options;
    private readonly CsrMatrix _mass;
    private readonly OrthonormalBasis _states;
    private readonly OrthonormalBasis _forces;
    private readonly int[] _extraSamples;
    private EmpiricalInterpolant _interpolant = null!;
    private ISampledResidual _reducedMesh = null!;
    private Matrix<double> _basisOnMesh = null!;
    private Matrix<double> _reducedMass = null!;
    private Matrix<double> _forceProjection = null!;
    private Matrix<double> _reducedLoadModes = null!;
    private Matrix<double> _sampledLoadModes = null!;

    /// <summary>Builds V and the Q-DEIM interpolant from the training states (states of the model, e.g. the first steps of a trajectory).</summary>
    public AdaptiveRom(INonlinearTransientModel model, IReadOnlyList<double[]> trainingStates, AdaptiveRomOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainingStates);
        _options = options ?? new AdaptiveRomOptions();
        _options.Validate();
        int n = model.StateSize;
        if (trainingStates.Count == 0 || trainingStates.Any(s => s is null || s.Length != n))
            throw new ArgumentException($"Need at least one training state, each with one value per node ({n}).", nameof(trainingStates));
        _model = model;
        _mass = model.Mass;
        _states = new OrthonormalBasis(CsrMatrix.Identity(n));
        _forces = new OrthonormalBasis(CsrMatrix.Identity(n));
        foreach (var mode in Pod.Compute(trainingStates, _options.StatePodOrDefault).Modes) Enrich(_states, mode);
        foreach (var mode in Pod.Compute(trainingStates.Select(s => model.Force(s)).ToArray(), _options.ForcePodOrDefault).Modes) Enrich(_forces, mode);
        if (_states.Count == 0 || _forces.Count == 0)
            throw new ArgumentException("The training states are all zero (or their forces are): no basis to start from.", nameof(trainingStates));
        _extraSamples = model.GridSamples(_options.ExtraSamplesPerSide).ToArray();
        Rebuild();
    }

    /// <summary>Current size r of V.</summary>
    public int BasisSize => _states.Count;

    /// <summary>The current sampled residual: the reduced mesh around the Q-DEIM points and the extra indicator samples.</summary>
    public ISampledResidual ReducedMesh => _reducedMesh;

    /// <summary>
    /// Runs all steps of the model's time grid from u = 0, enriching where the indicator exceeds τ. The bases keep
    /// their enrichment, so a second run starts from the enriched ROM.
    /// </summary>
    public AdaptiveRomResult Run()
    {
        int steps = _model.Steps;
        var coefficients = new List<double[]> { new double[BasisSize] };
        var full = new List<bool>();
        var indicators = new List<double>();
        var basisSizes = new List<int>();
        var interpolationSizes = new List<int>();
        for (int k = 0; k < steps; k++)
        {
            var previous = coefficients[^1];
            var (reduced, converged) = ReducedStep(previous, k);
            double indicator = converged ? Indicator(reduced, previous, k) : double.PositiveInfinity;
            indicators.Add(indicator);
            full.Add(indicator > _options.IndicatorTolerance);
            if (full[^1])
            {
                var state = _model.Advance(Reconstruct(previous), k);
                Enrich(_states, state);
                Enrich(_forces, _model.Force(state));
                Rebuild();
                reduced = _states.Vectors.Select(v => Vectors.Dot(v, state)).ToArray();
            }
            coefficients.Add(reduced);
            basisSizes.Add(BasisSize);
            interpolationSizes.Add(_interpolant.Size);
        }
        return new AdaptiveRomResult(_states.Vectors.ToArray(), coefficients, full, indicators, basisSizes, interpolationSizes);
    }

    /// <summary>
    /// The indicator of a reduced step: η = ‖R_S‖ / (‖[M(u − u_prev)/Δt]_S‖ + ‖F_S(u)‖ + ‖b_S‖), the full-order implicit
    /// Euler residual at the samples S (Q-DEIM points and the extra grid) relative to the size of its terms. The
    /// Galerkin ROM only makes VᵀR vanish; R itself is what the reduced space cannot balance, and at the extra samples
    /// it is the exact residual wherever the source has moved to (a gappy residual in the spirit of Casenave &amp;
    /// Akkari's residual-based indicator). Its cost depends only on the reduced mesh.
    /// </summary>
    private double Indicator(double[] a, double[] previous, int step)
    {
        var uPrevious = _basisOnMesh * Pad(previous, a.Length);
        var u = _basisOnMesh * Vector<double>.Build.DenseOfArray(a);
        var load = SampledLoad(step);
        var force = new double[_reducedMesh.Samples.Count];
        var residual = _reducedMesh.Residual(u.AsArray(), uPrevious.AsArray(), load, _model.TimeStep, force);
        var change = new double[force.Length];
        _reducedMesh.MassRows.Apply(((u - uPrevious) / _model.TimeStep).AsArray(), change);
        double scale = Vectors.Norm(change) + Vectors.Norm(force) + Vectors.Norm(load);
        return scale == 0 ? 0 : Vectors.Norm(residual) / scale;
    }

    /// <summary>Reduced Newton for step k: the last iterate and whether it met the tolerance within the iteration limit.</summary>
    private (double[] A, bool Converged) ReducedStep(double[] previous, int step)
    {
        var aPrevious = Pad(previous, BasisSize);
        var a = aPrevious.Clone();
        var load = _reducedLoadModes * Vector<double>.Build.DenseOfArray(_model.LoadCoefficients((step + 1) * _model.TimeStep));
        double dt = _model.TimeStep;
        int m = _interpolant.Size;
        var force = new double[_reducedMesh.Samples.Count];
        var jacobian = Matrix<double>.Build.Dense(force.Length, _reducedMesh.Nodes.Count);
        double first = 0;
        for (int iteration = 0; ; iteration++)
        {
            _reducedMesh.Force((_basisOnMesh * a).AsArray(), force, jacobian);
            var theta = Vector<double>.Build.DenseOfArray(_interpolant.Coefficients(force.AsSpan(0, m)));
            var residual = _reducedMass * (a - aPrevious) / dt + _forceProjection * theta - load;
            double norm = residual.L2Norm();
            if (iteration == 0) first = norm;
            if (norm <= _options.NewtonTolerance * first || norm == 0) return (a.ToArray(), true);
            if (iteration == _options.MaxNewtonIterations || !double.IsFinite(norm)) break;
            var pointJacobian = jacobian.SubMatrix(0, m, 0, jacobian.ColumnCount) * _basisOnMesh;
            var thetaJacobian = Matrix<double>.Build.Dense(m, BasisSize);
            for (int j = 0; j < BasisSize; j++)
                thetaJacobian.SetColumn(j, _interpolant.Coefficients(pointJacobian.Column(j).AsArray()));
            var reducedJacobian = _reducedMass / dt + _forceProjection * thetaJacobian;
            a -= reducedJacobian.LU().Solve(residual);
        }
        return (a.ToArray(), false);
    }

    /// <summary>Recomputes the points, reduced mesh and the small reduced operators after V or U changed (O(n) work, offline or after a full step).</summary>
    private void Rebuild()
    {
        int n = _model.StateSize, m = _forces.Count, r = _states.Count;
        var u = new double[(long)n * m];
        for (int j = 0; j < m; j++) _forces.Vectors[j].CopyTo(u, (long)j * n);
        _interpolant = Qdeim.Build(u, n, m);
        var samples = _interpolant.Points.Concat(_extraSamples.Except(_interpolant.Points)).ToArray();
        _reducedMesh = _model.SampleResidual(samples);
        var v = Matrix<double>.Build.DenseOfColumnArrays(_states.Vectors);
        _basisOnMesh = Matrix<double>.Build.Dense(_reducedMesh.Nodes.Count, r, (i, j) => v[_reducedMesh.Nodes[i], j]);
        var massV = Matrix<double>.Build.Dense(n, r);
        for (int j = 0; j < r; j++)
        {
            var column = new double[n];
            _mass.Apply(_states.Vectors[j], column);
            massV.SetColumn(j, column);
        }
        _reducedMass = v.TransposeThisAndMultiply(massV);
        _forceProjection = v.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfColumnArrays(_forces.Vectors));
        var loads = Matrix<double>.Build.DenseOfColumnArrays(_model.LoadModes);
        _reducedLoadModes = v.TransposeThisAndMultiply(loads);
        _sampledLoadModes = Matrix<double>.Build.Dense(samples.Length, loads.ColumnCount, (i, k) => loads[samples[i], k]);
    }

    private double[] SampledLoad(int step) =>
        (_sampledLoadModes * Vector<double>.Build.DenseOfArray(_model.LoadCoefficients((step + 1) * _model.TimeStep))).AsArray();

    private double[] Reconstruct(double[] a)
    {
        var u = new double[_model.StateSize];
        for (int j = 0; j < a.Length; j++) Vectors.Axpy(a[j], _states.Vectors[j], u);
        return u;
    }

    private void Enrich(OrthonormalBasis basis, double[] vector)
    {
        var v = vector.ToArray();
        double norm = Vectors.Norm(v);
        double left = basis.Orthogonalize(v, new double[basis.Count]);
        if (left > _options.EnrichmentTolerance * norm) basis.Append(v, left);
    }

    /// <summary>Coefficients padded with zeros to the current basis size (the basis only grows).</summary>
    private static Vector<double> Pad(double[] a, int size)
    {
        var padded = Vector<double>.Build.Dense(size);
        for (int j = 0; j < a.Length; j++) padded[j] = a[j];
        return padded;
    }
}
