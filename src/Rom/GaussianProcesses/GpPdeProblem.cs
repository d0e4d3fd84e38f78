namespace Rom.GaussianProcesses;

/// <summary>
/// A PDE L u + N(u) = f on a tensor grid with Dirichlet data u = g on the grid's boundary points: L linear, N an
/// optional pointwise nonlinearity (<see cref="PointwiseTerm"/>; absent for a linear PDE). The source and boundary data
/// are row-major tensors over the grid (the boundary tensor is read only at boundary points).
/// </summary>
public sealed class GpPdeProblem
{
    /// <summary>
    /// Creates the problem; throws <see cref="ArgumentException"/> naming the field when the operator differentiates
    /// along an axis the grid lacks, the tensors do not match the grid, the source is not finite everywhere or the
    /// boundary data are not finite at a boundary point, or a coefficient of the nonlinearity is not finite.
    /// </summary>
    public GpPdeProblem(TensorGrid grid, LinearPdeOperator op, double[] source, double[] boundaryValues, PointwiseTerm? nonlinearity = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(op);
        nonlinearity?.Validate();
        if (op.Dimensions > grid.Dimensions)
            throw new ArgumentException($"the operator differentiates along axis {op.Dimensions - 1}, but the grid has {grid.Dimensions} axes.", nameof(op));
        if (source.Length != grid.Count)
            throw new ArgumentException($"source has {source.Length} values; the grid has {grid.Count} points.", nameof(source));
        if (boundaryValues.Length != grid.Count)
            throw new ArgumentException($"boundaryValues has {boundaryValues.Length} values; the grid has {grid.Count} points.", nameof(boundaryValues));
        int bad = Array.FindIndex(source, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new ArgumentException($"source[{bad}] = {source[bad]} is not finite.", nameof(source));
        var boundary = grid.BoundaryIndices();
        bad = Array.FindIndex(boundary, i => !double.IsFinite(boundaryValues[i]));
        if (bad >= 0 && (bad = boundary[bad]) >= 0)
            throw new ArgumentException($"boundaryValues[{bad}] = {boundaryValues[bad]} at a boundary point is not finite.", nameof(boundaryValues));
        Grid = grid;
        Operator = op;
        Source = source.ToArray();
        BoundaryValues = source.Select((_, i) => grid.IsBoundary(i) ? boundaryValues[i] : 0).ToArray();
        Boundary = boundary;
        Nonlinearity = nonlinearity;
    }

    /// <summary>The problem with f and g given as functions of the point's coordinates (g is called at boundary points only).</summary>
    public static GpPdeProblem FromFunctions(TensorGrid grid, LinearPdeOperator op, Func<double[], double> source, Func<double[], double> boundary,
        PointwiseTerm? nonlinearity = null)
    {
        var g = new double[grid.Count];
        foreach (int i in grid.BoundaryIndices())
            g[i] = boundary(grid.Point(i));
        return new GpPdeProblem(grid, op, grid.Sample(source), g, nonlinearity);
    }

    /// <summary>The grid.</summary>
    public TensorGrid Grid { get; }

    /// <summary>L.</summary>
    public LinearPdeOperator Operator { get; }

    /// <summary>N, or null for a linear PDE.</summary>
    public PointwiseTerm? Nonlinearity { get; }

    /// <summary>f at every grid point.</summary>
    public double[] Source { get; }

    /// <summary>g at the boundary points, zero elsewhere.</summary>
    public double[] BoundaryValues { get; }

    /// <summary>The boundary points' indices.</summary>
    public int[] Boundary { get; }
}
