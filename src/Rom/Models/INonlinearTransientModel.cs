using Rom.LinearAlgebra;

namespace Rom.Models;

/// <summary>
/// A nonlinear transient full-order model on a fixed time grid, M(u_{k+1} − u_k)/Δt + F(u_{k+1}) = Σ_i c_i(t_{k+1}) g_i
/// (implicit Euler), whose residual can be evaluated at a few sample entries of the state from the values around them: what a
/// hyper-reduced ROM with error indicator needs (<c>AdaptiveRom</c>).
/// </summary>
public interface INonlinearTransientModel
{
    /// <summary>Length n of a state vector.</summary>
    int StateSize { get; }

    /// <summary>Number of time steps of the grid.</summary>
    int Steps { get; }

    /// <summary>Step length Δt.</summary>
    double TimeStep { get; }

    /// <summary>The mass matrix M (n × n).</summary>
    CsrMatrix Mass { get; }

    /// <summary>The load modes g_i (each of length n): the load is affine in them.</summary>
    IReadOnlyList<double[]> LoadModes { get; }

    /// <summary>The weights c_i(t) of the load modes at time t.</summary>
    double[] LoadCoefficients(double time);

    /// <summary>The internal force F(u) (length n).</summary>
    double[] Force(ReadOnlySpan<double> u);

    /// <summary>The full-order state at t_{k+1} from <paramref name="previous"/> at t_k, k = <paramref name="step"/>.</summary>
    double[] Advance(ReadOnlySpan<double> previous, int step);

    /// <summary>The residual rows at <paramref name="samples"/> (distinct state entries), evaluated from the values near them only.</summary>
    ISampledResidual SampleResidual(IReadOnlyList<int> samples);

    /// <summary>
    /// Distinct state entries spread over the domain: those nearest to the centres of a <paramref name="perSide"/> ×
    /// <paramref name="perSide"/> grid of cells, so an indicator sampled there sees every region.
    /// </summary>
    IReadOnlyList<int> GridSamples(int perSide);
}
