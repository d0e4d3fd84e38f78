using Rom.Formulas;
using Rom.LinearAlgebra;

namespace Rom.Models.SampledSystem;

/// <summary>
/// The stored values of A(μ) on a sampled family's common pattern given by a formula: values = E·κ(c; μ), with κ a
/// conductivity formula of (x, y; mu[0..P−1]) taken at the element centroids c_e and E the element map (nnz × elements:
/// column e holds element e's unit-conductivity contribution in the pattern's value order). Restricted to the EIM's
/// magic entries (<see cref="AtEntries"/>), θ(μ) needs κ on the few elements those entries touch, whatever n is.
/// </summary>
public sealed class ElementFormula
{
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>Checks the sizes: <paramref name="elementMap"/> has one column per centroid.</summary>
    public ElementFormula(Formula conductivity, double[] centroidsX, double[] centroidsY, CsrMatrix elementMap)
    {
        ArgumentNullException.ThrowIfNull(conductivity);
        ArgumentNullException.ThrowIfNull(centroidsX);
        ArgumentNullException.ThrowIfNull(centroidsY);
        ArgumentNullException.ThrowIfNull(elementMap);
        if (centroidsY.Length != centroidsX.Length || elementMap.Cols != centroidsX.Length)
            throw new ArgumentException($"Got {centroidsX.Length} x, {centroidsY.Length} y and an element map with {elementMap.Cols} columns; expected one centroid per column.", nameof(elementMap));
        Conductivity = conductivity;
        _x = (double[])centroidsX.Clone();
        _y = (double[])centroidsY.Clone();
        ElementMap = elementMap;
    }

    /// <summary>κ(x, y; mu).</summary>
    public Formula Conductivity { get; }

    /// <summary>E: stored entries × elements.</summary>
    public CsrMatrix ElementMap { get; }

    /// <summary>Number of elements.</summary>
    public int Elements => _x.Length;

    /// <summary>x-coordinates of the element centroids.</summary>
    public IReadOnlyList<double> CentroidsX => _x;

    /// <summary>y-coordinates of the element centroids.</summary>
    public IReadOnlyList<double> CentroidsY => _y;

    /// <summary>
    /// The stored values E·κ(c; μ) for the formula's mu[0..P−1] = <paramref name="mu"/>; a κ that is not finite at some
    /// centroid is an <see cref="ArgumentException"/> naming the formula, the value, the centroid and μ.
    /// </summary>
    public double[] Values(double[] mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        var kappa = new double[_x.Length];
        for (int e = 0; e < kappa.Length; e++)
        {
            kappa[e] = Conductivity.Evaluate(_x[e], _y[e], mu);
            if (!double.IsFinite(kappa[e]))
                throw new ArgumentException($"The conductivity {Conductivity.Text} is {kappa[e]} at ({_x[e]}, {_y[e]}) for mu = [{string.Join(", ", mu)}]; it must be finite.", nameof(mu));
        }
        var values = new double[ElementMap.Rows];
        ElementMap.Apply(kappa, values);
        return values;
    }

    /// <summary>
    /// The formula of the stored values at <paramref name="entries"/> (indices into the pattern's values) only: its map
    /// is the rows of E at those entries, over the elements they touch, with those elements' centroids.
    /// </summary>
    public ElementFormula AtEntries(IReadOnlyList<int> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Any(k => k < 0 || k >= ElementMap.Rows))
            throw new ArgumentException($"The entries must be stored-value indices in 0..{ElementMap.Rows - 1}.", nameof(entries));
        var elements = entries.SelectMany(k => ElementMap.ColumnIndices[ElementMap.RowPointers[k]..ElementMap.RowPointers[k + 1]]).Distinct().Order().ToArray();
        var local = elements.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i);
        var (r, c, v) = (new List<int>(), new List<int>(), new List<double>());
        for (int m = 0; m < entries.Count; m++)
            for (int k = ElementMap.RowPointers[entries[m]]; k < ElementMap.RowPointers[entries[m] + 1]; k++)
            {
                r.Add(m);
                c.Add(local[ElementMap.ColumnIndices[k]]);
                v.Add(ElementMap.Values[k]);
            }
        var map = CsrMatrix.FromTriplets(entries.Count, elements.Length, r.ToArray(), c.ToArray(), v.ToArray());
        return new ElementFormula(Conductivity, elements.Select(e => _x[e]).ToArray(), elements.Select(e => _y[e]).ToArray(), map);
    }
}
