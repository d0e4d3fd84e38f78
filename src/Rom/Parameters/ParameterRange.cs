namespace Rom.Parameters;

/// <summary>A named parameter component of a given dimension whose entries each lie in [Lower, Upper].</summary>
public sealed record ParameterRange
{
    /// <summary>Creates a range, rejecting empty names, non-positive dimensions and empty or non-finite intervals.</summary>
    public ParameterRange(string name, int dimension, double lower, double upper)
    {
        Name = string.IsNullOrWhiteSpace(name)
            ? throw new ArgumentException("A parameter name must not be empty.", nameof(name))
            : name;
        Dimension = dimension >= 1
            ? dimension
            : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"Parameter '{name}' needs dimension ≥ 1.");
        (Lower, Upper) = double.IsFinite(lower) && double.IsFinite(upper) && lower <= upper
            ? (lower, upper)
            : throw new ArgumentException($"Parameter '{name}' has range [{lower}, {upper}]; expected finite bounds with lower ≤ upper.", nameof(lower));
    }

    /// <summary>Name of the component.</summary>
    public string Name { get; }

    /// <summary>Number of entries of the component.</summary>
    public int Dimension { get; }

    /// <summary>Smallest allowed value of each entry.</summary>
    public double Lower { get; }

    /// <summary>Largest allowed value of each entry.</summary>
    public double Upper { get; }
}
