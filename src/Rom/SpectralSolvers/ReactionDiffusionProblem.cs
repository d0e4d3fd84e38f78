using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// Neural spectral methods' reaction–diffusion problem (reference code <c>src/pde/reaction</c>): u_t = ν u_xx + ρ u(1 − u)
/// on t ∈ [0, 1], x ∈ [0, 1) periodic, from an initial condition h drawn from the periodic Gaussian process Per(0.2) on
/// 64 points and scaled to [0, 1]. The parameters are h's coefficients in the Chebyshev(t) × Fourier(x) basis (h does
/// not depend on t: only the T₀ row is set); the initial condition is imposed by construction, u = h + t·v (the
/// reference's mollifier, here exact in coefficient space: the solution has one Chebyshev slot more than the network).
/// The reference is <see cref="ReactionDiffusionEtdrk4"/> at 128 points and 512 steps (within 1e-7 of 256 × 1,024); errors are measured on an
/// evaluation grid of 65 equispaced times × 128 points.
/// </summary>
public sealed class ReactionDiffusionProblem : InitialValueProblem
{
    /// <summary>Equispaced times t_i = i / 64 of the evaluation grid.</summary>
    public const int EvaluationTimes = 65;

    /// <summary>Equispaced points x_j = j / 128 of the evaluation grid.</summary>
    public const int EvaluationPoints = 128;

    private readonly double[,] _timeValues, _spaceValuesT;

    /// <summary>The problem with diffusion ν and reaction ρ on <paramref name="timeModes"/> × <paramref name="spaceModes"/> network slots.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ν not positive, ρ not finite, fewer than 2 time slots, or fewer space slots than the initial condition's points.</exception>
    public ReactionDiffusionProblem(double diffusion, double reaction = 5, int timeModes = 32, int spaceModes = 64, int initialPoints = 64, double lengthScale = 0.2)
        : base(CheckedModes(timeModes, spaceModes, initialPoints), removeMean: false, referencePoints: 128, referenceSteps: 512)
    {
        Equation = new ReactionDiffusion(diffusion, reaction, timeModes + 1, spaceModes);
        Field = new PeriodicGaussianField(initialPoints, 1, lengthScale);
        _timeValues = ChebyshevBasis.Synthesis(timeModes + 1, [.. Enumerable.Range(0, EvaluationTimes).Select(i => (double)i / (EvaluationTimes - 1))]);
        _spaceValuesT = Matrices.Transpose(RealFourierBasis.Synthesis(spaceModes, EvaluationPoints));
        InitialPoints = initialPoints;
    }

    /// <inheritdoc />
    public override string Name => $"reaction-diffusion-nu{Diffusion:0.###}";

    /// <summary>ν.</summary>
    public double Diffusion => Equation.Diffusion;

    /// <summary>ρ.</summary>
    public double Reaction => Equation.Reaction;

    /// <summary>Points of the grid the initial conditions are sampled on.</summary>
    public int InitialPoints { get; }

    /// <summary>16 … 128 points × 64 … 512 steps.</summary>
    public override IReadOnlyList<(int Points, int Steps)> CoarserSettings { get; } =
        [.. from points in new[] { 16, 32, 64, 128 } from steps in new[] { 64, 128, 256, 512 } select (points, steps)];

    /// <inheritdoc />
    private protected override ReactionDiffusion Equation { get; }

    /// <inheritdoc />
    private protected override PeriodicGaussianField Field { get; }

    /// <summary>h drawn from the process and scaled to [0, 1].</summary>
    private protected override double[] InitialField(Random random)
    {
        double[] h = Field.Sample(random);
        double min = h.Min(), max = h.Max();
        return [.. h.Select(v => (v - min) / (max - min))];
    }


    /// <summary>
    /// The classical solution on the evaluation grid with <paramref name="points"/> grid points and <paramref name="steps"/>
    /// time steps (a multiple of 64), interpolated spectrally in x: the knob of the equal-accuracy timing.
    /// </summary>
    /// <exception cref="ArgumentException">Parameters of another length, a non-finite value, or solver settings out of range.</exception>
    public override double[] Solve(ReadOnlySpan<float> parameters, int points, int steps)
    {
        int nt = Modes[0], nx = Modes[1];
        if (parameters.Length != nt * nx)
            throw new ArgumentException($"parameters has {parameters.Length} values; the problem has {nt} × {nx} slots.", nameof(parameters));
        var solver = new ReactionDiffusionEtdrk4(Diffusion, Reaction, points, steps);
        var initial = new double[points];
        for (int j = 0; j < points; j++)
            for (int s = 0; s < nx; s++)
                initial[j] += parameters[s] * RealFourierBasis.Evaluate(nx, s, (double)j / points);
        double[,] u = solver.Solve(initial, EvaluationTimes);
        double[,] toEvaluation = points == EvaluationPoints ? GramMatrices.Identity(points) : RealFourierBasis.Interpolation(points, EvaluationPoints);
        return Matrices.RowMajor(Matrices.Product(u, Matrices.Transpose(toEvaluation)));
    }

    /// <inheritdoc />
    public override Tensor<float> Values(Tensor<float> solution, int resolution) => SpaceTimeGrids.Values(solution, resolution, resolution);

    /// <summary>Both on the evaluation grid: [i, j] = u(t_i, x_j).</summary>
    public override (double[,] Prediction, double[,] Reference) OnGrid(ReadOnlySpan<float> prediction, ReadOnlySpan<double> reference)
    {
        double[] values = EvaluationValues(prediction);
        var p = new double[EvaluationTimes, EvaluationPoints];
        var r = new double[EvaluationTimes, EvaluationPoints];
        for (int i = 0; i < EvaluationTimes; i++)
            for (int j = 0; j < EvaluationPoints; j++)
                (p[i, j], r[i, j]) = (values[i * EvaluationPoints + j], reference[i * EvaluationPoints + j]);
        return (p, r);
    }

    /// <inheritdoc />
    private protected override double[] EvaluationValues(ReadOnlySpan<float> prediction)
    {
        int nt = Modes[0] + 1, nx = Modes[1];
        if (prediction.Length != nt * nx)
            throw new ArgumentException($"prediction has {prediction.Length} coefficients; the solution has {nt} × {nx}.", nameof(prediction));
        var coefficients = new double[nt, nx];
        for (int k = 0; k < nt; k++)
            for (int s = 0; s < nx; s++)
                coefficients[k, s] = prediction[k * nx + s];
        return Matrices.RowMajor(Matrices.Product(_timeValues, Matrices.Product(coefficients, _spaceValuesT)));
    }

    /// <summary>[N_t, N_x], once there are at least 2 time slots and as many space slots as the initial condition's points.</summary>
    private static int[] CheckedModes(int timeModes, int spaceModes, int initialPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeModes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(spaceModes, initialPoints);
        return [timeModes, spaceModes];
    }
}
