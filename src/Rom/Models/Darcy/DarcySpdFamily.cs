using Rom.LinearAlgebra;

namespace Rom.Models.Darcy;

/// <summary>
/// A symmetric positive definite Darcy family −∇·(a∇u) = 1 on the unit square or cube, u = 0 on the boundary,
/// a = exp(g) with g a <see cref="GaussianRandomField"/>: the flux-averaged 5-point (2-D) or 7-point (3-D) finite
/// difference matrix, whose face coefficient between neighbouring points is the harmonic mean of a there.
/// The SPD counterpart of <see cref="SkrDarcyFamily"/>, where CG, AMG and deflation apply. As a system family the
/// field of system i is a on the s^d grid.
/// </summary>
public sealed class DarcySpdFamily : ISystemFamily
{
    private readonly int[] _seeds;

    /// <summary>Creates the seeded family; system i draws its field from its own seeded stream.</summary>
    public DarcySpdFamily(DarcySpdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var master = new Random(options.Seed);
        _seeds = Enumerable.Range(0, options.Count).Select(_ => master.Next()).ToArray();
    }

    /// <summary>The settings the family was built with.</summary>
    public DarcySpdOptions Options { get; }

    /// <inheritdoc />
    public string Name => "darcy-spd";

    /// <inheritdoc />
    public int Count => Options.Count;

    /// <inheritdoc />
    public bool IsSymmetricPositiveDefinite => true;

    /// <summary>Number of unknowns (s − 2)^d.</summary>
    public int Unknowns => (int)Math.Pow(Options.GridSize - 2, Options.Dimension);

    /// <summary>The coefficient a = exp(g) of system <paramref name="index"/> on the s^d grid (row-major).</summary>
    public double[] Field(int index)
    {
        if (index < 0 || index >= Options.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The system index must lie in 0..{Options.Count - 1}.");
        var g = GaussianRandomField.Sample(Options.GridSize, Options.Dimension, Options.Alpha, Options.Tau, new Random(_seeds[index]));
        return g.Select(Math.Exp).ToArray();
    }

    /// <summary>The system (A, b) of system <paramref name="index"/>: b = h²·1, h = 1/(s − 1).</summary>
    public (CsrMatrix A, double[] B) System(int index) => Assemble(Field(index), Options.GridSize, Options.Dimension);

    /// <summary>
    /// The flux-averaged matrix for a field on the s^d grid: for each interior point p and each of its 2d neighbours
    /// q, the face coefficient a_pq = 2 a_p a_q / (a_p + a_q) adds to A_pp and, when q is interior, −a_pq to A_pq.
    /// </summary>
    public static (CsrMatrix A, double[] B) Assemble(double[] a, int s, int dimension)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (dimension is not (2 or 3) || s < 3 || a.Length != (int)Math.Pow(s, dimension))
            throw new ArgumentException($"The field has {a.Length} values; expected s^d for s ≥ 3, d = 2 or 3 (s = {s}, d = {dimension}).", nameof(a));
        if (a.Any(v => !(v > 0) || !double.IsFinite(v)))
            throw new ArgumentException("The coefficient field must be positive and finite everywhere.", nameof(a));
        int m = s - 2, n = (int)Math.Pow(m, dimension);
        var strides = Enumerable.Range(0, dimension).Select(axis => (int)Math.Pow(s, axis)).ToArray();
        var rows = new List<int>((2 * dimension + 1) * n);
        var cols = new List<int>((2 * dimension + 1) * n);
        var values = new List<double>((2 * dimension + 1) * n);
        var coordinate = new int[dimension];
        for (int p = 0; p < n; p++)
        {
            // Interior unknown p ↔ grid point with coordinates 1..m along every axis.
            int grid = 0;
            for (int axis = 0, rest = p; axis < dimension; axis++, rest /= m)
            {
                coordinate[axis] = rest % m + 1;
                grid += coordinate[axis] * strides[axis];
            }
            double diagonal = 0;
            for (int axis = 0; axis < dimension; axis++)
                foreach (int step in (ReadOnlySpan<int>)[-1, 1])
                {
                    int neighbour = grid + step * strides[axis];
                    double face = 2 * a[grid] * a[neighbour] / (a[grid] + a[neighbour]);
                    diagonal += face;
                    int c = coordinate[axis] + step;
                    if (c < 1 || c > m) continue;   // a Dirichlet boundary point: no unknown
                    int q = p + step * (int)Math.Pow(m, axis);
                    rows.Add(p); cols.Add(q); values.Add(-face);
                }
            rows.Add(p); cols.Add(p); values.Add(diagonal);
        }
        double h = 1.0 / (s - 1);
        var b = Enumerable.Repeat(h * h, n).ToArray();
        return (CsrMatrix.FromTriplets(n, n, rows.ToArray(), cols.ToArray(), values.ToArray()), b);
    }
}
