using MathNet.Numerics.LinearAlgebra;

namespace Rom.LinearAlgebra;

/// <summary>
/// A sparse matrix in compressed sparse row form, the SciPy CSR layout (indptr, indices, data): row i holds
/// the entries RowPointers[i] .. RowPointers[i+1]-1, with strictly increasing column indices.
/// </summary>
public sealed class CsrMatrix : ILinearOperator
{
    /// <summary>The advice the unsorted-indices error ends with (file readers replace it with their own).</summary>
    public const string SortAdvice = "; use FromTriplets to build from unsorted entries";

    /// <summary>Creates a matrix from CSR arrays, checking that they describe a valid matrix with sorted, unique columns per row.</summary>
    public CsrMatrix(int rows, int cols, int[] rowPointers, int[] columnIndices, double[] values)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "The row count must be non-negative.");
        if (cols < 0) throw new ArgumentOutOfRangeException(nameof(cols), cols, "The column count must be non-negative.");
        if (rowPointers.Length != rows + 1)
            throw new ArgumentException($"indptr has length {rowPointers.Length}, expected rows + 1 = {rows + 1}.", nameof(rowPointers));
        if (rowPointers[0] != 0)
            throw new ArgumentException($"indptr[0] is {rowPointers[0]}, expected 0.", nameof(rowPointers));
        if (columnIndices.Length != values.Length)
            throw new ArgumentException($"indices has length {columnIndices.Length} but data has length {values.Length}; they must match.", nameof(columnIndices));
        if (rowPointers[rows] != values.Length)
            throw new ArgumentException($"indptr[rows] is {rowPointers[rows]}, expected the number of stored entries {values.Length}.", nameof(rowPointers));
        for (int i = 0; i < rows; i++)
        {
            int start = rowPointers[i], end = rowPointers[i + 1];
            if (end < start)
                throw new ArgumentException($"indptr decreases at row {i} ({start} then {end}).", nameof(rowPointers));
            if (end > values.Length)
                throw new ArgumentException($"indptr[{i + 1}] is {end}, beyond the {values.Length} stored entries.", nameof(rowPointers));
            for (int k = start; k < end; k++)
            {
                int j = columnIndices[k];
                if (j < 0 || j >= cols)
                    throw new ArgumentException($"indices[{k}] = {j} in row {i} is outside the column range 0..{cols - 1}.", nameof(columnIndices));
                if (k > start && j <= columnIndices[k - 1])
                    throw new ArgumentException($"Row {i} has unsorted or repeated column indices ({columnIndices[k - 1]} then {j}){SortAdvice}.", nameof(columnIndices));
            }
        }
        Rows = rows;
        Cols = cols;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public int Cols { get; }

    /// <summary>Row start offsets (length Rows + 1), SciPy's indptr.</summary>
    public int[] RowPointers { get; }

    /// <summary>Column index of each stored entry, SciPy's indices.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>Value of each stored entry, SciPy's data.</summary>
    public double[] Values { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => Values.Length;

    // A matrix on the already checked pattern of 'pattern', sharing its index arrays.
    private CsrMatrix(CsrMatrix pattern, double[] values)
    {
        Rows = pattern.Rows;
        Cols = pattern.Cols;
        RowPointers = pattern.RowPointers;
        ColumnIndices = pattern.ColumnIndices;
        Values = values;
    }

    /// <summary>
    /// A matrix with this one's sparsity pattern (its index arrays are shared, not copied or checked again) and the
    /// given values, one per stored entry; throws <see cref="ArgumentException"/> when the count differs.
    /// </summary>
    public CsrMatrix WithValues(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != NonZeros)
            throw new ArgumentException($"values has length {values.Length}, expected the {NonZeros} stored entries of the pattern.", nameof(values));
        return new CsrMatrix(this, values);
    }

    /// <summary>Builds a matrix from (row, column, value) triplets; repeated positions are summed, as in finite-element assembly.</summary>
    public static CsrMatrix FromTriplets(int rows, int cols, ReadOnlySpan<int> rowIndex, ReadOnlySpan<int> colIndex, ReadOnlySpan<double> value)
    {
        if (rowIndex.Length != colIndex.Length || rowIndex.Length != value.Length)
            throw new ArgumentException($"Triplet arrays differ in length: {rowIndex.Length} rows, {colIndex.Length} columns, {value.Length} values.", nameof(value));
        var counts = new int[rows + 1];
        for (int k = 0; k < rowIndex.Length; k++)
        {
            int i = rowIndex[k], j = colIndex[k];
            if ((uint)i >= (uint)rows) throw new ArgumentException($"Triplet {k} has row {i}, outside 0..{rows - 1}.", nameof(rowIndex));
            if ((uint)j >= (uint)cols) throw new ArgumentException($"Triplet {k} has column {j}, outside 0..{cols - 1}.", nameof(colIndex));
            counts[i + 1]++;
        }
        for (int i = 0; i < rows; i++) counts[i + 1] += counts[i];
        // Bucket the triplets by row, then sort each row by column and merge repeats.
        var cols1 = new int[rowIndex.Length];
        var vals1 = new double[rowIndex.Length];
        var next = (int[])counts.Clone();
        for (int k = 0; k < rowIndex.Length; k++)
        {
            int p = next[rowIndex[k]]++;
            cols1[p] = colIndex[k];
            vals1[p] = value[k];
        }
        var indptr = new int[rows + 1];
        int nnz = 0;
        for (int i = 0; i < rows; i++)
        {
            int start = counts[i], end = counts[i + 1];
            Array.Sort(cols1, vals1, start, end - start);
            for (int k = start; k < end; k++)
            {
                if (nnz > indptr[i] && cols1[nnz - 1] == cols1[k])
                {
                    vals1[nnz - 1] += vals1[k];
                    continue;
                }
                cols1[nnz] = cols1[k];
                vals1[nnz] = vals1[k];
                nnz++;
            }
            indptr[i + 1] = nnz;
        }
        return new CsrMatrix(rows, cols, indptr, cols1[..nnz], vals1[..nnz]);
    }

    /// <summary>The n × n identity matrix.</summary>
    public static CsrMatrix Identity(int n)
    {
        var indptr = new int[n + 1];
        var indices = new int[n];
        for (int i = 0; i < n; i++) { indptr[i + 1] = i + 1; indices[i] = i; }
        return new CsrMatrix(n, n, indptr, indices, Enumerable.Repeat(1.0, n).ToArray());
    }

    /// <summary>Converts any MathNet matrix, keeping only its non-zero entries.</summary>
    public static CsrMatrix FromMathNet(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        foreach (var (i, j, v) in matrix.EnumerateIndexed(Zeros.AllowSkip))
        {
            if (v == 0) continue;
            rows.Add(i); cols.Add(j); vals.Add(v);
        }
        return FromTriplets(matrix.RowCount, matrix.ColumnCount, rows.ToArray(), cols.ToArray(), vals.ToArray());
    }

    /// <summary>Converts to a MathNet sparse matrix (sharing no storage with this one).</summary>
    public Matrix<double> ToMathNet()
    {
        return Matrix<double>.Build.SparseOfIndexed(Rows, Cols, EnumerateEntries());
    }

    /// <summary>Enumerates the stored entries as (row, column, value) in row order.</summary>
    public IEnumerable<Tuple<int, int, double>> EnumerateEntries()
    {
        for (int i = 0; i < Rows; i++)
            for (int k = RowPointers[i]; k < RowPointers[i + 1]; k++)
                yield return Tuple.Create(i, ColumnIndices[k], Values[k]);
    }

    /// <summary>Returns entry (i, j), zero where nothing is stored.</summary>
    public double this[int i, int j]
    {
        get
        {
            if ((uint)i >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(i), i, $"Row index must be in 0..{Rows - 1}.");
            if ((uint)j >= (uint)Cols) throw new ArgumentOutOfRangeException(nameof(j), j, $"Column index must be in 0..{Cols - 1}.");
            int k = Array.BinarySearch(ColumnIndices, RowPointers[i], RowPointers[i + 1] - RowPointers[i], j);
            return k >= 0 ? Values[k] : 0.0;
        }
    }

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        OperatorChecks.Apply(this, x.Length, y.Length);
        var indptr = RowPointers;
        var indices = ColumnIndices;
        var values = Values;
        for (int i = 0; i < Rows; i++)
        {
            double sum = 0;
            for (int k = indptr[i]; k < indptr[i + 1]; k++)
                sum += values[k] * x[indices[k]];
            y[i] = sum;
        }
    }

    /// <summary>Computes y = Aᵀ x, overwriting y.</summary>
    public void ApplyTranspose(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Rows) throw new ArgumentException($"x has length {x.Length}, expected the row count {Rows}.", nameof(x));
        if (y.Length != Cols) throw new ArgumentException($"y has length {y.Length}, expected the column count {Cols}.", nameof(y));
        y.Clear();
        for (int i = 0; i < Rows; i++)
        {
            double xi = x[i];
            for (int k = RowPointers[i]; k < RowPointers[i + 1]; k++)
                y[ColumnIndices[k]] += Values[k] * xi;
        }
    }

    /// <summary>Returns the main diagonal (length min(Rows, Cols)).</summary>
    public double[] Diagonal()
    {
        var d = new double[Math.Min(Rows, Cols)];
        for (int i = 0; i < d.Length; i++) d[i] = this[i, i];
        return d;
    }

    /// <summary>The relative tolerance of <see cref="AreSymmetricTwins"/>.</summary>
    public const double SymmetryTolerance = 1e-10;

    /// <summary>
    /// True when a_ij and a_ji agree to <see cref="SymmetryTolerance"/> relative to the larger of |a_ij|, |a_ji| and
    /// √|a_ii·a_jj| (the bound |a_ij| ≤ √(a_ii·a_jj) of an SPD matrix), so round-off in tiny off-diagonal entries is not
    /// mistaken for asymmetry.
    /// </summary>
    public static bool AreSymmetricTwins(double aij, double aji, double aii, double ajj)
    {
        double scale = Math.Max(Math.Max(Math.Abs(aij), Math.Abs(aji)), Math.Sqrt(Math.Abs(aii * ajj)));
        return Math.Abs(aij - aji) <= SymmetryTolerance * scale;
    }

    /// <summary>
    /// The first entry (row-major) whose value differs from its transpose twin beyond <see cref="AreSymmetricTwins"/>
    /// (a missing twin counts as zero), or null when the matrix is symmetric; throws unless the matrix is square.
    /// </summary>
    public (int Row, int Col, double Value, double Twin)? FindAsymmetry()
    {
        if (Rows != Cols) throw new InvalidOperationException($"Symmetry needs a square matrix, not {Rows}×{Cols}.");
        var transpose = Transpose();
        var diagonal = Diagonal();
        for (int i = 0; i < Rows; i++)
        {
            int k = RowPointers[i], kEnd = RowPointers[i + 1], t = transpose.RowPointers[i], tEnd = transpose.RowPointers[i + 1];
            while (k < kEnd || t < tEnd)
            {
                int j = Math.Min(k < kEnd ? ColumnIndices[k] : int.MaxValue, t < tEnd ? transpose.ColumnIndices[t] : int.MaxValue);
                double aij = k < kEnd && ColumnIndices[k] == j ? Values[k++] : 0;
                double aji = t < tEnd && transpose.ColumnIndices[t] == j ? transpose.Values[t++] : 0;
                if (!AreSymmetricTwins(aij, aji, diagonal[i], diagonal[j])) return (i, j, aij, aji);
            }
        }
        return null;
    }

    /// <summary>Returns Aᵀ as a new CSR matrix.</summary>
    public CsrMatrix Transpose()
    {
        // Counting sort by column; visiting the rows in order leaves every row of Aᵀ sorted.
        var indptr = new int[Cols + 1];
        foreach (int j in ColumnIndices) indptr[j + 1]++;
        for (int j = 0; j < Cols; j++) indptr[j + 1] += indptr[j];
        var next = indptr[..Cols];
        var indices = new int[NonZeros];
        var values = new double[NonZeros];
        for (int i = 0; i < Rows; i++)
            for (int k = RowPointers[i]; k < RowPointers[i + 1]; k++)
            {
                int p = next[ColumnIndices[k]]++;
                indices[p] = i;
                values[p] = Values[k];
            }
        return new CsrMatrix(Cols, Rows, indptr, indices, values);
    }

    /// <summary>Returns a new matrix with the rows and columns kept by the given index lists, in their order.</summary>
    public CsrMatrix Submatrix(IReadOnlyList<int> keepRows, IReadOnlyList<int> keepCols)
    {
        var colMap = Enumerable.Repeat(-1, Cols).ToArray();
        for (int c = 0; c < keepCols.Count; c++) colMap[keepCols[c]] = c;
        var ri = new List<int>(); var ci = new List<int>(); var vi = new List<double>();
        for (int r = 0; r < keepRows.Count; r++)
        {
            int i = keepRows[r];
            for (int k = RowPointers[i]; k < RowPointers[i + 1]; k++)
            {
                int c = colMap[ColumnIndices[k]];
                if (c < 0) continue;
                ri.Add(r); ci.Add(c); vi.Add(Values[k]);
            }
        }
        return FromTriplets(keepRows.Count, keepCols.Count, ri.ToArray(), ci.ToArray(), vi.ToArray());
    }
}
