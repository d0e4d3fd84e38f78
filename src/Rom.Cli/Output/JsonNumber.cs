namespace Rom.Cli.Output;

/// <summary>JSON has no NaN or infinity: such values become null.</summary>
public static class JsonNumber
{
    /// <summary>The number as a JSON node, or null when it is not finite.</summary>
    public static JsonNode? Of(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
