using PureHDF;
using PureHDF.Filters;
using PureHDF.VOL.Native;

namespace Rom.IO.Hdf5;

/// <summary>Builds the PureHDF object tree for a <see cref="DataGroup"/>, checking names and values on the way.</summary>
internal sealed class Hdf5Writer(string filePath, Hdf5WriteOptions options)
{
    public H5File Build(DataGroup root)
    {
        var file = new H5File();
        Fill(file, root, "/");
        return file;
    }

    /// <summary>
    /// Adds the empty dataset of a streamed table to the built file (its groups created where <paramref name="root"/>
    /// has none), refusing a path the tree already holds.
    /// </summary>
    public H5Dataset<double[]> AddStreamed(H5File file, DataGroup root, StreamedRows table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows < 0 || table.Columns < 0)
            throw new DataFileException(filePath, "/" + table.Path, $"a streamed table of shape [{table.Rows}, {table.Columns}]; expected extents ≥ 0");
        var names = table.Path.Split('/');
        H5Group group = file;
        string path = "/";
        foreach (string name in names[..^1])
        {
            path = ChildPath(path, name);
            if (!group.TryGetValue(name, out var child))
                group[name] = child = new H5Group();
            group = child as H5Group ?? throw new DataFileException(filePath, path, "a streamed table's group is a dataset here");
        }
        path = ChildPath(path, names[^1]);
        if (group.ContainsKey(names[^1]) || root.TryGetDataset(table.Path, out _))
            throw new DataFileException(filePath, path, "a streamed table and a dataset of the tree share this name");
        var dataset = new H5Dataset<double[]>(fileDims: [(ulong)table.Rows, (ulong)table.Columns]);
        group[names[^1]] = dataset;
        return dataset;
    }

    private void Fill(H5Group target, DataGroup source, string path)
    {
        AddAttributes(target, source.Attributes, path);
        foreach (var (name, group) in source.Groups)
        {
            string childPath = ChildPath(path, name);
            var child = new H5Group();
            Fill(child, group, childPath);
            target.Add(name, child);
        }
        foreach (var (name, array) in source.Datasets)
        {
            string childPath = ChildPath(path, name);
            if (source.Groups.ContainsKey(name))
                throw new DataFileException(filePath, childPath, "a group and a dataset share this name");
            var dataset = CreateDataset(array, childPath);
            if (source.DatasetAttributes.TryGetValue(name, out var attributes))
                AddAttributes(dataset, attributes, childPath);
            target.Add(name, dataset);
        }
        foreach (string name in source.DatasetAttributes.Keys.Where(name => !source.Datasets.ContainsKey(name)))
            throw new DataFileException(filePath, ChildPath(path, name), "has attributes but there is no dataset of that name");
    }

    private void AddAttributes(H5Object target, IDictionary<string, DataArray> attributes, string ownerPath)
    {
        foreach (var (name, array) in attributes)
        {
            if (string.IsNullOrEmpty(name))
                throw new DataFileException(filePath, ownerPath, "an attribute has an empty name");
            target.Attributes.Add(name, new H5Attribute(ToNative(array), Dimensions(array)));
        }
    }

    private H5Dataset CreateDataset(DataArray array, string path)
    {
        bool compress = options.Compress && !array.IsString && array.Count >= Hdf5WriteOptions.MinCompressedElements;
        if (!compress)
            return new H5Dataset(ToNative(array), fileDims: Dimensions(array));
        var deflate = new H5Filter(DeflateFilter.Id, new Dictionary<string, object>
        {
            [DeflateFilter.COMPRESSION_LEVEL] = SupportedDeflateLevel(options.CompressionLevel),
        });
        return new H5Dataset(
            ToNative(array),
            chunks: ChunkShape(array.Shape, options.ChunkElements),
            fileDims: Dimensions(array),
            datasetCreation: new H5DatasetCreation(Filters: [deflate]));
    }

    private string ChildPath(string parentPath, string name)
    {
        string path = parentPath == "/" ? "/" + name : parentPath + "/" + name;
        if (name.Length == 0 || name.Contains('/') || name == ".")
            throw new DataFileException(filePath, path, $"invalid name '{name}': names must be non-empty, not '.', and contain no '/'");
        return path;
    }

    private static ulong[] Dimensions(DataArray array) => Array.ConvertAll(array.Shape, extent => (ulong)extent);

    /// <summary>The values in the file's element type, e.g. <c>short[]</c> for <see cref="DataType.Int16"/>.</summary>
    private static Array ToNative(DataArray array) => array.Type switch
    {
        DataType.Float64 => array.Values,
        DataType.Float32 => Array.ConvertAll((double[])array.Values, v => (float)v),
        DataType.Int64 => array.Values,
        DataType.Int32 => Array.ConvertAll((long[])array.Values, v => (int)v),
        DataType.Int16 => Array.ConvertAll((long[])array.Values, v => (short)v),
        DataType.Int8 => Array.ConvertAll((long[])array.Values, v => (sbyte)v),
        DataType.UInt64 => Array.ConvertAll((long[])array.Values, v => (ulong)v),
        DataType.UInt32 => Array.ConvertAll((long[])array.Values, v => (uint)v),
        DataType.UInt16 => Array.ConvertAll((long[])array.Values, v => (ushort)v),
        DataType.UInt8 => Array.ConvertAll((long[])array.Values, v => (byte)v),
        DataType.String => array.Values,
        _ => throw new ArgumentOutOfRangeException(nameof(array), array.Type, "Unknown data type."),
    };

    /// <summary>PureHDF's deflate implements levels 0, 1 and 9 only: map 2-5 to 1 and 6-8 to 9.</summary>
    private static int SupportedDeflateLevel(int level) => level switch
    {
        0 => 0,
        <= 5 => 1,
        _ => 9,
    };

    /// <summary>
    /// Chunk extents of at most <paramref name="maxElements"/> values: trailing dimensions are kept whole as long as
    /// they fit, the first dimension that does not fit is cut, and earlier dimensions get extent 1.
    /// </summary>
    internal static uint[] ChunkShape(int[] shape, int maxElements)
    {
        var chunk = new uint[shape.Length];
        long inner = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            long extent = Math.Clamp(maxElements / inner, 1, Math.Max(shape[i], 1));
            chunk[i] = (uint)extent;
            inner *= extent;
        }
        return chunk;
    }
}
