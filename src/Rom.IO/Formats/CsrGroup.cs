using Rom.IO.Hdf5;
using Rom.LinearAlgebra;

namespace Rom.IO.Formats;

/// <summary>
/// A CSR matrix stored as an HDF5 group in SciPy's layout: datasets <c>data</c> (float), <c>indices</c> and
/// <c>indptr</c> (integer), and <c>shape</c> = [rows, cols] as an attribute (or, as some writers do, a dataset).
/// h5py users write one with <c>g['data'], g['indices'], g['indptr'] = A.data, A.indices, A.indptr; g.attrs['shape'] = A.shape</c>.
/// </summary>
public static class CsrGroup
{
    /// <summary>Stores the matrix in a new group.</summary>
    public static DataGroup Write(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var group = new DataGroup();
        group.Datasets["data"] = DataArray.Of(matrix.Values);
        group.Datasets["indices"] = DataArray.Of(matrix.ColumnIndices);
        group.Datasets["indptr"] = DataArray.Of(matrix.RowPointers);
        group.Attributes["shape"] = DataArray.Of(new long[] { matrix.Rows, matrix.Cols });
        return group;
    }

    /// <summary>Reads the matrix at <paramref name="objectPath"/> of file <paramref name="filePath"/>, checking dtypes, shapes and structure.</summary>
    public static CsrMatrix Read(DataGroup group, string filePath, string objectPath)
    {
        ArgumentNullException.ThrowIfNull(group);
        DataFileException Error(string member, string problem) => new(filePath, $"{objectPath}/{member}", problem);

        DataArray Dataset(string name) =>
            group.Datasets.TryGetValue(name, out var a)
                ? a.Shape.Length == 1 ? a : throw Error(name, $"expected a 1-D dataset, found shape [{string.Join(", ", a.Shape)}]")
                : throw Error(name, $"missing; a CSR matrix group needs datasets data, indices and indptr and a shape attribute");

        var data = Dataset("data");
        var indices = Dataset("indices");
        var indptr = Dataset("indptr");
        if (!data.IsFloat)
            throw Error("data", $"expected a float dataset, found {data.Type.DisplayName()}");
        if (!indices.IsInteger)
            throw Error("indices", $"expected an integer dataset, found {indices.Type.DisplayName()}");
        if (!indptr.IsInteger)
            throw Error("indptr", $"expected an integer dataset, found {indptr.Type.DisplayName()}");

        DataArray? shape = group.Attributes.TryGetValue("shape", out var sa) ? sa
            : group.Datasets.TryGetValue("shape", out var sd) ? sd : null;
        if (shape is null)
            throw Error("shape", "missing; expected an attribute shape = [rows, cols]");
        if (!shape.IsInteger || shape.Count != 2)
            throw Error("shape", $"expected two integers [rows, cols], found {shape.Type.DisplayName()} with {shape.Count} values");
        var dims = shape.AsLongs();
        if (dims[0] < 0 || dims[1] < 0 || dims[0] >= int.MaxValue || dims[1] >= int.MaxValue)
            throw Error("shape", $"rows and cols must be non-negative and fit in 32 bits, found [{dims[0]}, {dims[1]}]");

        var values = data.AsDoubles();
        int nonFinite = Array.FindIndex(values, v => !double.IsFinite(v));
        if (nonFinite >= 0)
            throw Error("data", $"entry {nonFinite} is {values[nonFinite]}; expected finite numbers");
        try
        {
            return new CsrMatrix((int)dims[0], (int)dims[1], ToInt32(indptr, "indptr", Error), ToInt32(indices, "indices", Error), values);
        }
        catch (ArgumentException e)
        {
            // The constructor's advice is for C# callers; a file's writer is told what to do in SciPy instead.
            string why = e.Message.Split(" (Parameter")[0].Replace(CsrMatrix.SortAdvice, "; with SciPy, call A.sum_duplicates() (it also sorts each row's indices) before writing");
            throw new DataFileException(filePath, objectPath, $"not a valid CSR matrix: {why.TrimEnd('.')}");
        }
    }

    private static int[] ToInt32(DataArray a, string member, Func<string, string, DataFileException> error)
    {
        var longs = a.AsLongs();
        var ints = new int[longs.Length];
        for (int i = 0; i < longs.Length; i++)
        {
            if (longs[i] < 0 || longs[i] > int.MaxValue)
                throw error(member, $"value {longs[i]} at position {i} is outside 0..{int.MaxValue}");
            ints[i] = (int)longs[i];
        }
        return ints;
    }
}
