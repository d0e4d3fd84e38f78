namespace Rom.Reduction.Adaptive;

/// <summary>
/// An adaptive reduced trajectory: state k is Σ_j Coefficients[k][j] Basis[j] (the basis only grows, so earlier,
/// shorter coefficient vectors use its leading vectors), with what happened at every step.
/// </summary>
/// <param name="Basis">The final reduced basis V (orthonormal).</param>
/// <param name="Coefficients">Coordinates of u_k, k = 0 … Steps.</param>
/// <param name="FullOrder">FullOrder[k]: step k (t_k → t_{k+1}) was recomputed by the full-order model.</param>
/// <param name="Indicators">The error indicator of the reduced solution of step k (before any full-order step); +∞ where the reduced Newton failed.</param>
/// <param name="BasisSizes">Size of V after step k.</param>
/// <param name="InterpolationSizes">Number of Q-DEIM points after step k.</param>
public sealed record AdaptiveRomResult(
    IReadOnlyList<double[]> Basis,
    IReadOnlyList<double[]> Coefficients,
    IReadOnlyList<bool> FullOrder,
    IReadOnlyList<double> Indicators,
    IReadOnlyList<int> BasisSizes,
    IReadOnlyList<int> InterpolationSizes)
{
    /// <summary>Number of steps that were computed by the full-order model.</summary>
    public int FullOrderStepCount => FullOrder.Count(f => f);

    /// <summary>The reconstructed nodal state u_k = V a_k.</summary>
    public double[] State(int k)
    {
        if ((uint)k >= (uint)Coefficients.Count)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"The state index must lie in 0..{Coefficients.Count - 1}.");
        var u = new double[Basis[0].Length];
        for (int j = 0; j < Coefficients[k].Length; j++) LinearAlgebra.Vectors.Axpy(Coefficients[k][j], Basis[j], u);
        return u;
    }

    /// <summary>max_k ‖u_k − u_k^ref‖ / ‖u_k^ref‖ over the states whose reference is non-zero.</summary>
    public double MaxRelativeError(IReadOnlyList<double[]> reference) => RelativeErrors(reference).Max();

    /// <summary>‖u_k − V c_k‖ / ‖u_k‖ for every step k against a full-order trajectory (0 where u_k = 0).</summary>
    public double[] RelativeErrors(IReadOnlyList<double[]> reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count != Coefficients.Count)
            throw new ArgumentException($"The reference has {reference.Count} states; expected {Coefficients.Count}.", nameof(reference));
        var errors = new double[reference.Count];
        for (int k = 0; k < reference.Count; k++)
        {
            double norm = LinearAlgebra.Vectors.Norm(reference[k]);
            if (norm == 0) continue;
            var u = State(k);
            for (int i = 0; i < u.Length; i++) u[i] -= reference[k][i];
            errors[k] = LinearAlgebra.Vectors.Norm(u) / norm;
        }
        return errors;
    }
}
