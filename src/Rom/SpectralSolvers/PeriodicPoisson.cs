using System.Numerics;
using Rom.Spectral.Chebyshev;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// −Δu = s on a periodic box (every axis Fourier), in coefficient space: Δ is diagonal there, −Δ e_k = λ_k e_k with
/// λ_k = Σ_a (2π k_a / L_a)², so the residual's coefficients are r = λ ⊙ û − ŝ and its exact squared L2 norm is
/// rᴴ G r (<see cref="GramMatrices"/>): the spectral residual loss of neural spectral methods, with no grid and no
/// differentiation through the PDE. <see cref="Solve"/> is the classical FFT solver of the same equation (û = ŝ / λ,
/// mean zero). Coefficients are laid out as <see cref="TensorSpectralTransform"/> lays them out (FFT order per axis).
/// </summary>
public sealed class PeriodicPoisson
{
    private readonly double[] _eigenvalues;
    private readonly double[][,] _gram;

    /// <summary>The problem on the grid of <paramref name="axes"/> (all periodic).</summary>
    /// <exception cref="ArgumentException">An axis that is not Fourier.</exception>
    public PeriodicPoisson(IReadOnlyList<SpectralAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        for (int a = 0; a < axes.Count; a++)
            if (axes[a].Basis != SpectralBasis.Fourier)
                throw new ArgumentException($"axes[{a}] is {axes[a].Basis}; the periodic Poisson problem needs Fourier axes.", nameof(axes));
        Axes = [.. axes];
        Shape = [.. axes.Select(a => a.PointCount)];
        _eigenvalues = new double[Shape.Aggregate(1, (p, n) => checked(p * n))];
        for (int i = 0; i < _eigenvalues.Length; i++)
        {
            double sum = 0;
            for (int a = 0, rest = i; a < Shape.Length; a++)
            {
                int stride = Shape.Skip(a + 1).Aggregate(1, (p, n) => p * n), k = rest / stride, n = Shape[a];
                rest %= stride;
                int wave = k <= n / 2 ? k : k - n;
                double w = 2 * Math.PI * wave / (axes[a].End - axes[a].Start);
                sum += w * w;
            }
            _eigenvalues[i] = sum;
        }
        _gram = [.. axes.Select(GramMatrices.Of)];
    }

    /// <summary>The axes, outermost first.</summary>
    public IReadOnlyList<SpectralAxis> Axes { get; }

    /// <summary>Coefficients per axis.</summary>
    public int[] Shape { get; }

    /// <summary>λ_k, the eigenvalues of −Δ, row-major over the coefficients.</summary>
    public ReadOnlySpan<double> Eigenvalues => _eigenvalues;

    /// <summary>
    /// Σ_b ‖−Δu_b − s_b‖²_{L2} from coefficients: <paramref name="u"/> and <paramref name="s"/> complex (B, C, n₁, …, n_d).
    /// </summary>
    /// <exception cref="ArgumentException">Tensors that are not complex or whose trailing axes differ from <see cref="Shape"/>.</exception>
    public Variable<T> ResidualLoss<T>(Variable<T> u, Tensor<T> s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(s);
        if (!u.Value.IsComplex || !s.IsComplex || !u.Value.SameShape(s) || u.Value.Rank != Shape.Length + 2
            || !u.Value.Shape.Skip(2).SequenceEqual(Shape))
            throw new ArgumentException($"u {u.Value.ShapeText} and s {s.ShapeText} must be complex (batch, channels, {string.Join(", ", Shape)}).", nameof(u));
        var lambda = Tensor<T>.Zeros(Shape, isComplex: true);
        for (int i = 0; i < _eigenvalues.Length; i++)
            lambda.Real[i] = T.CreateTruncating(_eigenvalues[i]);
        int channels = u.Value.Extent(1);
        var perChannel = Tensor<T>.Zeros([channels, .. Shape], isComplex: true);
        for (int c = 0; c < channels; c++)
            lambda.Real.CopyTo(perChannel.Real[(c * _eigenvalues.Length)..]);
        Variable<T> residual = Ops.Subtract(Ops.BroadcastMultiply(u, Tape<T>.Constant(perChannel)), Tape<T>.Constant(s));
        return Ops.KroneckerQuadraticForm(residual, _gram);
    }

    /// <summary>
    /// The classical solution: û_k = ŝ_k / λ_k, û_0 = 0 (the mean-zero solution).
    /// </summary>
    /// <exception cref="ArgumentException">A length other than the grid's, a non-finite coefficient, or a source whose mean is not zero (no periodic solution).</exception>
    public Complex[] Solve(ReadOnlySpan<Complex> source)
    {
        if (source.Length != _eigenvalues.Length)
            throw new ArgumentException($"source has {source.Length} coefficients; the grid has {_eigenvalues.Length}.", nameof(source));
        double norm = 0;
        foreach (var c in source)
        {
            if (!double.IsFinite(c.Real) || !double.IsFinite(c.Imaginary))
                throw new ArgumentException("source has a non-finite coefficient.", nameof(source));
            norm = Math.Max(norm, c.Magnitude);
        }
        if (source[0].Magnitude > 1e-12 * Math.Max(norm, double.Epsilon))
            throw new ArgumentException($"source has mean coefficient {source[0]}; a periodic Poisson problem needs a source of mean zero.", nameof(source));
        var u = new Complex[source.Length];
        for (int i = 1; i < u.Length; i++)
            u[i] = source[i] / _eigenvalues[i];
        return u;
    }
}
