using Rom.Spectral.Chebyshev;
using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// A PDE family for neural spectral methods: random parameters as coefficients, the spectral residual loss of a
/// candidate solution, and a classical solver for references.
/// </summary>
public interface ISpectralProblem
{
    /// <summary>A short name (poisson-periodic, …).</summary>
    string Name { get; }

    /// <summary>Slots per axis of the parameters and of the network's output.</summary>
    int[] Modes { get; }

    /// <summary>The basis of every axis (real Fourier on periodic axes, Chebyshev on [0, 1] otherwise).</summary>
    SpectralBasis[] Bases { get; }

    /// <summary>Channels of the parameters.</summary>
    int ParameterChannels { get; }

    /// <summary>A batch of parameters (B, channels, modes…) drawn from <paramref name="random"/>.</summary>
    Tensor<float> SampleParameters(int batch, Random random);

    /// <summary>
    /// The solution's coefficients from the network's output (B, 1, modes…): the boundary or initial conditions imposed by
    /// construction (the reference code's mollifier), differentiably. The solution may have more slots than the output.
    /// </summary>
    Variable<float> Constrain(Variable<float> network, Tensor<float> parameters);

    /// <summary>Σ_b of the squared L2 norm of the residual of <paramref name="solution"/> (from <see cref="Constrain"/>); with <paramref name="exactNorm"/> false the reference code's plain sum of squared coefficients.</summary>
    Variable<float> ResidualLoss(Variable<float> solution, Tensor<float> parameters, bool exactNorm);

    /// <summary>
    /// The classical solution for one sample's parameters (channels × slots, row-major), in the form
    /// <see cref="RelativeL2"/> takes as its reference (coefficients, or values on an evaluation grid).
    /// </summary>
    double[] Solve(ReadOnlySpan<float> parameters);

    /// <summary>‖a − b‖ / ‖b‖ in L2 over the domain of one sample's solution coefficients against its classical solution.</summary>
    double RelativeL2(ReadOnlySpan<float> prediction, ReadOnlySpan<double> reference);

    /// <summary>
    /// The parameters (B, channels, modes…) of parameter fields given as values (B, n…) on an equispaced periodic grid of
    /// any size n (Poisson: the source on n², its mean removed; reaction–diffusion: h on n points; Navier–Stokes: w₀ on n²,
    /// its mean removed), by trigonometric interpolation truncated or padded to the problem's slots.
    /// </summary>
    /// <exception cref="ArgumentException">Another number of axes, fewer than 2 points, or a non-finite value (naming the sample and point).</exception>
    Tensor<float> Parameters(Tensor<double> fields);

    /// <summary>
    /// Values of solutions (B, 1, solution slots…) on a resolution-per-axis grid, the evaluation a user of the solution
    /// pays for (Poisson: G²; reaction–diffusion: G times × G points; Navier–Stokes: G² at the end time).
    /// </summary>
    Tensor<float> Values(Tensor<float> solution, int resolution);

    /// <summary>
    /// A prediction and its classical solution as values on the problem's evaluation grid, [i, j] at the i-th point of
    /// the first axis and the j-th of the second (for plots).
    /// </summary>
    (double[,] Prediction, double[,] Reference) OnGrid(ReadOnlySpan<float> prediction, ReadOnlySpan<double> reference);
}
