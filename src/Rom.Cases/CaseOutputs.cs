using Rom.Models;

namespace Rom.Cases;

/// <summary>
/// Output functionals in a case file: each float dataset /data/outputs/NAME of length n is a vector l, and the output
/// s(μ) = lᵀu(μ) is reduced and certified beside the compliance fᵀu, which every matrix-given case has.
/// </summary>
public static class CaseOutputs
{
    /// <summary>Where the outputs live in a case file.</summary>
    public const string GroupPath = "data/outputs";

    /// <summary>Writes an output vector where <see cref="Read"/> finds it.</summary>
    public static void Write(DataGroup root, OutputFunctional output)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(output);
        root.GetOrAddGroup(GroupPath).Datasets[output.Name] = DataArray.Of(output.Weights);
    }

    /// <summary>Reads the outputs (none when the group is absent); a dataset of another type, length or with a non-finite value is named.</summary>
    public static IReadOnlyList<OutputFunctional> Read(DataGroup root, string filePath, int unknowns)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!root.TryGetGroup(GroupPath, out var group))
            return [];
        var outputs = new List<OutputFunctional>();
        foreach (var (name, dataset) in group.Datasets.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            string field = $"/{GroupPath}/{name}";
            if (name == OutputFunctional.ComplianceName)
                throw new CaseInputException(field, "a dataset named 'compliance'", "another name: the compliance f·u is always computed as output 'compliance'", filePath);
            if (!dataset.IsFloat || dataset.Shape.Length != 1 || dataset.Shape[0] != unknowns)
                throw new CaseInputException(field, dataset.ToString(), $"a float dataset of shape [{unknowns}], one weight per unknown (the output is l·u)", filePath);
            var weights = dataset.AsDoubles();
            int bad = Array.FindIndex(weights, v => !double.IsFinite(v));
            if (bad >= 0)
                throw new CaseInputException($"{field}[{bad}]", weights[bad].ToString(), "a finite number", filePath);
            outputs.Add(new OutputFunctional(name, weights));
        }
        if (group.Groups.Count > 0)
            throw new CaseInputException($"/{GroupPath}/{group.Groups.Keys.First()}", "a group", "only datasets: one vector l per output", filePath);
        return outputs;
    }
}
