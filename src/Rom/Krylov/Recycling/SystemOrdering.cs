using Rom.LinearAlgebra;

namespace Rom.Krylov.Recycling;

/// <summary>
/// Orders a family of systems so neighbours are similar, for solving them in turn with a recycling solver (SKR,
/// Wang et al., ICLR 2024, §4.1: greedy sorting on the distance between parameter fields).
/// </summary>
public static class SystemOrdering
{
    /// <summary>The symmetric matrix of Frobenius distances ‖a_i − a_j‖_F between same-sized fields.</summary>
    public static double[,] FrobeniusDistances(IReadOnlyList<double[,]> fields)
    {
        Require.NotEmpty(fields, "At least one field is needed.");
        int rows = fields[0].GetLength(0), cols = fields[0].GetLength(1);
        for (int i = 0; i < fields.Count; i++)
            if (fields[i].GetLength(0) != rows || fields[i].GetLength(1) != cols)
                throw new ArgumentException($"Field {i} is {fields[i].GetLength(0)}×{fields[i].GetLength(1)}, expected {rows}×{cols} like field 0.", nameof(fields));
        return FrobeniusDistances(fields.Select(f => f.Cast<double>().ToArray()).ToArray());
    }

    /// <summary>
    /// The symmetric matrix of Euclidean (Frobenius, for flattened fields) distances ‖a_i − a_j‖ between same-length
    /// vectors. Rows are computed in parallel; each entry is one sequential sum, so the result does not depend on
    /// the thread count.
    /// </summary>
    public static double[,] FrobeniusDistances(IReadOnlyList<double[]> fields)
    {
        RequireSameLengths(fields);
        int count = fields.Count;
        var distances = new double[count, count];
        Parallel.For(0, count, i =>
        {
            for (int j = i + 1; j < count; j++)
                distances[i, j] = distances[j, i] = Distance(fields[i], fields[j]);
        });
        return distances;
    }

    /// <summary>SKR's greedy chain: start at system 0, then repeatedly visit the nearest unvisited system (ties: lowest index).</summary>
    public static int[] GreedyChain(double[,] distances) => Greedy(distances, CheckDistances(distances), 0);

    /// <summary>
    /// A chain that starts at an extreme system instead of inside the family: the greedy chain from
    /// one end of an approximate diameter (the system farthest from system 0), then 2-opt
    /// segment reversals (Croes, Oper. Res. 6, 1958) until no reversal shortens the open path.
    /// </summary>
    public static int[] DiameterChainTwoOpt(double[,] distances)
    {
        int count = CheckDistances(distances);
        var order = Greedy(distances, count, Farthest(distances, 0, count));
        bool improved = true;
        while (improved)
        {
            improved = false;
            for (int i = 0; i < count - 1; i++)
                for (int j = i + 1; j < count; j++)
                {
                    // Reversing order[i+1..j] replaces edges (o_i, o_{i+1}) and (o_j, o_{j+1}); the last has no successor.
                    double before = distances[order[i], order[i + 1]] + (j + 1 < count ? distances[order[j], order[j + 1]] : 0);
                    double after = distances[order[i], order[j]] + (j + 1 < count ? distances[order[i + 1], order[j + 1]] : 0);
                    if (after < before * (1 - 1e-12))
                    {
                        Array.Reverse(order, i + 1, j - i);
                        improved = true;
                    }
                }
        }
        return order;
    }

    /// <summary>
    /// SKR's ordering for many systems (≥ 10³), where the N × N distance matrix no longer fits: the fields are sorted by
    /// their coordinate along the leading principal direction of the centred fields (power iteration), cut into
    /// consecutive groups of at most <paramref name="groupSize"/>, and each group is ordered by the greedy chain on its
    /// own distances, starting at the member nearest to the previous group's last system. Memory O(G² + N), distance
    /// work O(N·G·n) instead of O(N²·n). With one group it is the greedy chain started at the first system in that
    /// coordinate order.
    /// </summary>
    public static int[] GroupedGreedyChain(IReadOnlyList<double[]> fields, int groupSize)
    {
        RequireSameLengths(fields);
        if (groupSize < 2)
            throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, "A group needs at least two systems.");
        var coordinate = LeadingCoordinates(fields);
        var sorted = Enumerable.Range(0, fields.Count).OrderBy(i => coordinate[i]).ThenBy(i => i).ToArray();
        var order = new List<int>(fields.Count);
        for (int first = 0; first < sorted.Length; first += groupSize)
        {
            var group = sorted[first..Math.Min(first + groupSize, sorted.Length)];
            var distances = FrobeniusDistances(group.Select(i => fields[i]).ToArray());
            int start = 0;
            if (order.Count > 0)
            {
                var last = fields[order[^1]];
                var toLast = group.Select(i => Distance(fields[i], last)).ToArray();
                start = Array.IndexOf(toLast, toLast.Min());
            }
            order.AddRange(Greedy(distances, group.Length, start).Select(k => group[k]));
        }
        return [.. order];
    }

    /// <summary>Total length Σ d(o_i, o_{i+1}) of the chain visiting the systems in <paramref name="order"/>.</summary>
    public static double ChainLength(double[,] distances, IReadOnlyList<int> order)
    {
        CheckDistances(distances);
        ArgumentNullException.ThrowIfNull(order);
        double length = 0;
        for (int i = 0; i + 1 < order.Count; i++) length += distances[order[i], order[i + 1]];
        return length;
    }

    /// <summary>
    /// Each field's coordinate along the leading principal direction of the centred fields: 30 power iterations on
    /// FᵀF (F the centred fields as rows), started from the centred field of largest norm, so the result is deterministic.
    /// </summary>
    private static double[] LeadingCoordinates(IReadOnlyList<double[]> fields)
    {
        int count = fields.Count, length = fields[0].Length;
        var mean = new double[length];
        foreach (var f in fields) Vectors.Axpy(1.0 / count, f, mean);
        var centred = fields.Select(f => { var c = (double[])f.Clone(); Vectors.Axpy(-1, mean, c); return c; }).ToArray();
        var direction = (double[])centred.MaxBy(c => Vectors.Norm(c))!.Clone();
        var coordinates = new double[count];
        for (int iteration = 0; iteration < 30; iteration++)
        {
            double norm = Vectors.Norm(direction);
            if (norm == 0) break; // all fields equal: any order is a chain of length 0
            for (int i = 0; i < length; i++) direction[i] /= norm;
            for (int k = 0; k < count; k++) coordinates[k] = Vectors.Dot(centred[k], direction);
            Array.Clear(direction);
            for (int k = 0; k < count; k++) Vectors.Axpy(coordinates[k], centred[k], direction);
        }
        return coordinates;
    }

    private static void RequireSameLengths(IReadOnlyList<double[]> fields)
    {
        Require.NotEmpty(fields, "At least one field is needed.");
        int length = fields[0].Length;
        for (int i = 0; i < fields.Count; i++)
            if (fields[i].Length != length)
                throw new ArgumentException($"Field {i} has {fields[i].Length} values, expected {length} like field 0.", nameof(fields));
    }

    private static double Distance(double[] a, double[] b)
    {
        double sum = 0;
        for (int p = 0; p < a.Length; p++)
        {
            double d = a[p] - b[p];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    private static int[] Greedy(double[,] distances, int count, int start)
    {
        var order = new int[count];
        var visited = new bool[count];
        order[0] = start;
        visited[start] = true;
        for (int step = 1; step < count; step++)
        {
            int current = order[step - 1], best = -1;
            for (int j = 0; j < count; j++)
                if (!visited[j] && (best < 0 || distances[current, j] < distances[current, best]))
                    best = j;
            order[step] = best;
            visited[best] = true;
        }
        return order;
    }

    // The lowest-index system farthest from 'from'.
    private static int Farthest(double[,] distances, int from, int count)
    {
        int best = 0;
        for (int j = 1; j < count; j++)
            if (distances[from, j] > distances[from, best]) best = j;
        return best;
    }

    private static int CheckDistances(double[,] distances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        int count = distances.GetLength(0);
        if (count == 0 || distances.GetLength(1) != count)
            throw new ArgumentException($"The distance matrix is {distances.GetLength(0)}×{distances.GetLength(1)}; expected a non-empty square matrix.", nameof(distances));
        return count;
    }
}
