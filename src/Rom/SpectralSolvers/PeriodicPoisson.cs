using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// −Δu = s on the periodic box [0, 1)^d in the real Fourier basis (<see cref="RealFourierBasis"/>, the tensor product
/// of its slots per axis): −Δ is diagonal there, −Δ φ_s = λ_s φ_s with λ_s = (2π)² Σ_a k_a², so the residual's
/// coefficients are r = λ ⊙ û − ŝ and its squared L2 norm is Σ_s g_s r_s² exactly (Parseval, g the Gram diagonal) —
/// the spectral residual loss of neural spectral methods, with no grid and no differentiation through the PDE.
/// <see cref="Solve"/> is the classical FFT solver of the same equation.
/// </summary>
public sealed class PeriodicPoisson
{
    private readonly double[] _eigenvalues;
    private readonly double[][,] _gram;
    private readonly double[][,] _identity;

    /// <summary>The problem with <paramref name="modes"/> slots per axis (1 to 3 axes).</summary>
    /// <exception cref="ArgumentException">No axes, more than three, or an axis with fewer than 1 slot.</exception>
    public PeriodicPoisson(params int[] modes)
    {
        ArgumentNullException.ThrowIfNull(modes);
        if (modes.Length is < 1 or > 3 || modes.Any(m => m < 1))
            throw new ArgumentException($"modes [{string.Join(", ", modes)}] must give 1 to 3 axes of at least one slot each.", nameof(modes));
        Modes = [.. modes];
        int count = modes.Aggregate(1, (p, n) => checked(p * n));
        _eigenvalues = new double[count];
        int[][] waves = [.. modes.Select(RealFourierBasis.WaveNumbers)];
        for (int i = 0; i < count; i++)
        {
            double sum = 0;
            for (int a = modes.Length - 1, rest = i; a >= 0; rest /= modes[a], a--)
            {
                double w = 2 * Math.PI * waves[a][rest % modes[a]];
                sum += w * w;
            }
            _eigenvalues[i] = sum;
        }
        _gram = [.. modes.Select(RealFourierBasis.Gram)];
        _identity = [.. modes.Select(GramMatrices.Identity)];
    }

    /// <summary>Slots per axis.</summary>
    public int[] Modes { get; }

    /// <summary>λ_s, the eigenvalues of −Δ, row-major over the slots.</summary>
    public ReadOnlySpan<double> Eigenvalues => _eigenvalues;

    /// <summary>
    /// Σ_b ‖−Δu_b − s_b‖²_{L2} from real coefficients <paramref name="u"/> and <paramref name="s"/> (B, 1, modes…); with
    /// <paramref name="exactNorm"/> false the reference code's plain Σ r_s² instead.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes other than (batch, 1, modes…), or complex tensors.</exception>
    public Variable<T> ResidualLoss<T>(Variable<T> u, Tensor<T> s, bool exactNorm = true) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(s);
        if (u.Value.IsComplex || s.IsComplex || !u.Value.SameShape(s) || u.Value.Rank != Modes.Length + 2 || u.Value.Extent(1) != 1
            || !u.Value.Shape.Skip(2).SequenceEqual(Modes))
            throw new ArgumentException($"u {u.Value.ShapeText} and s {s.ShapeText} must be real (batch, 1, {string.Join(", ", Modes)}).", nameof(u));
        int batch = u.Value.Extent(0);
        var lambda = Tensor<T>.Zeros([.. u.Value.Shape]);
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < _eigenvalues.Length; i++)
                lambda.Data[b * _eigenvalues.Length + i] = T.CreateTruncating(_eigenvalues[i]);
        Variable<T> residual = Ops.Subtract(Ops.Multiply(u, Tape<T>.Constant(lambda)), Tape<T>.Constant(s));
        return Ops.KroneckerQuadraticForm(residual, exactNorm ? _gram : _identity);
    }

    /// <summary>
    /// The classical solution û_s = ŝ_s / λ_s for s ≠ 0, with the constant chosen so that u(0) = 0 (the reference code's
    /// gauge).
    /// </summary>
    /// <exception cref="ArgumentException">A length other than the slot count, or a non-finite coefficient.</exception>
    public double[] Solve(ReadOnlySpan<double> source)
    {
        if (source.Length != _eigenvalues.Length)
            throw new ArgumentException($"source has {source.Length} coefficients; the problem has {_eigenvalues.Length} slots.", nameof(source));
        var u = new double[source.Length];
        for (int i = 1; i < u.Length; i++)
        {
            if (!double.IsFinite(source[i]))
                throw new ArgumentException($"source coefficient {i} is {source[i]}.", nameof(source));
            u[i] = source[i] / _eigenvalues[i];
        }
        u[0] = -ValueAtOrigin(u);
        return u;
    }

    /// <summary>The series' value at the origin: the sum of the coefficients of the slots that are cosines on every axis.</summary>
    public double ValueAtOrigin(ReadOnlySpan<double> coefficients)
    {
        double sum = 0;
        for (int i = 0; i < coefficients.Length; i++)
        {
            bool cosine = true;
            for (int a = Modes.Length - 1, rest = i; a >= 0; rest /= Modes[a], a--)
                cosine &= RealFourierBasis.IsCosine(Modes[a], rest % Modes[a]);
            if (cosine)
                sum += coefficients[i];
        }
        return sum;
    }
}
