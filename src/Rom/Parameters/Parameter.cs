using System.Globalization;

namespace Rom.Parameters;

/// <summary>A parameter value μ: named components, each a vector (e.g. "diffusion" with one value per block).</summary>
public sealed class Parameter
{
    private readonly Dictionary<string, double[]> _values;

    /// <summary>Creates a parameter from named component vectors (copied).</summary>
    public Parameter(IReadOnlyDictionary<string, double[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, v) in values)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("A parameter name must not be empty.", nameof(values));
            ArgumentNullException.ThrowIfNull(v, $"{nameof(values)}[{name}]");
            _values[name] = (double[])v.Clone();
        }
    }

    /// <summary>A parameter with a single named component.</summary>
    public static Parameter Of(string name, params double[] values) =>
        new(new Dictionary<string, double[]> { [name] = values });

    /// <summary>Names of the components.</summary>
    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>The values of one component.</summary>
    public ReadOnlySpan<double> this[string name] =>
        _values.TryGetValue(name, out var v)
            ? v
            : throw new KeyNotFoundException($"The parameter has no component '{name}'; it has: {string.Join(", ", _values.Keys)}.");

    /// <summary>True when the parameter has a component of this name.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Writes the parameter as name=[v1, v2, ...] pairs.</summary>
    public override string ToString() =>
        string.Join("; ", _values.Select(kv =>
            $"{kv.Key}=[{string.Join(", ", kv.Value.Select(x => x.ToString("G6", CultureInfo.InvariantCulture)))}]"));
}
