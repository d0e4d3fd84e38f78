using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra;

namespace Rom.Models;

/// <summary>
/// The rows of an <see cref="INonlinearTransientModel"/>'s residual at sample entries of the state, evaluated from the values on the
/// few entries they couple to (<see cref="Nodes"/>), so its cost depends on the samples, not on n.
/// </summary>
public interface ISampledResidual
{
    /// <summary>The sample entries, in the order of the evaluated rows.</summary>
    IReadOnlyList<int> Samples { get; }

    /// <summary>The entries (ascending) whose values an evaluation needs.</summary>
    IReadOnlyList<int> Nodes { get; }

    /// <summary>The rows of the mass matrix at the samples, columns at <see cref="Nodes"/>.</summary>
    CsrMatrix MassRows { get; }

    /// <summary>
    /// The internal force F(u) at the samples from u at <see cref="Nodes"/>, and when <paramref name="jacobian"/> is given
    /// (samples × nodes, dense) its derivative ∂F/∂u.
    /// </summary>
    void Force(ReadOnlySpan<double> u, Span<double> force, Matrix<double>? jacobian = null);

    /// <summary>
    /// The implicit Euler residual at the samples, R = M(u − u_prev)/Δt + F(u) − b, from u and u_prev at <see cref="Nodes"/>
    /// and the load b at the samples; also returns F(u) at the samples.
    /// </summary>
    double[] Residual(ReadOnlySpan<double> u, ReadOnlySpan<double> previous, ReadOnlySpan<double> load, double timeStep, Span<double> force);
}
