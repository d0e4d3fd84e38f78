namespace Rom.Reduction.Interpolation;

/// <summary>
/// Q-DEIM (Drmač &amp; Gugercin, SIAM J. Sci. Comput. 38, 2016): the interpolation points are the first pivots of a
/// column-pivoted QR factorisation of Uᵀ, which bounds ‖(PᵀU)⁻¹‖ better than DEIM's greedy choice.
/// </summary>
public static class Qdeim
{
    /// <summary>The Q-DEIM interpolant of the first <paramref name="count"/> columns of U (n × count or more, column-major).</summary>
    public static EmpiricalInterpolant Build(double[] u, int length, int count)
    {
        Checks.Basis(u, length, count);
        // Householder QR with column pivoting on Uᵀ (count × n): column i of Uᵀ is row i of U.
        var a = new double[count, length];
        for (int j = 0; j < count; j++)
            for (int i = 0; i < length; i++)
                a[j, i] = u[(long)j * length + i];
        var norms = new double[length];
        for (int i = 0; i < length; i++)
            for (int j = 0; j < count; j++) norms[i] += a[j, i] * a[j, i];
        var pivots = Enumerable.Range(0, length).ToArray();
        // A pivot column below this (relative to the largest row of U) means U's columns are linearly dependent.
        double rankTolerance = 1e-12 * Math.Sqrt(norms.Max());
        for (int k = 0; k < count; k++)
        {
            int best = k;
            for (int i = k + 1; i < length; i++)
                if (norms[i] > norms[best]) best = i;
            Swap(a, norms, pivots, k, best, count);
            // Householder reflector zeroing a[k+1.., k].
            double alpha = 0;
            for (int j = k; j < count; j++) alpha += a[j, k] * a[j, k];
            alpha = Math.Sqrt(alpha) * (a[k, k] >= 0 ? -1 : 1);
            if (Math.Abs(alpha) <= rankTolerance) throw new ArgumentException($"U has rank {k} < {count}: its columns are linearly dependent.", nameof(u));
            var v = new double[count - k];
            for (int j = k; j < count; j++) v[j - k] = a[j, k];
            v[0] -= alpha;
            double vv = v.Sum(x => x * x);
            for (int i = k; i < length; i++)
            {
                double s = 0;
                for (int j = k; j < count; j++) s += v[j - k] * a[j, i];
                s = 2 * s / vv;
                for (int j = k; j < count; j++) a[j, i] -= s * v[j - k];
                if (i > k) norms[i] -= a[k, i] * a[k, i];
            }
        }
        return new EmpiricalInterpolant(u[..(count * length)], length, pivots[..count]);
    }

    private static void Swap(double[,] a, double[] norms, int[] pivots, int i, int j, int rows)
    {
        if (i == j) return;
        for (int r = 0; r < rows; r++) (a[r, i], a[r, j]) = (a[r, j], a[r, i]);
        (norms[i], norms[j]) = (norms[j], norms[i]);
        (pivots[i], pivots[j]) = (pivots[j], pivots[i]);
    }
}
