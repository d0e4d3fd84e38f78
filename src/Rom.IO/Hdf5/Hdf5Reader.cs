using System.Numerics;
using PureHDF;

namespace Rom.IO.Hdf5;

/// <summary>Copies an open PureHDF file into a <see cref="DataGroup"/> tree, turning every failure into a <see cref="DataFileException"/>.</summary>
internal sealed class Hdf5Reader(string filePath, Func<string, bool>? skip = null)
{
    /// <summary>Deeper nesting than this is taken for a soft-link cycle.</summary>
    private const int MaxDepth = 64;

    public DataGroup Read(IH5Group root)
    {
        var tree = new DataGroup();
        ReadGroup(root, tree, "/", depth: 0);
        return tree;
    }

    private void ReadGroup(IH5Group source, DataGroup target, string path, int depth)
    {
        if (depth > MaxDepth)
            throw new DataFileException(filePath, path, $"groups nest deeper than {MaxDepth} levels (a soft-link cycle?)");
        foreach (var (name, value) in ReadAttributes(source, path))
            target.Attributes.Add(name, value);
        foreach (var child in Guard(path, "list the group members", () => source.Children().ToList()))
        {
            string childPath = path == "/" ? "/" + child.Name : path + "/" + child.Name;
            if (target.Groups.ContainsKey(child.Name) || target.Datasets.ContainsKey(child.Name))
                throw new DataFileException(filePath, childPath, "a second member of this name in one group (damaged file?)");
            switch (child)
            {
                case IH5Group group:
                    var subgroup = new DataGroup();
                    target.Groups.Add(child.Name, subgroup);
                    ReadGroup(group, subgroup, childPath, depth + 1);
                    break;
                case IH5Dataset when skip?.Invoke(childPath) == true:
                    break;
                case IH5Dataset dataset:
                    target.Datasets.Add(child.Name, ReadArray(new Source(dataset), childPath));
                    var attributes = ReadAttributes(dataset, childPath);
                    if (attributes.Count > 0)
                        target.DatasetAttributes.Add(child.Name, attributes);
                    break;
                case IH5CommitedDatatype:
                    break; // a named type definition, not data
                case IH5UnresolvedLink link:
                    throw new DataFileException(filePath, childPath, $"link cannot be resolved: {link.Reason?.Message}");
                default:
                    throw new DataFileException(filePath, childPath, $"unsupported object kind {child.GetType().Name}");
            }
        }
    }

    private OrderedDictionary<string, DataArray> ReadAttributes(IH5Object owner, string ownerPath)
    {
        var attributes = new OrderedDictionary<string, DataArray>(StringComparer.Ordinal);
        foreach (var attribute in Guard(ownerPath, "list the attributes", () => owner.Attributes().ToList()))
        {
            if (attributes.ContainsKey(attribute.Name))
                throw new DataFileException(filePath, ownerPath + "@" + attribute.Name, "a second attribute of this name (damaged file?)");
            attributes.Add(attribute.Name, ReadArray(new Source(attribute), ownerPath + "@" + attribute.Name));
        }
        return attributes;
    }

    private DataArray ReadArray(Source source, string path)
    {
        var (type, space) = Guard(path, "read the type and shape", () => (source.Type, source.Space));
        int[] shape = ShapeOf(space, path);
        // What the file declares is checked before it is read: a small file can declare terabytes of unwritten chunks.
        double bytes = shape.Aggregate(1.0, (n, extent) => n * extent) * Math.Max(8, (int)Guard(path, "read the type", () => type.Size));
        if (MemoryBudget.Refusal(bytes) is { } refusal)
            throw new DataFileException(filePath, path, $"declares [{string.Join(", ", shape)}] values, which {refusal}");
        var (dataType, values) = Guard(path, "read the values", () => ReadValues(source, type, path));
        if (values.LongLength != shape.Aggregate(1L, (n, extent) => n * extent))
            throw new DataFileException(filePath, path,
                $"holds {values.LongLength} values but its shape is [{string.Join(", ", shape)}]");
        try
        {
            return DataArray.Create(dataType, values, shape);
        }
        catch (ArgumentException e)
        {
            // What the library handed back breaks DataArray's rules (a null string from a damaged heap, say).
            throw new DataFileException(filePath, path, $"damaged value (damaged file?): {e.Message.Split(" (Parameter")[0].TrimEnd('.')}", e);
        }
    }

    private (DataType, Array) ReadValues(Source source, IH5DataType type, string path) => (type.Class, type.Size) switch
    {
        // An enumeration (h5py's bool is one over int8) reads as its integer base type: FALSE/TRUE become 0/1.
        (H5DataTypeClass.Enumerated, _) when type.Enumeration.BaseType.Class == H5DataTypeClass.FixedPoint
            => ReadValues(source, type.Enumeration.BaseType, path),
        (H5DataTypeClass.FloatingPoint, 8) => (DataType.Float64, source.Read<double[]>()),
        (H5DataTypeClass.FloatingPoint, 4) => (DataType.Float32, Array.ConvertAll(source.Read<float[]>(), v => (double)v)),
        (H5DataTypeClass.FixedPoint, 8) when type.FixedPoint.IsSigned => (DataType.Int64, source.Read<long[]>()),
        (H5DataTypeClass.FixedPoint, 4) when type.FixedPoint.IsSigned => (DataType.Int32, Widen(source.Read<int[]>(), path)),
        (H5DataTypeClass.FixedPoint, 2) when type.FixedPoint.IsSigned => (DataType.Int16, Widen(source.Read<short[]>(), path)),
        (H5DataTypeClass.FixedPoint, 1) when type.FixedPoint.IsSigned => (DataType.Int8, Widen(source.Read<sbyte[]>(), path)),
        (H5DataTypeClass.FixedPoint, 8) => (DataType.UInt64, Widen(source.Read<ulong[]>(), path)),
        (H5DataTypeClass.FixedPoint, 4) => (DataType.UInt32, Widen(source.Read<uint[]>(), path)),
        (H5DataTypeClass.FixedPoint, 2) => (DataType.UInt16, Widen(source.Read<ushort[]>(), path)),
        (H5DataTypeClass.FixedPoint, 1) => (DataType.UInt8, Widen(source.Read<byte[]>(), path)),
        (H5DataTypeClass.String, _) => (DataType.String, Array.ConvertAll(source.Read<string[]>(), s => s.TrimEnd('\0'))),
        (H5DataTypeClass.VariableLength, _) => (DataType.String, ReadVariableLengthStrings(source, path)),
        _ => throw Unsupported(path, $"{type.Class} of {type.Size} bytes"),
    };

    private string[] ReadVariableLengthStrings(Source source, string path)
    {
        try
        {
            return source.Read<string[]>();
        }
        catch (Exception e) when (e.Message.Contains("sequence", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsupported(path, "variable-length sequence (only variable-length strings are supported)");
        }
    }

    private long[] Widen<T>(T[] values, string path) where T : IBinaryInteger<T>
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            try
            {
                result[i] = long.CreateChecked(values[i]);
            }
            catch (OverflowException)
            {
                throw new DataFileException(filePath, path, $"value {values[i]} at index {i} does not fit in a 64-bit signed integer");
            }
        }
        return result;
    }

    private int[] ShapeOf(IH5Dataspace space, string path) => space.Type switch
    {
        H5DataspaceType.Scalar => [],
        H5DataspaceType.Simple => Array.ConvertAll(space.Dimensions, extent => extent <= int.MaxValue
            ? (int)extent
            : throw new DataFileException(filePath, path, $"dimension of {extent} exceeds the supported {int.MaxValue}")),
        _ => throw Unsupported(path, "null dataspace (an object with no value)"),
    };

    private DataFileException Unsupported(string path, string what) =>
        new(filePath, path, $"unsupported data type: {what}; expected float32/64, (u)int8-64 (or an enumeration over one, such as h5py's bool) or strings");

    private T Guard<T>(string path, string action, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not DataFileException)
        {
            throw new DataFileException(filePath, path, $"cannot {action} (damaged or truncated file?): {e.GetBaseException().Message}", e);
        }
    }

    /// <summary>A dataset or an attribute: both have a type, a shape and values.</summary>
    private readonly struct Source(object h5Object)
    {
        public IH5DataType Type => h5Object is IH5Dataset d ? d.Type : ((IH5Attribute)h5Object).Type;

        public IH5Dataspace Space => h5Object is IH5Dataset d ? d.Space : ((IH5Attribute)h5Object).Space;

        public T Read<T>() => h5Object is IH5Dataset d ? d.Read<T>() : ((IH5Attribute)h5Object).Read<T>();
    }
}
