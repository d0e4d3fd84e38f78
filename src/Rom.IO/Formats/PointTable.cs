using Rom.IO.Hdf5;

namespace Rom.IO.Formats;

/// <summary>Points in the plane as a float dataset [count, 2], one (x, y) row per point (e.g. element centroids).</summary>
public static class PointTable
{
    /// <summary>The dataset of the points (x[i], y[i]).</summary>
    public static DataArray Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"Got {x.Count} x and {y.Count} y coordinates; expected as many.", nameof(y));
        var flat = new double[2 * x.Count];
        for (int i = 0; i < x.Count; i++) (flat[2 * i], flat[2 * i + 1]) = (x[i], y[i]);
        return DataArray.Of(flat, x.Count, 2);
    }

    /// <summary>The x and y columns of a float dataset of shape [count, 2] (the caller has checked type and shape).</summary>
    public static (double[] X, double[] Y) Columns(DataArray table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.IsFloat || table.Shape is not [_, 2])
            throw new ArgumentException($"Expected a float dataset of shape [count, 2]; got {table}.", nameof(table));
        var flat = table.AsDoubles();
        int count = flat.Length / 2;
        var (x, y) = (new double[count], new double[count]);
        for (int i = 0; i < count; i++) (x[i], y[i]) = (flat[2 * i], flat[2 * i + 1]);
        return (x, y);
    }
}
