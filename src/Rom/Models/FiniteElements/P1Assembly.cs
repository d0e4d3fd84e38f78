using Rom.LinearAlgebra;

namespace Rom.Models.FiniteElements;

/// <summary>
/// Continuous piecewise-linear (P1) finite elements on a <see cref="Triangulation"/>: stiffness, mass and load
/// on the full nodal system, and discretisation errors against an exact solution
/// (Braess, Finite Elements, ch. II; element formulas with barycentric gradients).
/// </summary>
public static class P1Assembly
{
    /// <summary>
    /// Stiffness matrix K_ij = ∫ c ∇φ_i·∇φ_j with coefficient c constant on each triangle. Triangles with c = 0 add no
    /// entries, so an indicator coefficient assembles the matrix of one subdomain.
    /// </summary>
    public static CsrMatrix Stiffness(Triangulation mesh, ReadOnlySpan<double> coefficient)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (coefficient.Length != mesh.TriangleCount)
            throw new ArgumentException($"coefficient has {coefficient.Length} values, expected one per triangle ({mesh.TriangleCount}).", nameof(coefficient));
        int active = 0;
        for (int t = 0; t < coefficient.Length; t++)
        {
            if (!double.IsFinite(coefficient[t]))
                throw new ArgumentException($"coefficient[{t}] = {coefficient[t]}; the coefficient must be finite.", nameof(coefficient));
            if (coefficient[t] != 0) active++;
        }
        var (rows, cols, values) = Triplets(active);
        Span<double> gx = stackalloc double[3], gy = stackalloc double[3];
        int k = 0;
        for (int t = 0; t < mesh.TriangleCount; t++)
        {
            if (coefficient[t] == 0) continue;
            double scale = coefficient[t] * Gradients(mesh, t, gx, gy);
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++, k++)
                {
                    rows[k] = mesh.Triangles[3 * t + a];
                    cols[k] = mesh.Triangles[3 * t + b];
                    values[k] = scale * (gx[a] * gx[b] + gy[a] * gy[b]);
                }
        }
        return CsrMatrix.FromTriplets(mesh.NodeCount, mesh.NodeCount, rows, cols, values);
    }

    /// <summary>
    /// The element map of the stiffness on a fixed pattern (nnz × triangles): column t holds ∫_t ∇φ_i·∇φ_j (unit
    /// coefficient) for the kept nodes <paramref name="keep"/> (row i of <paramref name="pattern"/> is node keep[i]),
    /// at the positions of <paramref name="pattern"/>'s stored values, so that for every coefficient c
    /// pattern.WithValues(map·c) = Stiffness(mesh, c).Submatrix(keep, keep).
    /// </summary>
    public static CsrMatrix ElementStiffnessMap(Triangulation mesh, IReadOnlyList<int> keep, CsrMatrix pattern)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Rows != keep.Count || pattern.Cols != keep.Count)
            throw new ArgumentException($"The pattern is {pattern.Rows}×{pattern.Cols}; expected one row and column per kept node ({keep.Count}).", nameof(pattern));
        var local = new int[mesh.NodeCount];
        Array.Fill(local, -1);
        for (int i = 0; i < keep.Count; i++) local[keep[i]] = i;
        var (entries, triangles, values) = (new List<int>(), new List<int>(), new List<double>());
        Span<double> gx = stackalloc double[3], gy = stackalloc double[3];
        for (int t = 0; t < mesh.TriangleCount; t++)
        {
            double area = Gradients(mesh, t, gx, gy);
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++)
                {
                    int i = local[mesh.Triangles[3 * t + a]], j = local[mesh.Triangles[3 * t + b]];
                    if (i < 0 || j < 0) continue;
                    int start = pattern.RowPointers[i];
                    int k = Array.BinarySearch(pattern.ColumnIndices, start, pattern.RowPointers[i + 1] - start, j);
                    if (k < 0)
                        throw new ArgumentException($"The pattern has no entry ({i}, {j}) that triangle {t} couples.", nameof(pattern));
                    entries.Add(k);
                    triangles.Add(t);
                    values.Add(area * (gx[a] * gx[b] + gy[a] * gy[b]));
                }
        }
        return CsrMatrix.FromTriplets(pattern.NonZeros, mesh.TriangleCount, entries.ToArray(), triangles.ToArray(), values.ToArray());
    }

    /// <summary>Mass matrix M_ij = ∫ φ_i φ_j (exact: area/12 times 2 on the diagonal and 1 off it).</summary>
    public static CsrMatrix Mass(Triangulation mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var (rows, cols, values) = Triplets(mesh.TriangleCount);
        int k = 0;
        for (int t = 0; t < mesh.TriangleCount; t++)
        {
            double area = mesh.Area(t);
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++, k++)
                {
                    rows[k] = mesh.Triangles[3 * t + a];
                    cols[k] = mesh.Triangles[3 * t + b];
                    values[k] = area / 12 * (a == b ? 2 : 1);
                }
        }
        return CsrMatrix.FromTriplets(mesh.NodeCount, mesh.NodeCount, rows, cols, values);
    }

    /// <summary>Load vector b_i = ∫ f φ_i, by a quadrature exact when f is a polynomial of degree ≤ 4.</summary>
    public static double[] Load(Triangulation mesh, Func<double, double, double> source)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(source);
        var load = new double[mesh.NodeCount];
        var points = TriangleQuadrature.Points;
        var weights = TriangleQuadrature.Weights;
        for (int t = 0; t < mesh.TriangleCount; t++)
        {
            int n1 = mesh.Triangles[3 * t], n2 = mesh.Triangles[3 * t + 1], n3 = mesh.Triangles[3 * t + 2];
            double area = mesh.Area(t);
            for (int q = 0; q < points.Length; q++)
            {
                var (l1, l2, l3) = points[q];
                double x = l1 * mesh.X[n1] + l2 * mesh.X[n2] + l3 * mesh.X[n3];
                double y = l1 * mesh.Y[n1] + l2 * mesh.Y[n2] + l3 * mesh.Y[n3];
                double fw = area * weights[q] * source(x, y);
                load[n1] += fw * l1;
                load[n2] += fw * l2;
                load[n3] += fw * l3;
            }
        }
        return load;
    }

    /// <summary>‖u − u_h‖_L2 of the P1 field with the given nodal values, by the degree-5 quadrature.</summary>
    public static double L2Error(Triangulation mesh, ReadOnlySpan<double> nodal, Func<double, double, double> exact)
    {
        CheckField(mesh, nodal);
        ArgumentNullException.ThrowIfNull(exact);
        var points = TriangleQuadrature.Points;
        var weights = TriangleQuadrature.Weights;
        double sum = 0;
        for (int t = 0; t < mesh.TriangleCount; t++)
        {
            int n1 = mesh.Triangles[3 * t], n2 = mesh.Triangles[3 * t + 1], n3 = mesh.Triangles[3 * t + 2];
            double local = 0;
            for (int q = 0; q < points.Length; q++)
            {
                var (l1, l2, l3) = points[q];
                double x = l1 * mesh.X[n1] + l2 * mesh.X[n2] + l3 * mesh.X[n3];
                double y = l1 * mesh.Y[n1] + l2 * mesh.Y[n2] + l3 * mesh.Y[n3];
                double e = exact(x, y) - (l1 * nodal[n1] + l2 * nodal[n2] + l3 * nodal[n3]);
                local += weights[q] * e * e;
            }
            sum += mesh.Area(t) * local;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>|u − u_h|_H1 = ‖∇u − ∇u_h‖_L2 of the P1 field with the given nodal values, by the degree-5 quadrature.</summary>
    public static double H1SeminormError(Triangulation mesh, ReadOnlySpan<double> nodal, Func<double, double, (double X, double Y)> exactGradient)
    {
        CheckField(mesh, nodal);
        ArgumentNullException.ThrowIfNull(exactGradient);
        var points = TriangleQuadrature.Points;
        var weights = TriangleQuadrature.Weights;
        Span<double> gx = stackalloc double[3], gy = stackalloc double[3];
        double sum = 0;
        for (int t = 0; t < mesh.TriangleCount; t++)
        {
            double area = Gradients(mesh, t, gx, gy);
            int n1 = mesh.Triangles[3 * t], n2 = mesh.Triangles[3 * t + 1], n3 = mesh.Triangles[3 * t + 2];
            double uhx = nodal[n1] * gx[0] + nodal[n2] * gx[1] + nodal[n3] * gx[2];
            double uhy = nodal[n1] * gy[0] + nodal[n2] * gy[1] + nodal[n3] * gy[2];
            double local = 0;
            for (int q = 0; q < points.Length; q++)
            {
                var (l1, l2, l3) = points[q];
                double x = l1 * mesh.X[n1] + l2 * mesh.X[n2] + l3 * mesh.X[n3];
                double y = l1 * mesh.Y[n1] + l2 * mesh.Y[n2] + l3 * mesh.Y[n3];
                var (ux, uy) = exactGradient(x, y);
                local += weights[q] * ((ux - uhx) * (ux - uhx) + (uy - uhy) * (uy - uhy));
            }
            sum += area * local;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>Writes the constant gradients of the three barycentric coordinates of triangle t and returns its area.</summary>
    internal static double Gradients(Triangulation mesh, int t, Span<double> gx, Span<double> gy)
    {
        int n1 = mesh.Triangles[3 * t], n2 = mesh.Triangles[3 * t + 1], n3 = mesh.Triangles[3 * t + 2];
        double x1 = mesh.X[n1], x2 = mesh.X[n2], x3 = mesh.X[n3];
        double y1 = mesh.Y[n1], y2 = mesh.Y[n2], y3 = mesh.Y[n3];
        double twiceArea = (x2 - x1) * (y3 - y1) - (x3 - x1) * (y2 - y1);
        gx[0] = (y2 - y3) / twiceArea; gy[0] = (x3 - x2) / twiceArea;
        gx[1] = (y3 - y1) / twiceArea; gy[1] = (x1 - x3) / twiceArea;
        gx[2] = (y1 - y2) / twiceArea; gy[2] = (x2 - x1) / twiceArea;
        return twiceArea / 2;
    }

    private static (int[] Rows, int[] Cols, double[] Values) Triplets(int triangles) =>
        (new int[9 * triangles], new int[9 * triangles], new double[9 * triangles]);

    private static void CheckField(Triangulation mesh, ReadOnlySpan<double> nodal)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (nodal.Length != mesh.NodeCount)
            throw new ArgumentException($"The field has {nodal.Length} nodal values, expected one per node ({mesh.NodeCount}).", nameof(nodal));
    }
}
