namespace Rom.LinearAlgebra.Direct;

/// <summary>
/// The symbolic analysis of a sparse Cholesky factorisation P A Pᵀ = L Lᵀ: fill-reducing ordering, elimination tree,
/// column counts and the supernode partition with each supernode's row structure. It depends on the pattern only,
/// so one analysis serves every matrix with the same pattern (e.g. A(μ) = Σ μ_q A_q for all μ).
/// </summary>
/// <remarks>
/// Follows T. Davis, Direct Methods for Sparse Linear Systems (SIAM 2006), ch. 4, and for supernodes J. Liu, E. Ng and
/// B. Peyton, On finding supernodes for sparse matrix computations (SIAM J. Matrix Anal. Appl. 14, 1993), with
/// relaxed amalgamation as in C. Ashcraft and R. Grimes, The influence of relaxed supernode partitions on the
/// multifrontal method (ACM TOMS 15, 1989). Only the lower triangle of A is read for values, but the pattern
/// must be symmetric.
/// </remarks>
public sealed class SymbolicCholesky
{
    private readonly int[] _patternRowPointers;
    private readonly int[] _patternColumnIndices;

    private SymbolicCholesky(CsrMatrix a, CholeskyOptions options)
    {
        Options = options;
        Dimension = a.Rows;
        _patternRowPointers = (int[])a.RowPointers.Clone();
        _patternColumnIndices = (int[])a.ColumnIndices.Clone();
    }

    /// <summary>The settings the analysis was made with.</summary>
    public CholeskyOptions Options { get; }

    /// <summary>Size n of the n × n matrix.</summary>
    public int Dimension { get; }

    /// <summary>The fill-reducing permutation: unknown k of the factor is unknown Permutation[k] of A.</summary>
    public IReadOnlyList<int> Permutation => Perm;

    /// <summary>Parent of each column of L in the elimination tree (permuted numbering), −1 for a root.</summary>
    public IReadOnlyList<int> EliminationTree => Parent;

    /// <summary>Number of non-zeros in each column of L, diagonal included (permuted numbering).</summary>
    public IReadOnlyList<int> ColumnCounts => Counts;

    /// <summary>Number of structural non-zeros of L (diagonal included), the sum of the column counts.</summary>
    public int NonZerosInFactor { get; private set; }

    /// <summary>Number of supernodes (groups of consecutive columns stored as one dense block).</summary>
    public int SupernodeCount => SupernodeStart.Length - 1;

    /// <summary>Number of values the supernodal factor stores, explicit zeros of relaxed supernodes included.</summary>
    public int StoredValues => ValueStart[^1];

    internal int[] Perm { get; private set; } = [];
    internal int[] InversePerm { get; private set; } = [];
    internal int[] Parent { get; private set; } = [];
    internal int[] Counts { get; private set; } = [];

    /// <summary>First column of each supernode; SupernodeStart[^1] = n.</summary>
    internal int[] SupernodeStart { get; private set; } = [0];

    /// <summary>Rows[RowStart[s] ..] are the rows of supernode s, ascending; its own columns come first.</summary>
    internal int[] RowStart { get; private set; } = [0];

    internal int[] Rows { get; private set; } = [];

    /// <summary>For each row position p ≥ (column count) of a supernode: where that row sits in its parent's rows.</summary>
    internal int[] ParentPosition { get; private set; } = [];

    /// <summary>Supernode s is a dense column-major block of (rows × columns) values from ValueStart[s].</summary>
    internal int[] ValueStart { get; private set; } = [0];

    /// <summary>Children[ChildStart[s] ..] are the child supernodes of s, ascending.</summary>
    internal int[] ChildStart { get; private set; } = [0];

    internal int[] Children { get; private set; } = [];

    /// <summary>Largest update (Schur complement) block of one supernode, in values.</summary>
    internal int MaxUpdateSize { get; private set; }

    /// <summary>Most values the update blocks waiting for their parent ever hold together.</summary>
    internal int UpdateStackSize { get; private set; }

    /// <summary>The factor's value AssemblyTarget[e] starts as a.Values[AssemblySource[e]] (lower-triangle entries).</summary>
    internal int[] AssemblySource { get; private set; } = [];

    internal int[] AssemblyTarget { get; private set; } = [];

    /// <summary>a.Values[MirrorUpper[e]] is the transposed twin of the strictly lower a.Values[MirrorLower[e]].</summary>
    internal int[] MirrorLower { get; private set; } = [];

    internal int[] MirrorUpper { get; private set; } = [];

    /// <summary>Analyses the pattern of the square, structurally symmetric matrix <paramref name="a"/>.</summary>
    public static SymbolicCholesky Analyze(CsrMatrix a, CholeskyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= new CholeskyOptions();
        options.Validate();
        if (a.Rows != a.Cols)
            throw new ArgumentException($"The matrix is {a.Rows}×{a.Cols}; a Cholesky factorisation needs a square matrix.", nameof(a));
        var symbolic = new SymbolicCholesky(a, options);
        symbolic.FindMirrors(a);

        // Order, then relabel by a postorder of the elimination tree (same fill) so that supernodes are contiguous.
        int n = a.Rows;
        var ordered = options.Ordering == FillReducingOrdering.NestedDissection
            ? Ordering.NestedDissection(a, options.LeafSize)
            : Ordering.Natural(n);
        var (rowStart, rowColumns) = LowerRows(a, Ordering.Inverse(ordered));
        var post = Direct.EliminationTree.Postorder(Direct.EliminationTree.Parents(n, rowStart, rowColumns));
        var perm = new int[n];
        for (int k = 0; k < n; k++) perm[k] = ordered[post[k]];
        symbolic.Perm = perm;
        symbolic.InversePerm = Ordering.Inverse(perm);

        (rowStart, rowColumns) = LowerRows(a, symbolic.InversePerm);
        symbolic.Parent = Direct.EliminationTree.Parents(n, rowStart, rowColumns);
        symbolic.Counts = Direct.EliminationTree.ColumnCounts(symbolic.Parent, rowStart, rowColumns);
        long nnz = 0;
        foreach (int c in symbolic.Counts) nnz += c;
        if (nnz > int.MaxValue)
            throw new ArgumentException($"The factor would hold {nnz} non-zeros, more than this implementation addresses ({int.MaxValue}).", nameof(a));
        symbolic.NonZerosInFactor = (int)nnz;

        symbolic.FindSupernodes();
        symbolic.BuildSupernodeRows(a);
        symbolic.SizeUpdateStack();
        return symbolic;
    }

    /// <summary>True when <paramref name="a"/> has exactly the pattern this analysis was made for.</summary>
    public bool Matches(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Rows == Dimension && a.Cols == Dimension
            && a.RowPointers.AsSpan().SequenceEqual(_patternRowPointers)
            && a.ColumnIndices.AsSpan().SequenceEqual(_patternColumnIndices);
    }

    /// <summary>Throws unless every a_ij and a_ji are <see cref="CsrMatrix.AreSymmetricTwins"/> (the factorisation reads the lower triangle only).</summary>
    internal void CheckSymmetricValues(CsrMatrix a)
    {
        var values = a.Values;
        var diagonal = a.Diagonal();
        // MirrorLower runs through the lower entries in storage order, so one cursor follows their row.
        for (int e = 0, i = 0; e < MirrorLower.Length; e++)
        {
            while (a.RowPointers[i + 1] <= MirrorLower[e]) i++;
            double lower = values[MirrorLower[e]], upper = values[MirrorUpper[e]];
            int j = a.ColumnIndices[MirrorLower[e]];
            if (!CsrMatrix.AreSymmetricTwins(lower, upper, diagonal[i], diagonal[j]))
                throw new ArgumentException($"The matrix is not symmetric: a[{i},{j}] = {lower:G17} but a[{j},{i}] = {upper:G17}.", nameof(a));
        }
    }

    /// <summary>
    /// Pairs every strictly lower entry (i, j) with its twin (j, i), throwing when the pattern is not symmetric.
    /// Row j's upper entries are met in increasing i as the rows i are swept in order, so one cursor per row suffices.
    /// </summary>
    private void FindMirrors(CsrMatrix a)
    {
        int n = a.Rows;
        var indptr = a.RowPointers;
        var indices = a.ColumnIndices;
        var cursor = new int[n];
        int lowerCount = 0;
        for (int j = 0; j < n; j++)
        {
            int p = indptr[j];
            while (p < indptr[j + 1] && indices[p] <= j) p++;
            cursor[j] = p;
            lowerCount += p - indptr[j] - (p > indptr[j] && indices[p - 1] == j ? 1 : 0);
        }
        var lower = new int[lowerCount];
        var upper = new int[lowerCount];
        int e = 0;
        for (int i = 0; i < n; i++)
            for (int p = indptr[i]; p < indptr[i + 1] && indices[p] < i; p++)
            {
                int j = indices[p];
                if (cursor[j] == indptr[j + 1] || indices[cursor[j]] != i)
                    throw new ArgumentException($"The matrix pattern is not symmetric: a[{i},{j}] is stored but a[{j},{i}] is not (or an upper entry of row {j} has no twin).", nameof(a));
                lower[e] = p;
                upper[e++] = cursor[j]++;
            }
        for (int j = 0; j < n; j++)
            if (cursor[j] != indptr[j + 1])
                throw new ArgumentException($"The matrix pattern is not symmetric: a[{j},{indices[cursor[j]]}] is stored but a[{indices[cursor[j]]},{j}] is not.", nameof(a));
        MirrorLower = lower;
        MirrorUpper = upper;
    }

    /// <summary>The strictly lower pattern of P A Pᵀ by rows: row i lists the columns j &lt; i with (PAPᵀ)_ij ≠ 0.</summary>
    private static (int[] RowStart, int[] RowColumns) LowerRows(CsrMatrix a, int[] inversePerm)
    {
        int n = a.Rows;
        var indptr = a.RowPointers;
        var indices = a.ColumnIndices;
        var start = new int[n + 1];
        for (int r = 0; r < n; r++)
            for (int p = indptr[r]; p < indptr[r + 1] && indices[p] < r; p++)
                start[Math.Max(inversePerm[r], inversePerm[indices[p]]) + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        var next = start[..n];
        var columns = new int[start[n]];
        for (int r = 0; r < n; r++)
            for (int p = indptr[r]; p < indptr[r + 1] && indices[p] < r; p++)
            {
                int i = inversePerm[r], j = inversePerm[indices[p]];
                columns[next[Math.Max(i, j)]++] = Math.Min(i, j);
            }
        return (start, columns);
    }

    /// <summary>
    /// Column j joins the supernode of columns first..j−1 when it is the parent of j−1 and the merged block
    /// (columns first..j, rows {first..j} ∪ struct L(:, j)) adds no explicit zeros, or few enough for its width
    /// (relaxed amalgamation: a few stored zeros buy larger dense blocks and fewer, cheaper assembly steps).
    /// </summary>
    private void FindSupernodes()
    {
        int n = Dimension;
        var starts = new List<int> { 0 };
        int first = 0;
        long trueEntries = n > 0 ? Counts[0] : 0;
        for (int j = 1; j < n; j++)
        {
            if (Parent[j - 1] == j)
            {
                long width = j - first + 1;
                long height = width + Counts[j] - 1;
                long stored = width * height - width * (width - 1) / 2;
                long zeros = stored - trueEntries - Counts[j];
                if (zeros == 0 || Relaxed(width, zeros, stored))
                {
                    trueEntries += Counts[j];
                    continue;
                }
            }
            starts.Add(j);
            first = j;
            trueEntries = Counts[j];
        }
        if (n > 0) starts.Add(n);
        SupernodeStart = starts.ToArray();
    }

    /// <summary>Amalgamation thresholds of CHOLMOD's defaults (T. Davis, CHOLMOD user guide): narrow blocks always, wider ones with fewer zeros.</summary>
    private static bool Relaxed(long width, long zeros, long stored) =>
        width <= 4 || (width <= 16 && zeros < 0.8 * stored) || (width <= 48 && zeros < 0.1 * stored) || zeros < 0.05 * stored;

    /// <summary>
    /// Rows of supernode s: its own columns, the lower entries of A in those columns, and the rows of each child's
    /// update block beyond them (the column-structure recurrence of Davis §4.2, per supernode); then the maps that
    /// place A's entries and each child's update rows into the dense blocks.
    /// </summary>
    private void BuildSupernodeRows(CsrMatrix a)
    {
        int n = Dimension, count = SupernodeCount;
        var supernodeOf = new int[n];
        for (int s = 0; s < count; s++)
            for (int j = SupernodeStart[s]; j < SupernodeStart[s + 1]; j++) supernodeOf[j] = s;

        var childStart = new int[count + 1];
        var parentOf = new int[count];
        for (int s = 0; s < count; s++)
        {
            int p = Parent[SupernodeStart[s + 1] - 1];
            parentOf[s] = p < 0 ? -1 : supernodeOf[p];
            if (p >= 0) childStart[parentOf[s] + 1]++;
        }
        for (int s = 0; s < count; s++) childStart[s + 1] += childStart[s];
        var children = new int[childStart[count]];
        var nextChild = childStart[..count];
        for (int s = 0; s < count; s++)
            if (parentOf[s] >= 0) children[nextChild[parentOf[s]]++] = s;
        ChildStart = childStart;
        Children = children;

        var (entryStart, entryRow, entrySource) = LowerColumns(a);

        var rowStart = new int[count + 1];
        var rows = new List<int>(NonZerosInFactor / 2 + n);
        var mark = new int[n];
        Array.Fill(mark, -1);
        var offDiagonal = new List<int>();
        for (int s = 0; s < count; s++)
        {
            int first = SupernodeStart[s], end = SupernodeStart[s + 1];
            for (int j = first; j < end; j++)
            {
                mark[j] = s;
                rows.Add(j);
            }
            offDiagonal.Clear();
            for (int e = entryStart[first]; e < entryStart[end]; e++)
                Include(entryRow[e]);
            for (int c = childStart[s]; c < childStart[s + 1]; c++)
            {
                int child = children[c];
                int width = SupernodeStart[child + 1] - SupernodeStart[child];
                for (int p = rowStart[child] + width; p < rowStart[child + 1]; p++)
                    Include(rows[p]);
            }
            offDiagonal.Sort();
            rows.AddRange(offDiagonal);
            rowStart[s + 1] = rows.Count;

            void Include(int i)
            {
                if (mark[i] == s) return;
                mark[i] = s;
                offDiagonal.Add(i);
            }
        }
        RowStart = rowStart;
        Rows = rows.ToArray();

        // Dense block offsets, then the positions of A's entries and of the children's update rows.
        var valueStart = new int[count + 1];
        for (int s = 0; s < count; s++)
        {
            long size = (long)(rowStart[s + 1] - rowStart[s]) * (SupernodeStart[s + 1] - SupernodeStart[s]);
            if (valueStart[s] + size > int.MaxValue)
                throw new ArgumentException($"The supernodal factor would store more than {int.MaxValue} values.", nameof(a));
            valueStart[s + 1] = valueStart[s] + (int)size;
        }
        ValueStart = valueStart;
        var position = mark;
        var parentPosition = new int[Rows.Length];
        var target = new int[entryRow.Length];
        for (int s = 0; s < count; s++)
        {
            int first = SupernodeStart[s], height = rowStart[s + 1] - rowStart[s];
            for (int p = rowStart[s]; p < rowStart[s + 1]; p++) position[Rows[p]] = p - rowStart[s];
            for (int j = first; j < SupernodeStart[s + 1]; j++)
                for (int e = entryStart[j]; e < entryStart[j + 1]; e++)
                    target[e] = valueStart[s] + position[entryRow[e]] + (j - first) * height;
            for (int c = childStart[s]; c < childStart[s + 1]; c++)
            {
                int child = children[c];
                int width = SupernodeStart[child + 1] - SupernodeStart[child];
                for (int p = rowStart[child] + width; p < rowStart[child + 1]; p++)
                    parentPosition[p] = position[Rows[p]];
            }
        }
        ParentPosition = parentPosition;
        AssemblySource = entrySource;
        AssemblyTarget = target;
    }

    /// <summary>The lower triangle of P A Pᵀ by columns (diagonal included): row indices and where each value sits in a.Values.</summary>
    private (int[] Start, int[] Row, int[] Source) LowerColumns(CsrMatrix a)
    {
        int n = Dimension;
        var indptr = a.RowPointers;
        var indices = a.ColumnIndices;
        var pinv = InversePerm;
        var start = new int[n + 1];
        for (int r = 0; r < n; r++)
            for (int p = indptr[r]; p < indptr[r + 1] && indices[p] <= r; p++)
                start[Math.Min(pinv[r], pinv[indices[p]]) + 1]++;
        for (int j = 0; j < n; j++) start[j + 1] += start[j];
        var next = start[..n];
        var row = new int[start[n]];
        var source = new int[start[n]];
        for (int r = 0; r < n; r++)
            for (int p = indptr[r]; p < indptr[r + 1] && indices[p] <= r; p++)
            {
                int i = pinv[r], j = pinv[indices[p]];
                int e = next[Math.Min(i, j)]++;
                row[e] = Math.Max(i, j);
                source[e] = p;
            }
        return (start, row, source);
    }

    /// <summary>
    /// Replays the postorder: each supernode pops its children's update blocks and pushes its own, so the peak
    /// of the stack is the workspace the multifrontal factorisation needs.
    /// </summary>
    private void SizeUpdateStack()
    {
        long top = 0, peak = 0;
        int largest = 0;
        for (int s = 0; s < SupernodeCount; s++)
        {
            for (int c = ChildStart[s]; c < ChildStart[s + 1]; c++)
                top -= UpdateSize(Children[c]);
            int size = UpdateSize(s);
            top += size;
            peak = Math.Max(peak, top);
            largest = Math.Max(largest, size);
        }
        if (peak > int.MaxValue)
            throw new InvalidOperationException($"The multifrontal update stack would need {peak} values, more than one array holds.");
        UpdateStackSize = (int)peak;
        MaxUpdateSize = largest;
    }

    /// <summary>Values in supernode s's update block: (rows − columns)².</summary>
    internal int UpdateSize(int s)
    {
        long r = RowStart[s + 1] - RowStart[s] - (SupernodeStart[s + 1] - SupernodeStart[s]);
        return checked((int)(r * r));
    }
}
