using Rom.LinearAlgebra;

namespace Rom.Reduction.Snapshots;

/// <summary>
/// Hierarchical approximate POD (Himpe, Leibner &amp; Rave, "Hierarchical approximate proper orthogonal decomposition",
/// SIAM J. Sci. Comput. 40, 2018) over a tree whose leaves are slices of the snapshots (the shards of a sweep, each on
/// its own node): every leaf and inner node passes up its POD modes scaled by their singular values, and the root's POD
/// is the basis. With ℓ²-mean projection error ε* over m snapshots and a tree of depth L (L = 2: the leaves, then the
/// root), a node whose subtree holds m_α snapshots may discard energy
/// <list type="bullet">
/// <item>(1 − ω²)·m_α·ε*²/(L − 1) at a leaf or an inner node,</item>
/// <item>ω²·m·ε*² at the root,</item>
/// </list>
/// and then (1/m) Σ_s ‖s − P s‖² ≤ ε*² for the root's modes (the paper's Theorem 3.5 with its choice of local
/// tolerances, as pyMOR's <c>std_local_eps</c>). ω ∈ (0, 1) moves the budget between the root and the rest.
/// </summary>
public static class Hapod
{
    /// <summary>The POD of every slice, as the final step takes them: modes times singular values, with the slice's size.</summary>
    /// <param name="slice">The slice's snapshots.</param>
    /// <param name="meanError">ε*, the ℓ²-mean projection error the whole HAPOD must meet.</param>
    /// <param name="omega">ω ∈ (0, 1): the slices get (1 − ω²) of the budget.</param>
    /// <param name="product">X of the inner product (Euclidean when null).</param>
    /// <param name="depth">L, the depth of the tree (2: the slices go straight to the root).</param>
    public static HapodSlice Local(IReadOnlyList<double[]> slice, double meanError, double omega = 0.95, CsrMatrix? product = null, int depth = 2)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return Scaled(slice, slice.Count, meanError, omega, product, depth);
    }

    /// <summary>
    /// An inner node of a tree of depth <paramref name="depth"/> ≥ 3: the POD of its children's scaled modes within its
    /// share of the budget, passed up as one slice of all their snapshots.
    /// </summary>
    public static HapodSlice Node(IReadOnlyList<HapodSlice> children, double meanError, double omega = 0.95, CsrMatrix? product = null, int depth = 3)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (depth < 3)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "A tree with inner nodes has depth L ≥ 3.");
        return Scaled([.. children.SelectMany(c => c.ScaledModes)], children.Sum(c => (long)c.Snapshots), meanError, omega, product, depth);
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

    private static HapodSlice Scaled(IReadOnlyList<double[]> vectors, long snapshots, double meanError, double omega, CsrMatrix? product, int depth)
    {
        Check(meanError, omega);
        if (depth < 2)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "A HAPOD tree has depth L ≥ 2.");
        if (vectors.Count == 0)
            return new HapodSlice([], checked((int)snapshots));
        var pod = Pod.Compute(vectors, Budget(Math.Sqrt(snapshots * (1 - omega * omega) / (depth - 1)) * meanError), product);
        return new HapodSlice(pod.Modes.Select((mode, i) => mode.Select(v => v * pod.SingularValues[i]).ToArray()).ToArray(), checked((int)snapshots));
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
