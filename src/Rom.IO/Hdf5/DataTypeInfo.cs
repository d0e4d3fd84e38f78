namespace Rom.IO.Hdf5;

/// <summary>Facts about <see cref="DataType"/> values: kind, integer range and display name.</summary>
internal static class DataTypeInfo
{
    public static bool IsFloat(this DataType type) => type is DataType.Float64 or DataType.Float32;

    public static bool IsInteger(this DataType type) => !type.IsFloat() && type != DataType.String;

    /// <summary>Lowercase numpy-style name, e.g. "float64", "uint8", "string".</summary>
    public static string DisplayName(this DataType type) => type.ToString().ToLowerInvariant();

    /// <summary>Smallest and largest value an integer type holds, as far as a <see cref="long"/> reaches.</summary>
    public static (long Min, long Max) IntegerRange(this DataType type) => type switch
    {
        DataType.Int64 => (long.MinValue, long.MaxValue),
        DataType.Int32 => (int.MinValue, int.MaxValue),
        DataType.Int16 => (short.MinValue, short.MaxValue),
        DataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DataType.UInt64 => (0, long.MaxValue),
        DataType.UInt32 => (0, uint.MaxValue),
        DataType.UInt16 => (0, ushort.MaxValue),
        DataType.UInt8 => (0, byte.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an integer type."),
    };
}
