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

    /// <summary>Slots per axis of the parameters and the solution.</summary>
    int[] Modes { get; }

    /// <summary>Channels of the parameters.</summary>
    int ParameterChannels { get; }

    /// <summary>A batch of parameters (B, channels, modes…) drawn from <paramref name="random"/>.</summary>
    Tensor<float> SampleParameters(int batch, Random random);

    /// <summary>Σ_b of the squared L2 norm of the residual of <paramref name="solution"/> (B, 1, modes…); with <paramref name="exactNorm"/> false the reference code's plain sum of squared coefficients.</summary>
    Variable<float> ResidualLoss(Variable<float> solution, Tensor<float> parameters, bool exactNorm);

    /// <summary>The classical solution's coefficients for one sample's parameters (channels × slots, row-major).</summary>
    double[] Solve(ReadOnlySpan<float> parameters);

    /// <summary>‖a − b‖ / ‖b‖ in L2 over the domain, from coefficients (Parseval).</summary>
    double RelativeL2(ReadOnlySpan<float> prediction, ReadOnlySpan<double> reference);
}
