using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace Rom.IO.Hdf5;

/// <summary>
/// Reads blocks of rows of 2-D float datasets from one open HDF5 file, for tables too large to read whole (the
/// solutions of a sweep's shard). Every failure is a <see cref="DataFileException"/> naming the file and dataset.
/// </summary>
public sealed class Hdf5RowReader : IDisposable
{
    private readonly NativeFile file;
    private readonly Dictionary<string, IH5Dataset> datasets = new(StringComparer.Ordinal);

    private Hdf5RowReader(string path, NativeFile file)
    {
        Path = path;
        this.file = file;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Opens the file after the checks of <see cref="Hdf5File.Read(string)"/> (whole, metadata checksums hold).</summary>
    public static Hdf5RowReader Open(string path) => new(path, Hdf5File.Open(path));

    /// <summary>[rows, columns] of the 2-D float dataset at <paramref name="dataset"/> (e.g. "/solutions").</summary>
    public (int Rows, int Columns) Shape(string dataset)
    {
        var dims = Dataset(dataset).Space.Dimensions;
        return ((int)dims[0], (int)dims[1]);
    }

    /// <summary>Rows <paramref name="start"/>..<paramref name="start"/>+<paramref name="count"/>−1, row after row.</summary>
    public double[] ReadRows(string dataset, int start, int count)
    {
        var (rows, columns) = Shape(dataset);
        if (start < 0 || count < 0 || start + count > rows)
            throw new DataFileException(Path, dataset, $"rows {start}..{start + count - 1} asked of a table of {rows} rows");
        if (count == 0 || columns == 0)
            return [];
        var selection = new HyperslabSelection(rank: 2, starts: [(ulong)start, 0], blocks: [(ulong)count, (ulong)columns]);
        try
        {
            var values = new double[count * columns];
            Dataset(dataset).Read(values, fileSelection: selection, memoryDims: [(ulong)count, (ulong)columns]);
            return values;
        }
        catch (Exception e)
        {
            throw new DataFileException(Path, dataset, $"cannot read rows {start}..{start + count - 1} (damaged or truncated file?): {e.GetBaseException().Message}", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => file.Dispose();

    private IH5Dataset Dataset(string path)
    {
        if (datasets.TryGetValue(path, out var known))
            return known;
        IH5Dataset dataset;
        try
        {
            dataset = file.Dataset(path);
        }
        catch (Exception e)
        {
            throw new DataFileException(Path, path, $"no such dataset: {e.GetBaseException().Message}", e);
        }
        if (dataset.Space.Type != H5DataspaceType.Simple || dataset.Space.Dimensions.Length != 2 || dataset.Type.Class != H5DataTypeClass.FloatingPoint || dataset.Type.Size != 8)
            throw new DataFileException(Path, path, "expected a 2-D float64 table");
        return datasets[path] = dataset;
    }
}
