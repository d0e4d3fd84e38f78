using Rom.LinearAlgebra;

namespace Rom.Models.Darcy;

/// <summary>
/// The flux-form finite differences of −∇·(a∇u) = 1 on the unit square or cube with u = 0 on the boundary: a field a
/// on the s^d grid of spacing h = 1/(s − 1) (boundary points included; point (c₀, c₁, …) at index Σ c_axis·s^axis) gives the 5-point
/// (2-D) or 7-point (3-D) matrix on the (s − 2)^d interior points, in which each of the 2d faces of point p adds its
/// face coefficient a_pq (an average of a_p and a_q, <see cref="FaceAverage"/>) to A_pp and, when the neighbour q is
/// interior, −a_pq to A_pq. The matrix is symmetric positive definite and left unscaled, so the right-hand side is
/// h²·1. Interior unknown p is the point with coordinates c_axis = 1 + (p div m^axis) mod m (m = s − 2).
/// </summary>
public static class FluxDifferences
{
    /// <summary>The matrix A and right-hand side b = h²·1 for the positive field <paramref name="a"/> (s^d values).</summary>
    public static (CsrMatrix A, double[] B) Assemble(ReadOnlySpan<double> a, int s, int dimension, FaceAverage average)
    {
        if (dimension is not (2 or 3) || s < 3 || a.Length != (int)Math.Pow(s, dimension))
            throw new ArgumentException($"The field has {a.Length} values; expected s^d for s ≥ 3, d = 2 or 3 (s = {s}, d = {dimension}).", nameof(a));
        foreach (double v in a)
            if (!(v > 0) || !double.IsFinite(v))
                throw new ArgumentException("The coefficient field must be positive and finite everywhere.", nameof(a));
        if (!Enum.IsDefined(average))
            throw new ArgumentOutOfRangeException(nameof(average), average, "Unknown face average.");
        int m = s - 2, n = (int)Math.Pow(m, dimension);
        var gridStrides = new int[dimension];
        var unknownStrides = new int[dimension];
        for (int axis = 0; axis < dimension; axis++)
        {
            gridStrides[axis] = (int)Math.Pow(s, axis);
            unknownStrides[axis] = (int)Math.Pow(m, axis);
        }
        int capacity = (2 * dimension + 1) * n;
        var rows = new int[capacity];
        var cols = new int[capacity];
        var values = new double[capacity];
        int count = 0;
        var coordinate = new int[dimension];
        for (int p = 0; p < n; p++)
        {
            int grid = 0;
            for (int axis = 0, rest = p; axis < dimension; axis++, rest /= m)
            {
                coordinate[axis] = rest % m + 1;
                grid += coordinate[axis] * gridStrides[axis];
            }
            double diagonal = 0;
            for (int axis = 0; axis < dimension; axis++)
                for (int step = -1; step <= 1; step += 2)
                {
                    int neighbour = grid + step * gridStrides[axis];
                    double face = average == FaceAverage.Harmonic
                        ? 2 * a[grid] * a[neighbour] / (a[grid] + a[neighbour])
                        : 0.5 * (a[grid] + a[neighbour]);
                    diagonal += face;
                    int c = coordinate[axis] + step;
                    if (c < 1 || c > m) continue;   // a Dirichlet boundary point: no unknown
                    rows[count] = p; cols[count] = p + step * unknownStrides[axis]; values[count++] = -face;
                }
            rows[count] = p; cols[count] = p; values[count++] = diagonal;
        }
        double h = 1.0 / (s - 1);
        var b = new double[n];
        Array.Fill(b, h * h);
        return (CsrMatrix.FromTriplets(n, n, rows.AsSpan(0, count), cols.AsSpan(0, count), values.AsSpan(0, count)), b);
    }
}
