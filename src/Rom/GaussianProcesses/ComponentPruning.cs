namespace Rom.GaussianProcesses;

/// <summary>
/// Pruning of negligible spectral components (Rom's, beyond the reference). The log-weights act like a Jeffreys prior:
/// ½ log det K keeps falling as a useless component's weight falls, so the optimiser drives it towards zero, but along a
/// long, flat path in log w that L-BFGS walks slowly. Meanwhile each such component still adds a broad floor to K's
/// spectrum, which the derivative matrices D = K″K⁻¹ pick up. A prune takes the limit the optimiser is heading for: it
/// sets log w = −∞ for every component whose weight is below a ratio of the largest on its axis, and the caller keeps
/// it only when the profiled objective J* falls. Pruned components leave the optimiser's unknowns.
/// </summary>
internal static class ComponentPruning
{
    /// <summary>
    /// φ with every component of weight below <paramref name="ratio"/> × its axis's largest weight pruned (log w = −∞), or
    /// null when there is none.
    /// </summary>
    public static double[]? Prune(ReadOnlySpan<double> parameters, int components, int axes, double ratio)
    {
        var pruned = parameters.ToArray();
        bool any = false;
        double logRatio = Math.Log(ratio);
        for (int d = 0; d < axes; d++)
        {
            var logWeights = pruned.AsSpan(3 * components * d, components);
            double largest = double.NegativeInfinity;
            foreach (double w in logWeights)
                largest = Math.Max(largest, w);
            for (int c = 0; c < components; c++)
            {
                if (double.IsFinite(logWeights[c]) && logWeights[c] < largest + logRatio)
                {
                    logWeights[c] = double.NegativeInfinity;
                    any = true;
                }
            }
        }
        return any ? pruned : null;
    }

    /// <summary>
    /// The indices into φ the optimiser moves: every kernel parameter of an unpruned component (axis by axis, as laid out
    /// in φ); the noises after the kernels are not included.
    /// </summary>
    public static int[] ActiveParameters(ReadOnlySpan<double> parameters, int components, int axes)
    {
        var active = new List<int>();
        for (int d = 0; d < axes; d++)
        {
            int axis = 3 * components * d;
            for (int block = 0; block < 3; block++)
            {
                for (int c = 0; c < components; c++)
                {
                    if (double.IsFinite(parameters[axis + c]))
                        active.Add(axis + block * components + c);
                }
            }
        }
        return [.. active];
    }
}
