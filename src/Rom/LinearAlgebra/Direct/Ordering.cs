namespace Rom.LinearAlgebra.Direct;

/// <summary>
/// Fill-reducing symmetric orderings of a structurally symmetric sparse matrix, returned as perm with
/// perm[k] = the original index of the k-th unknown in the new order.
/// </summary>
/// <remarks>
/// Nested dissection (A. George, Nested dissection of a regular finite element mesh, SIAM J. Numer. Anal. 10, 1973;
/// A. George and J. Liu, Computer Solution of Large Sparse Positive Definite Systems, Prentice-Hall 1981, ch. 8)
/// is chosen over minimum degree because on 2-D finite-element graphs it provably gives O(n log n) fill and its
/// separators make large dense supernodes, which is where the supernodal factorisation is fast; each part no bigger
/// than the leaf size is finished by minimum degree (George and Liu, ch. 5).
/// </remarks>
public static class Ordering
{
    /// <summary>Nested dissection of the graph of <paramref name="a"/> (its pattern must be symmetric; the diagonal is ignored).</summary>
    public static int[] NestedDissection(CsrMatrix a, int leafSize)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Cols)
            throw new ArgumentException($"The matrix is {a.Rows}×{a.Cols}; expected a square matrix.", nameof(a));
        if (leafSize < 1)
            throw new ArgumentOutOfRangeException(nameof(leafSize), leafSize, "The leaf size must be at least 1.");
        var dissection = new Dissection(a.RowPointers, a.ColumnIndices, a.Rows, leafSize);
        var all = new int[a.Rows];
        for (int i = 0; i < all.Length; i++) all[i] = i;
        dissection.Order(all);
        return dissection.Result;
    }

    /// <summary>The identity permutation of length n.</summary>
    public static int[] Natural(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "The dimension must be non-negative.");
        var perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        return perm;
    }

    /// <summary>Returns the inverse permutation pinv with pinv[perm[k]] = k, checking that perm is a permutation.</summary>
    public static int[] Inverse(ReadOnlySpan<int> perm)
    {
        var inverse = new int[perm.Length];
        Array.Fill(inverse, -1);
        for (int k = 0; k < perm.Length; k++)
        {
            int i = perm[k];
            if ((uint)i >= (uint)perm.Length || inverse[i] >= 0)
                throw new ArgumentException($"perm[{k}] = {i} is out of range or repeated; expected a permutation of 0..{perm.Length - 1}.", nameof(perm));
            inverse[i] = k;
        }
        return inverse;
    }

    /// <summary>The state of one nested-dissection run: the graph, the output order, and BFS work arrays.</summary>
    private sealed class Dissection(int[] adjacencyStart, int[] adjacency, int n, int leafSize)
    {
        private readonly int[] _result = new int[n];
        private readonly int[] _label = new int[n];   // nodes of the part being split carry the current label
        private readonly int[] _level = new int[n];
        private readonly int[] _queue = new int[n];
        private readonly int[] _local = CreateFilled(n, -1);   // index within the part being ordered by minimum degree
        private int _nextLabel;
        private int _written;

        public int[] Result => _result;

        private static int[] CreateFilled(int length, int value)
        {
            var array = new int[length];
            Array.Fill(array, value);
            return array;
        }

        /// <summary>Orders a part: each connected component is dissected, parts first and separator last.</summary>
        public void Order(int[] part)
        {
            if (part.Length <= leafSize)
            {
                MinimumDegree(part);
                return;
            }
            int label = Mark(part);
            foreach (var component in Components(part, label))
                Bisect(component);
        }

        private void Bisect(int[] component)
        {
            if (component.Length <= leafSize)
            {
                MinimumDegree(component);
                return;
            }
            int label = Mark(component);
            // A connected part bigger than one node has at least two levels, so a separator exists.
            int count = PseudoPeripheralLevels(component[0], label, out int depth);

            // Separator: the median level, 0 ≤ s < depth, so the levels beyond it are not empty.
            var levelSize = new int[depth + 1];
            for (int q = 0; q < count; q++) levelSize[_level[_queue[q]]]++;
            int s = 0, below = 0;
            while (s < depth - 1 && below + levelSize[s] < count / 2) below += levelSize[s++];

            // Trim it: a separator node with no neighbour beyond the separator level joins the near side.
            var near = new List<int>();
            var far = new List<int>();
            var separator = new List<int>();
            foreach (int v in component)
            {
                int lv = _level[v];
                if (lv < s) near.Add(v);
                else if (lv > s) far.Add(v);
                else if (HasNeighbourAtLevel(v, s + 1, label)) separator.Add(v);
                else near.Add(v);
            }
            Order(near.ToArray());
            Order(far.ToArray());
            foreach (int v in separator) _result[_written++] = v;
        }

        private bool HasNeighbourAtLevel(int v, int level, int label)
        {
            for (int p = adjacencyStart[v]; p < adjacencyStart[v + 1]; p++)
            {
                int w = adjacency[p];
                if (w != v && _label[w] == label && _level[w] == level) return true;
            }
            return false;
        }

        private int Mark(int[] part)
        {
            int label = ++_nextLabel;
            foreach (int v in part) _label[v] = label;
            return label;
        }

        /// <summary>Splits a marked part into its connected components by breadth-first search.</summary>
        private List<int[]> Components(int[] part, int label)
        {
            var components = new List<int[]>();
            int seen = ++_nextLabel;
            foreach (int v in part)
            {
                if (_label[v] != label) continue;
                int count = Search(v, label, seen);
                components.Add(_queue[..count]);
            }
            foreach (int v in part) _label[v] = label;
            return components;
        }

        /// <summary>
        /// George–Liu: restart the level structure from a minimum-degree node of the last level while the depth grows;
        /// leaves the deepest structure found in _queue and _level and returns its node count.
        /// </summary>
        private int PseudoPeripheralLevels(int start, int label, out int depth)
        {
            int count = LevelStructure(start, label);
            depth = _level[_queue[count - 1]];
            while (true)
            {
                int candidate = -1, best = int.MaxValue;
                for (int q = count - 1; q >= 0 && _level[_queue[q]] == depth; q--)
                {
                    int v = _queue[q], degree = Degree(v, label);
                    if (degree < best) { best = degree; candidate = v; }
                }
                count = LevelStructure(candidate, label);
                int candidateDepth = _level[_queue[count - 1]];
                // The candidate's eccentricity is at least the depth; when it is no larger, keep its structure.
                if (candidateDepth <= depth) return count;
                depth = candidateDepth;
            }
        }

        private int Degree(int v, int label)
        {
            int degree = 0;
            for (int p = adjacencyStart[v]; p < adjacencyStart[v + 1]; p++)
                if (adjacency[p] != v && _label[adjacency[p]] == label) degree++;
            return degree;
        }

        /// <summary>Breadth-first levels from root over the nodes carrying label; returns how many were reached (in _queue).</summary>
        private int LevelStructure(int root, int label)
        {
            int visited = ++_nextLabel;
            int count = Search(root, label, visited);
            for (int q = 0; q < count; q++) _label[_queue[q]] = label;
            return count;
        }

        /// <summary>BFS from root through nodes labelled <paramref name="label"/>, relabelling them <paramref name="visited"/>; fills _queue and _level.</summary>
        private int Search(int root, int label, int visited)
        {
            int head = 0, tail = 0;
            _queue[tail++] = root;
            _label[root] = visited;
            _level[root] = 0;
            while (head < tail)
            {
                int v = _queue[head++];
                for (int p = adjacencyStart[v]; p < adjacencyStart[v + 1]; p++)
                {
                    int w = adjacency[p];
                    if (_label[w] != label) continue;
                    _label[w] = visited;
                    _level[w] = _level[v] + 1;
                    _queue[tail++] = w;
                }
            }
            return tail;
        }

        /// <summary>Minimum degree on the part's own graph: repeatedly eliminate a node of least degree, joining its neighbours.</summary>
        private void MinimumDegree(int[] part)
        {
            int m = part.Length;
            for (int i = 0; i < m; i++) _local[part[i]] = i;
            var adjacent = new bool[m, m];
            var degree = new int[m];
            for (int i = 0; i < m; i++)
                for (int p = adjacencyStart[part[i]]; p < adjacencyStart[part[i] + 1]; p++)
                {
                    int j = _local[adjacency[p]];
                    if (j < 0 || j == i || adjacent[i, j]) continue;
                    adjacent[i, j] = true;
                    degree[i]++;
                }
            foreach (int v in part) _local[v] = -1;
            var eliminated = new bool[m];
            var neighbours = new List<int>();
            for (int step = 0; step < m; step++)
            {
                int v = -1;
                for (int i = 0; i < m; i++)
                    if (!eliminated[i] && (v < 0 || degree[i] < degree[v])) v = i;
                eliminated[v] = true;
                _result[_written++] = part[v];
                neighbours.Clear();
                for (int i = 0; i < m; i++)
                    if (adjacent[v, i]) neighbours.Add(i);
                foreach (int a in neighbours)
                {
                    adjacent[a, v] = false;
                    degree[a]--;
                    foreach (int b in neighbours)
                        if (a != b && !adjacent[a, b])
                        {
                            adjacent[a, b] = true;
                            degree[a]++;
                        }
                }
            }
        }
    }
}
