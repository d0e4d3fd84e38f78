using PureHDF;
using PureHDF.Selections;

namespace Rom.IO.Hdf5;

/// <summary>
/// A float64 table [<paramref name="Rows"/>, <paramref name="Columns"/>] that <see cref="Hdf5File.Write(string, DataGroup, IReadOnlyList{StreamedRows}, Hdf5WriteOptions?)"/>
/// writes a block of rows at a time: <paramref name="ReadRows"/>(start, count) returns rows start..start+count−1, row
/// after row, so the table is never whole in memory (a merged sweep of 10⁶ solutions, say).
/// </summary>
/// <param name="Path">Where the dataset goes, e.g. "solutions" or "pod/modes"; missing groups are created.</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Values per row.</param>
/// <param name="ReadRows">The rows of one block.</param>
public sealed record StreamedRows(string Path, int Rows, int Columns, Func<int, int, double[]> ReadRows)
{
    /// <summary>At most this many values are in memory at once (one block of rows; at least one row).</summary>
    public const int BlockValues = 1 << 20;

    /// <summary>Fills <paramref name="dataset"/> block by block through the open writer.</summary>
    internal static void WriteTo(H5NativeWriter writer, H5Dataset<double[]> dataset, StreamedRows table, string filePath)
    {
        int block = Math.Max(1, BlockValues / Math.Max(1, table.Columns));
        for (int start = 0; start < table.Rows; start += block)
        {
            int count = Math.Min(block, table.Rows - start);
            var values = table.ReadRows(start, count);
            if (values.Length != (long)count * table.Columns)
                throw new DataFileException(filePath, "/" + table.Path, $"rows {start}..{start + count - 1} came back as {values.Length} values; expected {count} × {table.Columns}");
            if (table.Columns == 0)
                continue;
            var selection = new HyperslabSelection(rank: 2, starts: [(ulong)start, 0], blocks: [(ulong)count, (ulong)table.Columns]);
            writer.Write(dataset, values, fileSelection: selection);
        }
    }
}
