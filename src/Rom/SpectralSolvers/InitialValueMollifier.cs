using Rom.Tensors;

namespace Rom.SpectralSolvers;

/// <summary>
/// The initial condition imposed by construction on a Chebyshev(t) × Fourier(space…) series, as neural spectral methods'
/// reference code does for its time-dependent problems: the parameters are the initial field's coefficients in the T₀
/// slab, and u = u₀ + t·v for a network output v, exact in coefficient space (the solution has one Chebyshev slot more
/// than the network). Shared by reaction–diffusion and Navier–Stokes.
/// </summary>
internal sealed class InitialValueMollifier
{
    private readonly double[,] _timesT, _padTime;
    private readonly int[] _modes;

    /// <summary>The mollifier for network slots (N_t, space…).</summary>
    public InitialValueMollifier(int[] modes)
    {
        _modes = modes;
        _timesT = ChebyshevBasis.TimesT(modes[0]);
        _padTime = ChebyshevBasis.Resize(modes[0], modes[0] + 1);
    }

    /// <summary>u = u₀ + t·v (B, 1, N_t + 1, space…).</summary>
    public Variable<float> Constrain(Variable<float> network, Tensor<float> parameters) =>
        Ops.Add(Ops.AxisLinear(Tape<float>.Constant(parameters), _padTime, 2), Ops.AxisLinear(network, _timesT, 2));

    /// <summary>The parameters (B, 1, N_t, space…) of initial fields (B, n…): their Fourier coefficients in the T₀ slab.</summary>
    public Tensor<float> Parameters(Tensor<double> fields, bool removeMean)
    {
        var c = SpatialAxes.FourierCoefficients(fields, [.. _modes.Skip(1)], removeMean);
        int batch = c.Extent(0), slab = c.Count / Math.Max(batch, 1);
        var parameters = Tensor<float>.Zeros([batch, 1, .. _modes]);
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < slab; i++)
                parameters.Data[b * _modes[0] * slab + i] = (float)c.Data[b * slab + i];
        return parameters;
    }
}
