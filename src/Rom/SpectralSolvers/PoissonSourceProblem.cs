using Rom.Spectral.Chebyshev;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// Neural spectral methods' periodic Poisson problem (reference code <c>src/pde/poisson</c>): −Δu = s on [0, 1)², s a
/// Gaussian process with the periodic kernel Per(0.2) sampled on a 16 × 16 grid with its mean removed, given to the
/// model as its real Fourier coefficients on the model's modes; u(0) = 0. The reference is the FFT solution.
/// </summary>
public sealed class PoissonSourceProblem : ISpectralProblem
{
    private readonly PeriodicPoisson _poisson;
    private readonly PeriodicGaussianField _field;
    private readonly double[] _gram;
    private readonly double[][,] _origin;

    /// <summary>The problem on <paramref name="modes"/> slots per axis, sources on <paramref name="sourcePoints"/>² points with length scale ℓ.</summary>
    public PoissonSourceProblem(int modes = 31, int sourcePoints = 16, double lengthScale = 0.2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(modes, sourcePoints);
        _poisson = new PeriodicPoisson(modes, modes);
        _field = new PeriodicGaussianField(sourcePoints, 2, lengthScale);
        double[,] gram = RealFourierBasis.Gram(modes);
        double[] g = [.. Enumerable.Range(0, modes).Select(s => gram[s, s])];
        _gram = [.. Enumerable.Range(0, modes * modes).Select(i => g[i / modes] * g[i % modes])];
        _origin = [Origin(modes), Origin(modes)];
        Modes = [modes, modes];
        SourcePoints = sourcePoints;
    }

    /// <inheritdoc />
    public string Name => "poisson-periodic";

    /// <inheritdoc />
    public int[] Modes { get; }

    /// <inheritdoc />
    public SpectralBasis[] Bases => [SpectralBasis.Fourier, SpectralBasis.Fourier];

    /// <summary>Points per axis of the grid the sources are sampled on.</summary>
    public int SourcePoints { get; }

    /// <inheritdoc />
    public int ParameterChannels => 1;

    /// <inheritdoc />
    public Tensor<float> SampleParameters(int batch, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentNullException.ThrowIfNull(random);
        int n = SourcePoints;
        var fields = Tensor<double>.Zeros([batch, n, n]);
        for (int b = 0; b < batch; b++)
            _field.Sample(random).CopyTo(fields.Data, b * n * n);
        return Parameters(fields);
    }

    /// <summary>The periodic mollifier u = v − v(0): the gauge u(0) = 0 of the FFT solution.</summary>
    public Variable<float> Constrain(Variable<float> network, Tensor<float> parameters) =>
        Ops.Subtract(network, SpatialAxes.Apply(network, _origin));

    /// <inheritdoc />
    public Variable<float> ResidualLoss(Variable<float> solution, Tensor<float> parameters, bool exactNorm) =>
        _poisson.ResidualLoss(solution, parameters, exactNorm);

    /// <inheritdoc />
    public double[] Solve(ReadOnlySpan<float> parameters)
    {
        var s = new double[parameters.Length];
        for (int i = 0; i < s.Length; i++)
            s[i] = parameters[i];
        return _poisson.Solve(s);
    }

    /// <inheritdoc />
    public double RelativeL2(ReadOnlySpan<float> prediction, ReadOnlySpan<double> reference)
    {
        double difference = 0, norm = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double d = prediction[i] - reference[i];
            difference += _gram[i] * d * d;
            norm += _gram[i] * reference[i] * reference[i];
        }
        return Math.Sqrt(difference / norm);
    }

    /// <inheritdoc />
    public Tensor<float> Parameters(Tensor<double> fields)
    {
        var c = SpatialAxes.FourierCoefficients(fields, Modes, removeMean: true);
        return new Tensor<float>([.. c.Shape], [.. c.Data.Select(v => (float)v)]);
    }

    /// <inheritdoc />
    public Tensor<float> Values(Tensor<float> solution, int resolution) => PoissonGridLosses.Values(solution, resolution);

    /// <summary>Both series on the 64 × 64 grid x_j = j / 64.</summary>
    public (double[,] Prediction, double[,] Reference) OnGrid(ReadOnlySpan<float> prediction, ReadOnlySpan<double> reference)
    {
        double[] p = new double[prediction.Length];
        for (int i = 0; i < p.Length; i++)
            p[i] = prediction[i];
        return (Values(p), Values(reference));
    }

    private double[,] Values(ReadOnlySpan<double> coefficients)
    {
        const int points = 64;
        int m = Modes[0];
        double[,] synthesis = RealFourierBasis.Synthesis(m, points);
        var inY = new double[m, points];
        for (int a = 0; a < m; a++)
            for (int j = 0; j < points; j++)
                for (int b = 0; b < m; b++)
                    inY[a, j] += coefficients[a * m + b] * synthesis[j, b];
        return Matrices.Product(synthesis, inY);
    }

    /// <summary>e₀ φ(0)ᵀ: the map of coefficients to (u(0) along this axis) in slot 0.</summary>
    private static double[,] Origin(int n)
    {
        var m = new double[n, n];
        for (int s = 0; s < n; s++)
            m[0, s] = RealFourierBasis.IsCosine(n, s) ? 1 : 0;
        return m;
    }
}
