using System.Numerics;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// u_t = ν u_xx + ρ u(1 − u) on [0, 1] × [0, 1), periodic in x, in the tensor basis Chebyshev(t) × real Fourier(x)
/// (<see cref="ChebyshevBasis"/>, <see cref="RealFourierBasis"/>). Its spectral residual loss is exact:
/// <code>
///   R = D_t u − ν D_xx u − ρ u + ρ u²      in the (2N_t) × (2N_x) basis
///   u² from the values on the 2N_t Lobatto × 2N_x equispaced points (twice padded: the product is exact, no aliasing)
///   ‖R‖²_{L2} = Rᵀ (M_t ⊗ G_x) R            M_t the Chebyshev mass matrix on [0, 1], G_x the Fourier Gram diagonal
/// </code>
/// The padding is the exact form of the 3/2 dealiasing rule: 3/2 padding removes the aliasing of the kept modes and
/// truncates the rest, which the residual's norm must count; twice padding keeps every mode of u².
/// </summary>
public sealed class ReactionDiffusion : ISpectralEquation
{
    private readonly double[][,] _pad, _toGrid, _fromGrid, _gram, _identity;
    private readonly double[,] _timeDerivative, _secondDerivative;

    /// <summary>The equation with diffusion ν and reaction ρ, for solutions of <paramref name="timeModes"/> × <paramref name="spaceModes"/> slots.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ν not positive, ρ not finite, or fewer than 2 slots on an axis.</exception>
    public ReactionDiffusion(double diffusion, double reaction, int timeModes, int spaceModes)
    {
        if (!(diffusion > 0) || !double.IsFinite(diffusion))
            throw new ArgumentOutOfRangeException(nameof(diffusion), diffusion, "The diffusion coefficient ν must be positive and finite.");
        if (!double.IsFinite(reaction))
            throw new ArgumentOutOfRangeException(nameof(reaction), reaction, "The reaction coefficient ρ must be finite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(timeModes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(spaceModes, 2);
        (Diffusion, Reaction, TimeModes, SpaceModes) = (diffusion, reaction, timeModes, spaceModes);
        int t = 2 * timeModes, x = 2 * spaceModes;
        _pad = [ChebyshevBasis.Resize(timeModes, t), RealFourierBasis.Resize(spaceModes, x)];
        _toGrid = [ChebyshevBasis.Synthesis(timeModes, ChebyshevBasis.Points(t)), RealFourierBasis.Synthesis(spaceModes, x)];
        _fromGrid = [ChebyshevBasis.Analysis(t), RealFourierBasis.Analysis(x)];
        _timeDerivative = ChebyshevBasis.Derivative(t);
        _secondDerivative = RealFourierBasis.SecondDerivative(x);
        _gram = [ChebyshevBasis.Gram(t), RealFourierBasis.Gram(x)];
        _identity = [GramMatrices.Identity(t), GramMatrices.Identity(x)];
    }

    /// <summary>ν.</summary>
    public double Diffusion { get; }

    /// <summary>ρ.</summary>
    public double Reaction { get; }

    /// <summary>Chebyshev slots of the solution in t.</summary>
    public int TimeModes { get; }

    /// <summary>Real Fourier slots of the solution in x.</summary>
    public int SpaceModes { get; }

    /// <summary>The residual's coefficients (B, 1, 2N_t, 2N_x) of the solutions <paramref name="u"/> (B, 1, N_t, N_x).</summary>
    /// <exception cref="ArgumentException">A shape other than (batch, 1, N_t, N_x), or a complex tensor.</exception>
    public Variable<T> Residual<T>(Variable<T> u) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(u);
        if (u.Value.IsComplex || u.Value.Rank != 4 || u.Value.Extent(1) != 1 || u.Value.Extent(2) != TimeModes || u.Value.Extent(3) != SpaceModes)
            throw new ArgumentException($"u {u.Value.ShapeText} must be real (batch, 1, {TimeModes}, {SpaceModes}).", nameof(u));
        var padded = SpatialAxes.Apply(u, _pad);
        var values = SpatialAxes.Apply(u, _toGrid);
        var square = SpatialAxes.Apply(Ops.Multiply(values, values), _fromGrid);
        var ut = Ops.AxisLinear(padded, _timeDerivative, 2);
        var uxx = Ops.AxisLinear(padded, _secondDerivative, 3);
        var reaction = Ops.Subtract(padded, square);
        return Ops.Subtract(Ops.Subtract(ut, Ops.Scale(uxx, T.CreateTruncating(Diffusion))), Ops.Scale(reaction, T.CreateTruncating(Reaction)));
    }

    /// <summary>
    /// Σ_b ‖R_b‖²_{L2([0,1]²)} exactly from the coefficients; with <paramref name="exactNorm"/> false the reference code's
    /// plain sum of squared coefficients instead.
    /// </summary>
    public Variable<T> ResidualLoss<T>(Variable<T> u, bool exactNorm = true) where T : unmanaged, IFloatingPointIeee754<T> =>
        Ops.KroneckerQuadraticForm(Residual(u), exactNorm ? _gram : _identity);
}
