using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// Neural spectral methods' Navier–Stokes problem (reference code <c>src/pde/navierstokes</c>): the 2-D vorticity
/// equation (<see cref="NavierStokesVorticity"/>) on the periodic unit square over [0, T], from an initial vorticity w₀
/// drawn from the periodic Gaussian process Per(0.8) on 64² points with its mean removed, optionally forced by the
/// reference's f = 0.1 (sin 2π(x + y) + cos 2π(x + y)). The parameters are w₀'s coefficients in the Chebyshev(t) ×
/// Fourier(x) × Fourier(y) basis (only the T₀ slab set); w = w₀ + t·v imposes the initial condition. The reference is
/// <see cref="NavierStokesEtdrk4"/> on 64² points with 128 steps (within 1e-7 of 256² and 512 steps for the default 31 slots); errors are measured on 17 equispaced times × 64² points.
/// </summary>
public sealed class NavierStokesProblem : InitialValueProblem
{
    /// <summary>Equispaced times t_i = T i / 16 of the evaluation grid.</summary>
    public const int EvaluationTimes = 17;

    /// <summary>Points per axis x_j = j / 64 of the evaluation grid.</summary>
    public const int EvaluationPoints = 64;

    private readonly double[][,] _toEvaluation;
    private readonly double[]? _forcing;

    /// <summary>
    /// The problem with viscosity ν and end time T, forced or not, on <paramref name="timeModes"/> × <paramref name="spaceModes"/>²
    /// network slots (an odd space count).
    /// </summary>
    /// <exception cref="ArgumentException">ν or T not positive, fewer than 2 time slots, or an even or too small space count (named).</exception>
    public NavierStokesProblem(double viscosity = 1e-3, double endTime = 3, bool forced = true, int timeModes = 12, int spaceModes = 31,
        int initialPoints = 64, double lengthScale = 0.8)
        : base(CheckedModes(timeModes, spaceModes, initialPoints), removeMean: true, referencePoints: 64, referenceSteps: 128)
    {
        int m = spaceModes;
        _forcing = forced ? Coefficients(m, (x, y) => 0.1 * (Math.Sin(2 * Math.PI * (x + y)) + Math.Cos(2 * Math.PI * (x + y)))) : null;
        Equation = new NavierStokesVorticity(viscosity, endTime, [timeModes + 1, m, m], _forcing);
        Field = new PeriodicGaussianField(initialPoints, 2, lengthScale);
        var space = RealFourierBasis.Synthesis(m, EvaluationPoints);
        _toEvaluation = [ChebyshevBasis.Synthesis(timeModes + 1, [.. Enumerable.Range(0, EvaluationTimes).Select(i => (double)i / (EvaluationTimes - 1))]), space, space];
        Forced = forced;
    }

    /// <inheritdoc />
    public override string Name => $"navier-stokes-nu{Viscosity:0.#####}-T{EndTime:0.##}{(Forced ? "-forced" : "")}";

    /// <summary>ν.</summary>
    public double Viscosity => Equation.Viscosity;

    /// <summary>T.</summary>
    public double EndTime => Equation.EndTime;

    /// <summary>Whether the reference's forcing acts.</summary>
    public bool Forced { get; }

    /// <summary>32² or 64² points × 16 … 128 steps.</summary>
    public override IReadOnlyList<(int Points, int Steps)> CoarserSettings { get; } =
        [.. from points in new[] { 32, 64 } from steps in new[] { 16, 32, 64, 128 } select (points, steps)];

    /// <inheritdoc />
    private protected override NavierStokesVorticity Equation { get; }

    /// <inheritdoc />
    private protected override PeriodicGaussianField Field { get; }


    /// <summary>
    /// The classical solution on the evaluation grid with <paramref name="points"/>² grid points and <paramref name="steps"/>
    /// time steps (a multiple of 16), interpolated spectrally onto the evaluation grid: the knob of the equal-accuracy timing.
    /// </summary>
    /// <exception cref="ArgumentException">Parameters of another length, or solver settings out of range.</exception>
    public override double[] Solve(ReadOnlySpan<float> parameters, int points, int steps)
    {
        int m = Modes[1], slab = m * m;
        if (parameters.Length != Modes[0] * slab)
            throw new ArgumentException($"parameters has {parameters.Length} values; the problem has {string.Join(" × ", Modes)} slots.", nameof(parameters));
        var w0 = new double[slab];
        for (int i = 0; i < slab; i++)
            w0[i] = parameters[i];
        var solver = new NavierStokesEtdrk4(Viscosity, EndTime, points, steps, ForcingValues(points));
        double[][] w = solver.Solve(OnGrid(w0, points), EvaluationTimes);
        var snapshots = new Tensor<double>([1, EvaluationTimes, points, points], [.. w.SelectMany(x => x)]);
        if (points == EvaluationPoints)
            return snapshots.Data;
        var toEvaluation = RealFourierBasis.Interpolation(points, EvaluationPoints);
        return SpatialAxes.Apply(Tape<double>.Constant(snapshots), [toEvaluation, toEvaluation]).Value.Data;
    }

    /// <summary>The forcing's values on the <paramref name="points"/>² grid (row-major), or null when unforced.</summary>
    public double[]? ForcingValues(int points) => _forcing is null ? null : OnGrid(_forcing, points);

    /// <summary>Values on the points² grid of real Fourier coefficients (m × m).</summary>
    private double[] OnGrid(double[] coefficients, int points)
    {
        int m = Modes[1];
        var synthesis = RealFourierBasis.Synthesis(m, points);
        return SpatialAxes.Apply(Tape<double>.Constant(new Tensor<double>([1, 1, m, m], coefficients)), [synthesis, synthesis]).Value.Data;
    }

    /// <summary>w(T) on the G² grid x_j = j / G: the end time's Chebyshev values (T_k(1) = 1) summed, then both Fourier axes synthesised.</summary>
    public override Tensor<float> Values(Tensor<float> solution, int resolution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var atEnd = new double[1, solution.Extent(2)];
        for (int k = 0; k < atEnd.Length; k++)
            atEnd[0, k] = 1;
        var synthesis = RealFourierBasis.Synthesis(Modes[1], resolution);
        return SpatialAxes.Apply(Tape<float>.Constant(solution), [atEnd, synthesis, synthesis]).Value;
    }

    /// <summary>Both at the end time T on the evaluation grid's 64² points: [i, j] = w(T, x_i, y_j).</summary>
    public override (double[,] Prediction, double[,] Reference) OnGrid(ReadOnlySpan<float> prediction, ReadOnlySpan<double> reference)
    {
        double[] values = EvaluationValues(prediction);
        int plane = EvaluationPoints * EvaluationPoints, last = (EvaluationTimes - 1) * plane;
        var p = new double[EvaluationPoints, EvaluationPoints];
        var r = new double[EvaluationPoints, EvaluationPoints];
        for (int i = 0; i < EvaluationPoints; i++)
            for (int j = 0; j < EvaluationPoints; j++)
                (p[i, j], r[i, j]) = (values[last + i * EvaluationPoints + j], reference[last + i * EvaluationPoints + j]);
        return (p, r);
    }

    /// <summary>The solution's values on the evaluation grid from its coefficients (N_t + 1, N_x, N_y).</summary>
    private protected override double[] EvaluationValues(ReadOnlySpan<float> prediction)
    {
        int[] shape = [1, 1, Modes[0] + 1, Modes[1], Modes[2]];
        if (prediction.Length != shape.Skip(2).Aggregate(1, (p, n) => p * n))
            throw new ArgumentException($"prediction has {prediction.Length} coefficients; the solution has {string.Join(" × ", shape.Skip(2))}.", nameof(prediction));
        var c = new double[prediction.Length];
        for (int i = 0; i < c.Length; i++)
            c[i] = prediction[i];
        return SpatialAxes.Apply(Tape<double>.Constant(new Tensor<double>(shape, c)), _toEvaluation).Value.Data;
    }

    /// <summary>[N_t, m, m] for m = <paramref name="spaceModes"/>, once there are at least 2 time slots and m is odd, at least 3 and at most the initial points.</summary>
    private static int[] CheckedModes(int timeModes, int spaceModes, int initialPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeModes, 2);
        int m = spaceModes;
        if (m < 3 || m % 2 == 0 || m > initialPoints)
            throw new ArgumentException($"spaceModes {m} must be odd, at least 3 and at most the initial condition's {initialPoints} points: an even count's Nyquist cosine has a derivative the basis cannot hold.", nameof(spaceModes));
        return [timeModes, m, m];
    }

    /// <summary>The real Fourier coefficients (m × m) of f on the m² collocation grid (exact for waves below m/2).</summary>
    private static double[] Coefficients(int m, Func<double, double, double> f)
    {
        var values = new Tensor<double>([1, 1, m, m], [.. Enumerable.Range(0, m * m).Select(i => f((double)(i / m) / m, (double)(i % m) / m))]);
        var analysis = RealFourierBasis.Analysis(m);
        return SpatialAxes.Apply(Tape<double>.Constant(values), [analysis, analysis]).Value.Data;
    }
}
