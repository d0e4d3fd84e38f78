namespace Rom.Models.FiniteElements;

/// <summary>
/// A conforming triangulation in the plane: node coordinates, counter-clockwise triangles as node triples and a
/// flag for nodes on the Dirichlet boundary. <see cref="P1Assembly"/> assembles on any such mesh.
/// </summary>
public class Triangulation
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly int[] _triangles;
    private readonly bool[] _isBoundary;

    /// <summary>
    /// Creates a mesh (arrays are taken over, not copied); triangle t has nodes triangles[3t..3t+2], which must be
    /// valid node indices in counter-clockwise order (positive area).
    /// </summary>
    public Triangulation(double[] x, double[] y, int[] triangles, bool[] isBoundary)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(triangles);
        ArgumentNullException.ThrowIfNull(isBoundary);
        if (y.Length != x.Length)
            throw new ArgumentException($"y has {y.Length} coordinates but x has {x.Length}; they must match.", nameof(y));
        if (isBoundary.Length != x.Length)
            throw new ArgumentException($"isBoundary has {isBoundary.Length} flags for {x.Length} nodes.", nameof(isBoundary));
        if (triangles.Length % 3 != 0)
            throw new ArgumentException($"triangles has length {triangles.Length}, expected a multiple of 3 (node triples).", nameof(triangles));
        for (int k = 0; k < triangles.Length; k++)
            if ((uint)triangles[k] >= (uint)x.Length)
                throw new ArgumentException($"Triangle {k / 3} refers to node {triangles[k]}, outside 0..{x.Length - 1}.", nameof(triangles));
        _x = x;
        _y = y;
        _triangles = triangles;
        _isBoundary = isBoundary;
        for (int t = 0; t < TriangleCount; t++)
            if (!(TwiceSignedArea(t) > 0))
                throw new ArgumentException($"Triangle {t} has signed area {TwiceSignedArea(t) / 2}; triangles must be counter-clockwise and non-degenerate.", nameof(triangles));
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _x.Length;

    /// <summary>Number of triangles.</summary>
    public int TriangleCount => _triangles.Length / 3;

    /// <summary>x coordinate of every node.</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>y coordinate of every node.</summary>
    public ReadOnlySpan<double> Y => _y;

    /// <summary>Node triples, counter-clockwise: triangle t is Triangles[3t], Triangles[3t+1], Triangles[3t+2].</summary>
    public ReadOnlySpan<int> Triangles => _triangles;

    /// <summary>True for nodes on the boundary, where the Dirichlet condition holds.</summary>
    public ReadOnlySpan<bool> IsBoundary => _isBoundary;

    /// <summary>Area of triangle t.</summary>
    public double Area(int t) => TwiceSignedArea(t) / 2;

    /// <summary>Centroid of triangle t.</summary>
    public (double X, double Y) Centroid(int t)
    {
        int a = _triangles[3 * t], b = _triangles[3 * t + 1], c = _triangles[3 * t + 2];
        return ((_x[a] + _x[b] + _x[c]) / 3, (_y[a] + _y[b] + _y[c]) / 3);
    }

    private double TwiceSignedArea(int t)
    {
        int a = _triangles[3 * t], b = _triangles[3 * t + 1], c = _triangles[3 * t + 2];
        return (_x[b] - _x[a]) * (_y[c] - _y[a]) - (_x[c] - _x[a]) * (_y[b] - _y[a]);
    }
}
