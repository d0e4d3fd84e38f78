namespace Rom.LinearAlgebra.Direct;

/// <summary>
/// The elimination tree of a symmetric matrix and what follows from it: a postorder and the column counts of L
/// (T. Davis, Direct Methods for Sparse Linear Systems, SIAM 2006, §4.1–4.5; J. Liu, The role of elimination trees
/// in sparse factorization, SIAM J. Matrix Anal. Appl. 11, 1990).
/// </summary>
/// <remarks>
/// The matrix is given by its strictly lower pattern row by row: row i lists the columns j &lt; i with a_ij ≠ 0,
/// which is also the strictly upper part of column i. parent[j] = −1 marks a root.
/// </remarks>
internal static class EliminationTree
{
    /// <summary>Liu's algorithm: parent[j] = min{ i &gt; j : l_ij ≠ 0 }, found with path-compressed ancestors.</summary>
    public static int[] Parents(int n, ReadOnlySpan<int> rowStart, ReadOnlySpan<int> rowColumns)
    {
        CheckRows(n, rowStart, rowColumns);
        var parent = new int[n];
        var ancestor = new int[n];
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            ancestor[k] = -1;
            // Climb from every i with a_ik ≠ 0 (i < k) to the root of its current subtree; k becomes that root's parent.
            for (int p = rowStart[k]; p < rowStart[k + 1]; p++)
            {
                int i = rowColumns[p];
                while (i != -1 && i < k)
                {
                    int next = ancestor[i];
                    ancestor[i] = k;
                    if (next == -1) parent[i] = k;
                    i = next;
                }
            }
        }
        return parent;
    }

    /// <summary>A postorder of the forest: post[k] is the k-th node visited, children before parents, subtrees contiguous.</summary>
    public static int[] Postorder(ReadOnlySpan<int> parent)
    {
        int n = parent.Length;
        // Children as linked lists, built backwards so that each list is in increasing order.
        var head = new int[n];
        var next = new int[n];
        Array.Fill(head, -1);
        for (int j = n - 1; j >= 0; j--)
        {
            int p = parent[j];
            if (p == -1) continue;
            if ((uint)p >= (uint)n || p <= j)
                throw new ArgumentException($"parent[{j}] = {p}; expected −1 or an index in {j + 1}..{n - 1}.", nameof(parent));
            next[j] = head[p];
            head[p] = j;
        }
        var post = new int[n];
        var stack = new int[n];
        int k = 0;
        for (int root = 0; root < n; root++)
        {
            if (parent[root] != -1) continue;
            int top = 0;
            stack[0] = root;
            while (top >= 0)
            {
                int j = stack[top];
                int child = head[j];
                if (child == -1)
                {
                    post[k++] = j;
                    top--;
                }
                else
                {
                    head[j] = next[child];
                    stack[++top] = child;
                }
            }
        }
        return post;
    }

    /// <summary>
    /// Column counts of L (diagonal included) by row subtrees: row i of L is the union of the tree paths from each
    /// j with a_ij ≠ 0 up to i (Davis §4.4), so walking those paths once per row counts every entry of L.
    /// </summary>
    public static int[] ColumnCounts(ReadOnlySpan<int> parent, ReadOnlySpan<int> rowStart, ReadOnlySpan<int> rowColumns)
    {
        int n = parent.Length;
        CheckRows(n, rowStart, rowColumns);
        var count = new int[n];
        var mark = new int[n];
        Array.Fill(mark, -1);
        for (int i = 0; i < n; i++)
        {
            count[i]++;
            mark[i] = i;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++)
                for (int j = rowColumns[p]; mark[j] != i; j = parent[j])
                {
                    count[j]++;
                    mark[j] = i;
                }
        }
        return count;
    }

    private static void CheckRows(int n, ReadOnlySpan<int> rowStart, ReadOnlySpan<int> rowColumns)
    {
        if (rowStart.Length != n + 1)
            throw new ArgumentException($"rowStart has length {rowStart.Length}, expected n + 1 = {n + 1}.", nameof(rowStart));
        for (int i = 0; i < n; i++)
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++)
                if ((uint)rowColumns[p] >= (uint)i)
                    throw new ArgumentException($"Row {i} lists column {rowColumns[p]}; expected only columns 0..{i - 1} (the strictly lower part).", nameof(rowColumns));
    }
}
