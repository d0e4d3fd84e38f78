using Rom.LinearAlgebra.Dense;
using Rom.LinearAlgebra.Kronecker;

namespace Rom.GaussianProcesses;

/// <summary>
/// The GP's prediction of u away from the collocation grid: the posterior mean u(x*) = k(x*, X) K⁻¹ U given the grid
/// values U, as the reference code predicts at its test points. With a product kernel and test points on a tensor grid,
/// k(x*, X) = ⊗ C_d with C_d = [κ_d(x*_i − x_j)] (m_d × n_d), so the mean is (⊗ C_d) α with α = (⊗ K_d)⁻¹ U: one mode
/// product per axis, never a formed covariance. Here aliasing shows: a kernel frequency above the grid's Nyquist
/// frequency can reproduce the right values and derivatives at the grid points and still be wrong between them.
/// </summary>
public sealed class GpPosteriorMean
{
    private readonly TensorGrid _grid;
    private readonly IReadOnlyList<SpectralMixtureKernel> _kernels;
    private readonly IDenseProvider _provider;
    private readonly double[] _alpha;

    /// <summary>
    /// Conditions on <paramref name="field"/> at the points of <paramref name="grid"/> under the per-axis
    /// <paramref name="kernels"/> with <paramref name="jitter"/> on each K_d's diagonal, as the solver's prior; throws
    /// <see cref="ArgumentException"/> when the kernels or the field do not match the grid, or some K_d is not
    /// positive definite.
    /// </summary>
    public GpPosteriorMean(TensorGrid grid, IReadOnlyList<SpectralMixtureKernel> kernels, double jitter, double[] field, IDenseProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(kernels);
        ArgumentNullException.ThrowIfNull(field);
        if (kernels.Count != grid.Dimensions)
            throw new ArgumentException($"kernels has {kernels.Count} entries; the grid has {grid.Dimensions} axes.", nameof(kernels));
        if (field.Length != grid.Count)
            throw new ArgumentException($"field has {field.Length} values; the grid has {grid.Count} points.", nameof(field));
        _grid = grid;
        _kernels = kernels;
        _provider = provider ?? DenseProviders.Default;
        var axes = Enumerable.Range(0, grid.Dimensions)
            .Select(d => new AxisFactor(kernels[d], grid.Sizes[d], grid.Spacing(d), jitter, _provider)).ToArray();
        int singular = Array.FindIndex(axes, a => !a.IsPositiveDefinite);
        if (singular >= 0)
            throw new ArgumentException($"the kernel of axis {singular} gives a K that is not positive definite on the grid.", nameof(kernels));
        _alpha = new double[grid.Count];
        AxisProducts.ApplyAll(axes.Select(a => a.Inverse).ToArray(), Transpose.None, grid.Sizes, field, _alpha, _provider);
    }

    /// <summary>The posterior mean at every point of <paramref name="points"/> (row-major over its axes), a grid with as many axes as the collocation grid.</summary>
    public double[] Evaluate(TensorGrid points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Dimensions != _grid.Dimensions)
            throw new ArgumentException($"points has {points.Dimensions} axes; the collocation grid has {_grid.Dimensions}.", nameof(points));
        // Axis by axis, the extent of axis d changes from n_d to m_d; axes before d are already at m, after d still at n.
        var current = _alpha;
        for (int d = 0; d < _grid.Dimensions; d++)
        {
            var cross = Cross(d, points.Coordinates(d));
            int n = _grid.Sizes[d], m = points.Sizes[d];
            int before = 1, after = 1;
            for (int e = 0; e < d; e++)
                before *= points.Sizes[e];
            for (int e = d + 1; e < _grid.Dimensions; e++)
                after *= _grid.Sizes[e];
            var next = new double[before * m * after];
            ModeProducts.Mode(cross, m, n, after, before, Transpose.None, current, next, _provider);
            current = next;
        }
        return current;
    }

    /// <summary>C_d = [κ_d(x*_i − x_j)], column-major m × n.</summary>
    private double[] Cross(int axis, double[] at)
    {
        var x = _grid.Coordinates(axis);
        var c = new double[at.Length * x.Length];
        for (int j = 0; j < x.Length; j++)
            for (int i = 0; i < at.Length; i++)
                c[i + j * at.Length] = _kernels[axis].Value(at[i] - x[j], 0);
        return c;
    }
}
