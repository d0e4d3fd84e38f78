namespace Rom.Models.FiniteElements;

/// <summary>
/// The unit square cut into n × n equal squares, each split into triangles by <see cref="TriangleSplit"/>.
/// Vertex nodes come first, node = i + (n+1)·j for x index i and y index j; centre nodes follow, square by square.
/// </summary>
public sealed class StructuredTriangulation : Triangulation
{
    /// <summary>Largest accepted squares per side, so that node and assembly-triplet counts fit in 32-bit indices.</summary>
    public const int MaxSquaresPerSide = 7000;

    /// <summary>Builds the mesh with <paramref name="squaresPerSide"/> squares along each side.</summary>
    public StructuredTriangulation(int squaresPerSide, TriangleSplit split)
        : this(squaresPerSide, split, Build(squaresPerSide, split))
    {
    }

    private StructuredTriangulation(int n, TriangleSplit split, (double[] X, double[] Y, int[] Triangles, bool[] IsBoundary) mesh)
        : base(mesh.X, mesh.Y, mesh.Triangles, mesh.IsBoundary)
    {
        SquaresPerSide = n;
        Split = split;
    }

    /// <summary>Number of squares along each side.</summary>
    public int SquaresPerSide { get; }

    /// <summary>How each square is split.</summary>
    public TriangleSplit Split { get; }

    /// <summary>Side length h = 1/n of the squares.</summary>
    public double MeshSize => 1.0 / SquaresPerSide;

    /// <summary>Node at the square corner (i/n, j/n).</summary>
    public int VertexNode(int i, int j)
    {
        int n = SquaresPerSide;
        if ((uint)i > (uint)n) throw new ArgumentOutOfRangeException(nameof(i), i, $"The x index must lie in 0..{n}.");
        if ((uint)j > (uint)n) throw new ArgumentOutOfRangeException(nameof(j), j, $"The y index must lie in 0..{n}.");
        return i + (n + 1) * j;
    }

    /// <summary>A nodal field's values at the (n+1)×(n+1) square corners, indexed [i along x, j along y] (for heatmaps).</summary>
    public double[,] VertexGrid(ReadOnlySpan<double> nodal)
    {
        if (nodal.Length != NodeCount)
            throw new ArgumentException($"The field has {nodal.Length} values; expected one per node ({NodeCount}).", nameof(nodal));
        int n = SquaresPerSide;
        var grid = new double[n + 1, n + 1];
        for (int j = 0; j <= n; j++)
            for (int i = 0; i <= n; i++)
                grid[i, j] = nodal[VertexNode(i, j)];
        return grid;
    }

    private static (double[], double[], int[], bool[]) Build(int n, TriangleSplit split)
    {
        if (n < 1 || n > MaxSquaresPerSide)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Squares per side must lie in 1..{MaxSquaresPerSide}.");
        if (!Enum.IsDefined(split))
            throw new ArgumentOutOfRangeException(nameof(split), split, "Unknown triangle split.");
        bool centres = split == TriangleSplit.FourAroundCentre;
        int vertices = (n + 1) * (n + 1);
        int nodes = vertices + (centres ? n * n : 0);
        var x = new double[nodes];
        var y = new double[nodes];
        var boundary = new bool[nodes];
        for (int j = 0; j <= n; j++)
            for (int i = 0; i <= n; i++)
            {
                int v = i + (n + 1) * j;
                x[v] = (double)i / n;
                y[v] = (double)j / n;
                boundary[v] = i == 0 || i == n || j == 0 || j == n;
            }

        var triangles = new int[3 * n * n * (centres ? 4 : 2)];
        int k = 0;
        for (int iy = 0; iy < n; iy++)
            for (int ix = 0; ix < n; ix++)
            {
                int v00 = ix + (n + 1) * iy, v10 = v00 + 1, v01 = v00 + n + 1, v11 = v01 + 1;
                if (centres)
                {
                    int c = vertices + ix + n * iy;
                    x[c] = (ix + 0.5) / n;
                    y[c] = (iy + 0.5) / n;
                    // Bottom, right, top, left: each counter-clockwise with the centre last.
                    Add(v00, v10, c); Add(v10, v11, c); Add(v11, v01, c); Add(v01, v00, c);
                }
                else
                {
                    Add(v00, v10, v11); Add(v00, v11, v01);
                }
            }
        return (x, y, triangles, boundary);

        void Add(int a, int b, int c)
        {
            triangles[k++] = a;
            triangles[k++] = b;
            triangles[k++] = c;
        }
    }
}
