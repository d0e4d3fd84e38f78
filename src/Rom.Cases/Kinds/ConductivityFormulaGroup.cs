using Rom.Formulas;
using Rom.Models.SampledSystem;

namespace Rom.Cases.Kinds;

/// <summary>
/// The optional group /data/formula of an operator-EIM case: the string attribute @conductivity (κ(x, y; mu), see
/// <see cref="Formula"/>), the float dataset centroids [E, 2] and the CSR group element_map [nnz, E], such that the
/// stored values of A(μ) in the common pattern's order are element_map · κ(centroids; μ). Read, checked against every
/// carried matrix, or written for a case.
/// </summary>
public static class ConductivityFormulaGroup
{
    /// <summary>Where the group lies in a case file.</summary>
    public const string GroupPath = "data/formula";

    /// <summary>Carried matrices must be reproduced to this, max |E·κ − A| / max |A|.</summary>
    public const double Tolerance = 1e-10;

    private const string Field = "/" + GroupPath;
    private const string ConductivityField = Field + "@conductivity";

    /// <summary>Stores the formula, the centroids and the element map under /data/formula of <paramref name="root"/>.</summary>
    public static void Write(DataGroup root, string conductivity, double[] centroidsX, double[] centroidsY, CsrMatrix elementMap)
    {
        ArgumentNullException.ThrowIfNull(root);
        var group = root.GetOrAddGroup(GroupPath);
        group.Attributes["conductivity"] = DataArray.Scalar(conductivity);
        group.Datasets["centroids"] = PointTable.Of(centroidsX, centroidsY);
        group.Groups["element_map"] = CsrGroup.Write(elementMap);
    }

    /// <summary>
    /// The formula of the case, or null when it carries no /data/formula; <paramref name="parameterCount"/> is P and
    /// <paramref name="pattern"/> the common pattern (one element-map row per stored entry), named <paramref name="patternName"/> in errors.
    /// </summary>
    public static ElementFormula? Read(DataGroup root, string file, int parameterCount, CsrMatrix pattern, string patternName)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(pattern);
        if (!root.TryGetGroup(GroupPath, out var group))
            return null;
        if (!group.Attributes.TryGetValue("conductivity", out var text) || !text.IsString || text.Count != 1)
            throw new CaseInputException(ConductivityField, text?.ToString() ?? "nothing (attribute missing)", "a string attribute: κ(x, y; mu) as a formula, e.g. 'exp(mu[0]*x + mu[1]*y)'", file);
        Formula conductivity;
        try
        {
            conductivity = Formula.Parse(text.AsStrings()[0], parameterCount);
        }
        catch (FormulaException e)
        {
            throw new CaseInputException(ConductivityField, $"'{text.AsStrings()[0]}'", $"a formula in x, y and mu[0..{parameterCount - 1}] ({e.Message})", file);
        }

        const string expectedCentroids = "a float dataset of shape [E, 2]: the (x, y) centroid of every element";
        if (!group.Datasets.TryGetValue("centroids", out var centroids))
            throw new CaseInputException(Field + "/centroids", "nothing (dataset missing)", expectedCentroids, file);
        if (!centroids.IsFloat || centroids.Shape is not [_, 2])
            throw new CaseInputException(Field + "/centroids", centroids.ToString(), expectedCentroids, file);
        var flat = centroids.AsDoubles();
        int bad = Array.FindIndex(flat, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new CaseInputException($"{Field}/centroids[{bad / 2}, {bad % 2}]", flat[bad].ToString(), "a finite coordinate", file);
        var (x, y) = PointTable.Columns(centroids);
        int elements = x.Length;

        if (!group.TryGetGroup("element_map", out var mapGroup))
            throw new CaseInputException(Field + "/element_map", "nothing (group missing)", $"a CSR matrix [nnz, E] = [{pattern.NonZeros}, {elements}]", file);
        var map = CsrGroup.Read(mapGroup, file, Field + "/element_map");
        if (map.Rows != pattern.NonZeros || map.Cols != elements)
            throw new CaseInputException(Field + "/element_map", $"shape [{map.Rows}, {map.Cols}]",
                $"[{pattern.NonZeros}, {elements}]: one row per stored entry of {patternName} and one column per centroid", file);
        return new ElementFormula(conductivity, x, y, map);
    }

    /// <summary>
    /// Checks that the formula reproduces every carried matrix (named for the error) to <see cref="Tolerance"/>
    /// relative and is finite at every centroid for their parameters.
    /// </summary>
    public static void Check(ElementFormula formula, IEnumerable<(string Name, double[] Mu, CsrMatrix Matrix)> carried, string file)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(carried);
        foreach (var (name, mu, a) in carried)
        {
            double[] values;
            try
            {
                values = formula.Values(mu);
            }
            catch (ArgumentException e)
            {
                throw new CaseInputException(ConductivityField, $"{e.Message} ({name})", "a formula finite at every centroid and carried parameter", file);
            }
            double maxDifference = 0, maxValue = 0;
            for (int k = 0; k < values.Length; k++)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(values[k] - a.Values[k]));
                maxValue = Math.Max(maxValue, Math.Abs(a.Values[k]));
            }
            if (!(maxDifference <= Tolerance * maxValue))
                throw new CaseInputException(Field, $"element_map · κ(centroids; μ) off {name} by {maxDifference / maxValue:G3} relative (max |diff| / max |A|)",
                    $"a formula that reproduces every carried matrix to {Tolerance:G1} relative", file);
        }
    }
}
