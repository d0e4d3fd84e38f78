namespace Rom.Reduction.Interpolation;

/// <summary>
/// Discrete empirical interpolation (Chaturantabut &amp; Sorensen, SIAM J. Sci. Comput. 32, 2010, Algorithm 1):
/// interpolation points for a given basis U (e.g. POD modes of nonlinear-term snapshots), chosen one basis vector
/// at a time where the interpolation residual of the next vector is largest.
/// </summary>
public static class Deim
{
    /// <summary>The DEIM interpolant of the first <paramref name="count"/> columns of U (n × count or more, column-major).</summary>
    public static EmpiricalInterpolant Build(double[] u, int length, int count)
    {
        Checks.Basis(u, length, count);
        var points = new List<int> { ArgMaxAbs(u.AsSpan(0, length)) };
        for (int j = 1; j < count; j++)
        {
            // Interpolate u_j with u_1..u_{j-1} at the points so far; the next point is where it misses most.
            var partial = new EmpiricalInterpolant(u[..(j * length)], length, points.ToArray());
            var uj = u.AsSpan(j * length, length);
            var interpolated = partial.Interpolate(partial.Restrict(uj));
            var r = new double[length];
            for (int i = 0; i < length; i++) r[i] = uj[i] - interpolated[i];
            points.Add(ArgMaxAbs(r));
        }
        return new EmpiricalInterpolant(u[..(count * length)], length, points.ToArray());
    }

    internal static int ArgMaxAbs(ReadOnlySpan<double> v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++)
            if (Math.Abs(v[i]) > Math.Abs(v[best])) best = i;
        return best;
    }
}
