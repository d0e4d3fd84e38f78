namespace Rom.IO.Hdf5;

/// <summary>
/// An n-dimensional array (dataset or attribute) held in memory. Values are widened: float kinds are
/// <c>double[]</c>, integer kinds <c>long[]</c>, strings <c>string[]</c>; <see cref="Type"/> keeps the file's type.
/// Shape is row-major (C order, like h5py); a scalar has an empty shape and one value.
/// </summary>
public sealed class DataArray
{
    private DataArray(DataType type, Array values, int[] shape)
    {
        Type = type;
        Values = values;
        Shape = shape;
    }

    /// <summary>Element type as stored in the file.</summary>
    public DataType Type { get; }

    /// <summary>Extent of each dimension, row-major; empty for a scalar.</summary>
    public int[] Shape { get; }

    /// <summary>The values in row-major order: <c>double[]</c>, <c>long[]</c> or <c>string[]</c> (not copied).</summary>
    public Array Values { get; }

    /// <summary>Number of values (the product of <see cref="Shape"/>; 1 for a scalar).</summary>
    public long Count => Values.LongLength;

    /// <summary>True for a scalar (empty shape).</summary>
    public bool IsScalar => Shape.Length == 0;

    /// <summary>True for <see cref="DataType.Float64"/> and <see cref="DataType.Float32"/>.</summary>
    public bool IsFloat => Type.IsFloat();

    /// <summary>True for the signed and unsigned integer types.</summary>
    public bool IsInteger => Type.IsInteger();

    /// <summary>True for <see cref="DataType.String"/>.</summary>
    public bool IsString => Type == DataType.String;

    /// <summary>A scalar stored as <see cref="DataType.Float64"/>.</summary>
    public static DataArray Scalar(double value) => Create(DataType.Float64, new[] { value }, []);

    /// <summary>A scalar stored as <see cref="DataType.Int64"/>.</summary>
    public static DataArray Scalar(long value) => Create(DataType.Int64, new[] { value }, []);

    /// <summary>A scalar stored as <see cref="DataType.Int32"/>.</summary>
    public static DataArray Scalar(int value) => Create(DataType.Int32, new long[] { value }, []);

    /// <summary>A scalar stored as <see cref="DataType.String"/>.</summary>
    public static DataArray Scalar(string value) => Create(DataType.String, new[] { value }, []);

    /// <summary>A <see cref="DataType.Float64"/> array; <paramref name="shape"/> defaults to one dimension.</summary>
    public static DataArray Of(double[] values, params int[] shape) => Create(DataType.Float64, values, DefaultShape(values, shape));

    /// <summary>An <see cref="DataType.Int64"/> array; <paramref name="shape"/> defaults to one dimension.</summary>
    public static DataArray Of(long[] values, params int[] shape) => Create(DataType.Int64, values, DefaultShape(values, shape));

    /// <summary>An <see cref="DataType.Int32"/> array; <paramref name="shape"/> defaults to one dimension.</summary>
    public static DataArray Of(int[] values, params int[] shape) =>
        Create(DataType.Int32, Array.ConvertAll(values, v => (long)v), DefaultShape(values, shape));

    /// <summary>A <see cref="DataType.String"/> array; <paramref name="shape"/> defaults to one dimension.</summary>
    public static DataArray Of(string[] values, params int[] shape) => Create(DataType.String, values, DefaultShape(values, shape));

    /// <summary>
    /// An array of any type: <paramref name="values"/> must be <c>double[]</c> for float types, <c>long[]</c>
    /// (each value within the type's range) for integer types and <c>string[]</c> (no nulls) for strings.
    /// </summary>
    /// <exception cref="ArgumentException">Values of the wrong kind, out of range, or not matching the shape.</exception>
    public static DataArray Create(DataType type, Array values, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        CheckValues(type, values);
        long count = 1;
        foreach (int extent in shape)
        {
            if (extent < 0)
                throw new ArgumentException($"Shape [{string.Join(", ", shape)}] has a negative extent.", nameof(shape));
            count *= extent;
        }
        if (count != values.LongLength)
            throw new ArgumentException(
                $"Shape [{string.Join(", ", shape)}] holds {count} values but {values.LongLength} were given.", nameof(shape));
        return new DataArray(type, values, (int[])shape.Clone());
    }

    /// <summary>The values as doubles (float or integer types); for float types the stored array itself.</summary>
    /// <exception cref="InvalidOperationException">The array holds strings.</exception>
    public double[] AsDoubles() => Values switch
    {
        double[] doubles => doubles,
        long[] longs => Array.ConvertAll(longs, v => (double)v),
        _ => throw WrongKind("numbers"),
    };

    /// <summary>The stored integer values.</summary>
    /// <exception cref="InvalidOperationException">The array holds floats or strings.</exception>
    public long[] AsLongs() => Values as long[] ?? throw WrongKind("integers");

    /// <summary>The stored strings.</summary>
    /// <exception cref="InvalidOperationException">The array holds numbers.</exception>
    public string[] AsStrings() => Values as string[] ?? throw WrongKind("strings");

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Type.DisplayName()} {(IsScalar ? "scalar" : "[" + string.Join(", ", Shape) + "]")}";

    private InvalidOperationException WrongKind(string wanted) =>
        new($"Expected {wanted} but the array holds {Type.DisplayName()} values.");

    private static int[] DefaultShape(Array values, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        return shape is { Length: > 0 } ? shape : [values.Length];
    }

    private static void CheckValues(DataType type, Array values)
    {
        switch (values)
        {
            case double[] when type.IsFloat():
                return;
            case string[] strings when type == DataType.String:
                int nullAt = Array.IndexOf(strings, null);
                if (nullAt >= 0)
                    throw new ArgumentException($"String value at index {nullAt} is null.", nameof(values));
                return;
            case long[] longs when type.IsInteger():
                var (min, max) = type.IntegerRange();
                for (int i = 0; i < longs.Length; i++)
                {
                    if (longs[i] < min || longs[i] > max)
                        throw new ArgumentException(
                            $"Value {longs[i]} at index {i} is outside the {type.DisplayName()} range [{min}, {max}].", nameof(values));
                }
                return;
            default:
                string expected = type.IsFloat() ? "double[]" : type.IsInteger() ? "long[]" : "string[]";
                throw new ArgumentException(
                    $"A {type.DisplayName()} array needs {expected} values, got {values.GetType().Name}.", nameof(values));
        }
    }
}
