namespace Rom.GaussianProcesses;

/// <summary>
/// A tensor grid of equally spaced points, axis d holding n_d points from Start[d] to End[d] inclusive (the
/// boundary points are grid points). Values on the grid are row-major tensors n₁ × … × n_D, the last index
/// fastest, as <c>Rom.LinearAlgebra.Kronecker</c> stores them.
/// </summary>
public sealed class TensorGrid
{
    private readonly double[] _start, _end;
    private readonly int[] _sizes;

    /// <summary>
    /// Creates the grid; throws <see cref="ArgumentException"/> unless 1 ≤ D ≤ 3, every axis has at least 3 points
    /// (two boundary points and an interior one) and finite ends with start &lt; end.
    /// </summary>
    public TensorGrid(IReadOnlyList<double> start, IReadOnlyList<double> end, IReadOnlyList<int> points)
    {
        if (points.Count is < 1 or > 3)
            throw new ArgumentException($"points has {points.Count} axes; a grid has 1, 2 or 3.", nameof(points));
        if (start.Count != points.Count || end.Count != points.Count)
            throw new ArgumentException($"start ({start.Count}), end ({end.Count}) and points ({points.Count}) must name the same axes.", nameof(start));
        for (int d = 0; d < points.Count; d++)
        {
            if (points[d] < 3)
                throw new ArgumentException($"points[{d}] = {points[d]}; the boundary needs two points per axis and the equation at least one more.", nameof(points));
            if (!double.IsFinite(start[d]) || !double.IsFinite(end[d]) || !(start[d] < end[d]))
                throw new ArgumentException($"axis {d} runs from {start[d]} to {end[d]}; expected finite start < end.", nameof(end));
        }
        _start = start.ToArray();
        _end = end.ToArray();
        _sizes = points.ToArray();
        Count = _sizes.Aggregate(1, (p, n) => checked(p * n));
    }

    /// <summary>A grid with the same interval and number of points on every one of <paramref name="dimensions"/> axes.</summary>
    public static TensorGrid Cube(int dimensions, double start, double end, int points) =>
        new(Enumerable.Repeat(start, dimensions).ToArray(), Enumerable.Repeat(end, dimensions).ToArray(), Enumerable.Repeat(points, dimensions).ToArray());

    /// <summary>D, the number of axes.</summary>
    public int Dimensions => _sizes.Length;

    /// <summary>n₁ … n_D.</summary>
    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>N = n₁ ⋯ n_D, the number of grid points.</summary>
    public int Count { get; }

    /// <summary>The spacing of axis d.</summary>
    public double Spacing(int axis) => (_end[axis] - _start[axis]) / (_sizes[axis] - 1);

    /// <summary>The coordinates of axis d.</summary>
    public double[] Coordinates(int axis)
    {
        double h = Spacing(axis);
        return Enumerable.Range(0, _sizes[axis]).Select(i => i == _sizes[axis] - 1 ? _end[axis] : _start[axis] + i * h).ToArray();
    }

    /// <summary>The multi-index of grid point <paramref name="index"/> (row-major).</summary>
    public int[] MultiIndex(int index)
    {
        var m = new int[Dimensions];
        for (int d = Dimensions - 1; d >= 0; d--)
        {
            m[d] = index % _sizes[d];
            index /= _sizes[d];
        }
        return m;
    }

    /// <summary>The coordinates of grid point <paramref name="index"/>.</summary>
    public double[] Point(int index)
    {
        var m = MultiIndex(index);
        return m.Select((i, d) => i == _sizes[d] - 1 ? _end[d] : _start[d] + i * Spacing(d)).ToArray();
    }

    /// <summary>Whether grid point <paramref name="index"/> lies on the boundary (some index first or last on its axis).</summary>
    public bool IsBoundary(int index) => MultiIndex(index).Where((i, d) => i == 0 || i == _sizes[d] - 1).Any();

    /// <summary>The boundary points' indices, ascending.</summary>
    public int[] BoundaryIndices() => Enumerable.Range(0, Count).Where(IsBoundary).ToArray();

    /// <summary>f at every grid point, as a row-major tensor.</summary>
    public double[] Sample(Func<double[], double> f) => Enumerable.Range(0, Count).Select(i => f(Point(i))).ToArray();
}
