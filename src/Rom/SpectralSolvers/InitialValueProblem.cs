using Rom.Spectral.Chebyshev;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// What the time-dependent problems (<see cref="ReactionDiffusionProblem"/>, <see cref="NavierStokesProblem"/>) share:
/// the parameters are an initial field's Fourier coefficients in the T₀ slab of a Chebyshev(t) × Fourier(space…)
/// series, the field drawn from a periodic Gaussian process; the initial condition is imposed by construction
/// (u = u₀ + t·v, see <see cref="InitialValueMollifier"/>); the reference is an ETDRK4 solution, and errors are measured
/// on an evaluation grid.
/// </summary>
public abstract class InitialValueProblem : IRefinableProblem
{
    private readonly InitialValueMollifier _mollifier;
    private readonly bool _removeMean;

    /// <summary>A problem on network slots <paramref name="modes"/> (N_t, space…) whose initial fields lose their mean or not, with the reference solver's defaults.</summary>
    private protected InitialValueProblem(int[] modes, bool removeMean, int referencePoints, int referenceSteps)
    {
        Modes = modes;
        _mollifier = new InitialValueMollifier(modes);
        _removeMean = removeMean;
        ReferencePoints = referencePoints;
        ReferenceSteps = referenceSteps;
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public int[] Modes { get; }

    /// <summary>Chebyshev in t, real Fourier on every space axis.</summary>
    public SpectralBasis[] Bases => [SpectralBasis.Chebyshev, .. Enumerable.Repeat(SpectralBasis.Fourier, Modes.Length - 1)];

    /// <summary>Grid points per axis of the reference solver.</summary>
    public int ReferencePoints { get; init; }

    /// <summary>Time steps of the reference solver.</summary>
    public int ReferenceSteps { get; init; }

    /// <inheritdoc />
    public string SolverName => "etdrk4";

    /// <inheritdoc />
    public abstract IReadOnlyList<(int Points, int Steps)> CoarserSettings { get; }

    /// <inheritdoc />
    public int ParameterChannels => 1;

    /// <summary>The equation whose residual the network minimises.</summary>
    private protected abstract ISpectralEquation Equation { get; }

    /// <summary>The process the initial fields are drawn from.</summary>
    private protected abstract PeriodicGaussianField Field { get; }

    /// <inheritdoc />
    public Tensor<float> SampleParameters(int batch, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentNullException.ThrowIfNull(random);
        var fields = Tensor<double>.Zeros([batch, .. Enumerable.Repeat(Field.Points, Field.Dimensions)]);
        int size = fields.Count / batch;
        for (int b = 0; b < batch; b++)
            InitialField(random).CopyTo(fields.Data, b * size);
        return Parameters(fields);
    }

    /// <summary>One initial field on <see cref="Field"/>'s grid (row-major), drawn from <paramref name="random"/>.</summary>
    private protected virtual double[] InitialField(Random random) => Field.Sample(random);

    /// <summary>u = u₀ + t·v: u(0) = u₀ for every network output v.</summary>
    public Variable<float> Constrain(Variable<float> network, Tensor<float> parameters) => _mollifier.Constrain(network, parameters);

    /// <inheritdoc />
    public Variable<float> ResidualLoss(Variable<float> solution, Tensor<float> parameters, bool exactNorm) =>
        Equation.ResidualLoss(solution, exactNorm);

    /// <summary>The reference solution on the evaluation grid (times × points…, row-major).</summary>
    public double[] Solve(ReadOnlySpan<float> parameters) => Solve(parameters, ReferencePoints, ReferenceSteps);

    /// <inheritdoc />
    public abstract double[] Solve(ReadOnlySpan<float> parameters, int points, int steps);

    /// <inheritdoc />
    public double RelativeL2(ReadOnlySpan<float> prediction, ReadOnlySpan<double> reference) => GridNorms.RelativeL2(EvaluationValues(prediction), reference);

    /// <inheritdoc />
    public Tensor<float> Parameters(Tensor<double> fields) => _mollifier.Parameters(fields, _removeMean);

    /// <inheritdoc />
    public abstract Tensor<float> Values(Tensor<float> solution, int resolution);

    /// <inheritdoc />
    public abstract (double[,] Prediction, double[,] Reference) OnGrid(ReadOnlySpan<float> prediction, ReadOnlySpan<double> reference);

    /// <summary>The solution's values on the evaluation grid (times × points…, row-major) from its coefficients.</summary>
    private protected abstract double[] EvaluationValues(ReadOnlySpan<float> prediction);
}
