using System.Globalization;
using System.Text;

namespace Rom.IO.Hdf5;

/// <summary>Human-readable outline of a <see cref="DataGroup"/> tree, as shown by <c>rom info</c>.</summary>
public static class DataTreeFormatter
{
    private const string Indent = "  ";

    /// <summary>
    /// One line per object, children indented under their group: groups as "name/", attributes as
    /// "@name: dtype [shape] = values" (at most <paramref name="maxValues"/> values), datasets as "name: dtype [shape]".
    /// </summary>
    public static string Describe(DataGroup root, int maxValues = 8)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentOutOfRangeException.ThrowIfNegative(maxValues);
        var text = new StringBuilder().Append('/').Append('\n');
        AppendGroup(text, root, Indent, maxValues);
        return text.ToString();
    }

    private static void AppendGroup(StringBuilder text, DataGroup group, string indent, int maxValues)
    {
        AppendAttributes(text, group.Attributes, indent, maxValues);
        foreach (var (name, child) in group.Groups)
        {
            text.Append(indent).Append(name).Append('/').Append('\n');
            AppendGroup(text, child, indent + Indent, maxValues);
        }
        foreach (var (name, array) in group.Datasets)
        {
            text.Append(indent).Append(name).Append(": ").Append(array).Append('\n');
            if (group.DatasetAttributes.TryGetValue(name, out var attributes))
                AppendAttributes(text, attributes, indent + Indent, maxValues);
        }
    }

    private static void AppendAttributes(StringBuilder text, IDictionary<string, DataArray> attributes, string indent, int maxValues)
    {
        foreach (var (name, array) in attributes)
        {
            text.Append(indent).Append('@').Append(name).Append(": ").Append(array.Type.DisplayName());
            if (!array.IsScalar)
                text.Append(" [").AppendJoin(", ", array.Shape).Append(']');
            text.Append(" = ").Append(FormatValues(array, maxValues)).Append('\n');
        }
    }

    private static string FormatValues(DataArray array, int maxValues)
    {
        if (array.IsScalar)
            return FormatValue(array.Values.GetValue(0));
        var shown = array.Values.Cast<object?>().Take(maxValues).Select(FormatValue);
        long hidden = array.Count - Math.Min(array.Count, maxValues);
        return "[" + string.Join(", ", hidden > 0 ? shown.Append($"... +{hidden} more") : shown) + "]";
    }

    private static string FormatValue(object? value) => value switch
    {
        string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
