namespace Rom.Models.NonlinearHeat;

/// <summary>One implicit Euler step solved by Newton: the new state and ‖R‖ before each iteration and at the end.</summary>
/// <param name="State">Nodal values at the new time (zero on the boundary).</param>
/// <param name="ResidualNorms">‖R(u_k)‖ for k = 0 … iterations; the last one met the tolerance.</param>
public sealed record NewtonStep(double[] State, IReadOnlyList<double> ResidualNorms)
{
    /// <summary>Number of Newton iterations taken.</summary>
    public int Iterations => ResidualNorms.Count - 1;
}
