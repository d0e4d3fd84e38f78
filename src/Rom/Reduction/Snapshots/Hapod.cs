using Rom.LinearAlgebra;

namespace Rom.Reduction.Snapshots;

/// <summary>
/// Distributed hierarchical approximate POD (Himpe, Leibner &amp; Rave, "Hierarchical approximate proper orthogonal
/// decomposition", SIAM J. Sci. Comput. 40, 2018): a POD of every slice of the snapshots (a shard of a sweep, on its own
/// node), then a POD of the slices' modes scaled by their singular values. Tree of depth 2, so the error budget
/// m·ε*² of the ℓ²-mean projection error ε* over m snapshots is split as
/// <list type="bullet">
/// <item>slice i with m_i snapshots: discarded energy ≤ (1 − ω²)·m_i·ε*²,</item>
/// <item>the final POD: discarded energy ≤ ω²·m·ε*²,</item>
/// </list>
/// and (1/m) Σ_s ‖s − P s‖² ≤ ε*² holds for the final modes (the paper's Theorem 3.5: the total squared error is at most
/// the sum of the local budgets). ω ∈ (0, 1) moves the budget between the slices and the final POD.
/// </summary>
public static class Hapod
{
    /// <summary>The POD of every slice, as the final step takes them: modes times singular values, with the slice's size.</summary>
    /// <param name="slice">The slice's snapshots.</param>
    /// <param name="meanError">ε*, the ℓ²-mean projection error the whole HAPOD must meet.</param>
    /// <param name="omega">ω ∈ (0, 1): the slices get (1 − ω²) of the budget.</param>
    /// <param name="product">X of the inner product (Euclidean when null).</param>
    public static HapodSlice Local(IReadOnlyList<double[]> slice, double meanError, double omega = 0.95, CsrMatrix? product = null)
    {
        ArgumentNullException.ThrowIfNull(slice);
        Check(meanError, omega);
        var pod = Pod.Compute(slice, Budget(Math.Sqrt(slice.Count * (1 - omega * omega)) * meanError), product);
        return new HapodSlice(pod.Modes.Select((mode, i) => mode.Select(v => v * pod.SingularValues[i]).ToArray()).ToArray(), slice.Count);
    }

    /// <summary>The final POD of the slices' scaled modes, meeting ε* over all their snapshots.</summary>
    public static PodResult Combine(IReadOnlyList<HapodSlice> slices, double meanError, double omega = 0.95, CsrMatrix? product = null)
    {
        ArgumentNullException.ThrowIfNull(slices);
        Check(meanError, omega);
        if (slices.Count == 0)
            throw new ArgumentException("HAPOD needs at least one slice.", nameof(slices));
        long snapshots = slices.Sum(s => (long)s.Snapshots);
        var modes = slices.SelectMany(s => s.ScaledModes).ToList();
        if (modes.Count == 0)
            return new PodResult([], [], 0);
        return Pod.Compute(modes, Budget(Math.Sqrt(snapshots) * omega * meanError), product);
    }

    /// <summary>Both steps in one process: <see cref="Local"/> of every slice, then <see cref="Combine"/>.</summary>
    public static PodResult Compute(IReadOnlyList<IReadOnlyList<double[]>> slices, double meanError, double omega = 0.95, CsrMatrix? product = null)
    {
        ArgumentNullException.ThrowIfNull(slices);
        return Combine(slices.Select(s => Local(s, meanError, omega, product)).ToArray(), meanError, omega, product);
    }

    /// <summary>Only the absolute rule: discard modes while (Σ discarded σ²)^½ ≤ <paramref name="error"/>.</summary>
    private static PodOptions Budget(double error) => new(RelativeEnergyTolerance: 1, AbsoluteErrorTolerance: error);

    private static void Check(double meanError, double omega)
    {
        if (!(meanError > 0 && double.IsFinite(meanError)))
            throw new ArgumentOutOfRangeException(nameof(meanError), meanError, "The mean projection error ε* must be positive and finite.");
        if (!(omega > 0 && omega < 1))
            throw new ArgumentOutOfRangeException(nameof(omega), omega, "ω must lie in (0, 1).");
    }
}
