using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// The 2-D vorticity equation w_t/T + v·∇w = ν Δw + f on t ∈ [0, 1] (time scaled by the end time T) × the periodic unit
/// square, v = (ψ_y, −ψ_x) with −Δψ = w, in the tensor basis Chebyshev(t) × real Fourier(x) × real Fourier(y). Its
/// spectral residual loss is exact:
/// <code>
///   R = D_t w / T − ν (D_xx + D_yy) w − f + ψ_y w_x − ψ_x w_y     in the 2N_t × (2N_x + 1) × (2N_y + 1) basis
///   ψ = w ⊙ 1/|2πk|² slot by slot (zero mean), the Jacobian from values on the padded grid (no aliasing)
///   ‖R‖²_{L2} = Rᵀ (M_t ⊗ G_x ⊗ G_y) R
/// </code>
/// The Fourier slot counts must be odd: an even count's Nyquist cosine has a derivative the basis cannot hold.
/// </summary>
public sealed class NavierStokesVorticity : ISpectralEquation
{
    private readonly double[][,] _pad, _fromGrid, _gram, _identity, _dx, _dy;
    private readonly double[,] _timeDerivative, _xx, _yy;
    private readonly Tensor<double> _inverseLaplacian, _forcing;

    /// <summary>
    /// The equation with viscosity ν and end time T on <paramref name="modes"/> = (N_t, N_x, N_y) solution slots, with the
    /// forcing's real Fourier coefficients (N_x × N_y, row-major) or none.
    /// </summary>
    /// <exception cref="ArgumentException">ν or T not positive, modes not three counts (N_t ≥ 2, odd N_x, N_y ≥ 3), or forcing of another size.</exception>
    public NavierStokesVorticity(double viscosity, double endTime, int[] modes, double[]? forcing = null)
    {
        ArgumentNullException.ThrowIfNull(modes);
        if (!(viscosity > 0) || !double.IsFinite(viscosity))
            throw new ArgumentOutOfRangeException(nameof(viscosity), viscosity, "The viscosity ν must be positive and finite.");
        if (!(endTime > 0) || !double.IsFinite(endTime))
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "The end time T must be positive and finite.");
        if (modes.Length != 3 || modes[0] < 2 || modes.Skip(1).Any(m => m < 3 || m % 2 == 0))
            throw new ArgumentException($"modes [{string.Join(", ", modes)}] must be Chebyshev slots in t (at least 2) and odd Fourier slot counts in x and y (at least 3): an even count's Nyquist cosine has a derivative the basis cannot hold.", nameof(modes));
        if (forcing is not null && forcing.Length != modes[1] * modes[2])
            throw new ArgumentException($"forcing has {forcing.Length} coefficients; expected {modes[1]} × {modes[2]}.", nameof(forcing));
        (Viscosity, EndTime, Modes) = (viscosity, endTime, [.. modes]);
        int nt = modes[0], nx = modes[1], ny = modes[2], pt = 2 * nt, px = 2 * nx + 1, py = 2 * ny + 1;
        _pad = [ChebyshevBasis.Resize(nt, pt), RealFourierBasis.Resize(nx, px), RealFourierBasis.Resize(ny, py)];
        double[,] st = ChebyshevBasis.Synthesis(nt, ChebyshevBasis.Points(pt)), sx = RealFourierBasis.Synthesis(nx, px), sy = RealFourierBasis.Synthesis(ny, py);
        _dx = [st, Matrices.Product(sx, RealFourierBasis.Derivative(nx)), sy];
        _dy = [st, sx, Matrices.Product(sy, RealFourierBasis.Derivative(ny))];
        _fromGrid = [ChebyshevBasis.Analysis(pt), RealFourierBasis.Analysis(px), RealFourierBasis.Analysis(py)];
        _timeDerivative = ChebyshevBasis.Derivative(pt);
        (_xx, _yy) = (RealFourierBasis.SecondDerivative(px), RealFourierBasis.SecondDerivative(py));
        _gram = [ChebyshevBasis.Gram(pt), RealFourierBasis.Gram(px), RealFourierBasis.Gram(py)];
        _identity = [GramMatrices.Identity(pt), GramMatrices.Identity(px), GramMatrices.Identity(py)];
        int[] kx = RealFourierBasis.WaveNumbers(nx), ky = RealFourierBasis.WaveNumbers(ny);
        _inverseLaplacian = Tensor<double>.Zeros([1, 1, nt, nx, ny]);
        for (int t = 0; t < nt; t++)
            for (int a = 0; a < nx; a++)
                for (int b = 0; b < ny; b++)
                {
                    double k2 = 4 * Math.PI * Math.PI * (kx[a] * kx[a] + ky[b] * ky[b]);
                    _inverseLaplacian.Data[(t * nx + a) * ny + b] = k2 == 0 ? 0 : 1 / k2;
                }
        _forcing = Tensor<double>.Zeros([1, 1, pt, px, py]);
        if (forcing is not null)
        {
            double[,] rx = _pad[1], ry = _pad[2];
            for (int a = 0; a < px; a++)
                for (int b = 0; b < py; b++)
                    for (int i = 0; i < nx; i++)
                        for (int j = 0; j < ny; j++)
                            _forcing.Data[a * py + b] += rx[a, i] * ry[b, j] * forcing[i * ny + j];
        }
    }

    /// <summary>ν.</summary>
    public double Viscosity { get; }

    /// <summary>T.</summary>
    public double EndTime { get; }

    /// <summary>Solution slots (N_t, N_x, N_y).</summary>
    public int[] Modes { get; }

    /// <summary>The residual's coefficients (B, 1, 2N_t, 2N_x + 1, 2N_y + 1) of the vorticities <paramref name="w"/> (B, 1, N_t, N_x, N_y).</summary>
    /// <exception cref="ArgumentException">Another shape, or a complex tensor.</exception>
    public Variable<T> Residual<T>(Variable<T> w) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Value.IsComplex || w.Value.Rank != 5 || w.Value.Extent(1) != 1 || !w.Value.Shape.Skip(2).SequenceEqual(Modes))
            throw new ArgumentException($"w {w.Value.ShapeText} must be real (batch, 1, {string.Join(", ", Modes)}).", nameof(w));
        int batch = w.Value.Extent(0);
        var psi = Ops.Multiply(w, Tape<T>.Constant(Broadcast<T>(_inverseLaplacian, batch)));
        var jacobian = Ops.Subtract(
            Ops.Multiply(SpatialAxes.Apply(psi, _dy), SpatialAxes.Apply(w, _dx)),
            Ops.Multiply(SpatialAxes.Apply(psi, _dx), SpatialAxes.Apply(w, _dy)));
        var advection = SpatialAxes.Apply(jacobian, _fromGrid);
        var padded = SpatialAxes.Apply(w, _pad);
        var wt = Ops.Scale(Ops.AxisLinear(padded, _timeDerivative, 2), T.CreateTruncating(1 / EndTime));
        var laplacian = Ops.Add(Ops.AxisLinear(padded, _xx, 3), Ops.AxisLinear(padded, _yy, 4));
        var linear = Ops.Subtract(wt, Ops.Scale(laplacian, T.CreateTruncating(Viscosity)));
        return Ops.Subtract(Ops.Add(linear, advection), Tape<T>.Constant(Broadcast<T>(_forcing, batch)));
    }

    /// <summary>
    /// Σ_b ‖R_b‖²_{L2([0,1]³)} exactly from the coefficients; with <paramref name="exactNorm"/> false the reference code's
    /// plain sum of squared coefficients instead.
    /// </summary>
    public Variable<T> ResidualLoss<T>(Variable<T> w, bool exactNorm = true) where T : unmanaged, IFloatingPointIeee754<T> =>
        Ops.KroneckerQuadraticForm(Residual(w), exactNorm ? _gram : _identity);

    private static Tensor<T> Broadcast<T>(Tensor<double> t, int batch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var b = Tensor<T>.Zeros([batch, .. t.Shape.Skip(1)]);
        for (int i = 0; i < batch; i++)
            for (int j = 0; j < t.Count; j++)
                b.Data[i * t.Count + j] = T.CreateTruncating(t.Data[j]);
        return b;
    }
}
