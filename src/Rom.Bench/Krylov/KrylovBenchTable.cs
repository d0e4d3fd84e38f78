namespace Rom.Bench.Krylov;

/// <summary>The benchmark's rows as a fixed-width text table, one block per family and size.</summary>
public static class KrylovBenchTable
{
    /// <summary>Writes the table; ratios are this row over the block's reference (below 1: fewer or faster).</summary>
    public static void Write(TextWriter writer, IReadOnlyList<KrylovBenchRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.WriteLine($"Krylov benchmark, tolerance {KrylovBenchOptions.Tolerance:G} (relative residual), seconds per system = preconditioner set-up + solve.");
        writer.WriteLine("SciPy's A-products are counted in a second, untimed solve of the first 5 systems only (bench_krylov.py --count-subset).");
        foreach (var block in rows.GroupBy(r => (r.Family, r.N)))
        {
            var first = block.First();
            writer.WriteLine();
            writer.WriteLine($"{first.Family}, n = {first.N}; ratios against {first.Reference}; SciPy's best {Format(first.ScipyBestSeconds, "F4")} s per system");
            writer.WriteLine($"{"source",-6} {"mode",-28} {"precond",-9} {"systems",7} {"iters",9} {"A-products",10} {"s/system",9} {"it ratio",8} {"t ratio",8} {"conv",5} {"max resid",9}");
            foreach (var r in block)
                writer.WriteLine($"{r.Source,-6} {r.Mode,-28} {r.Preconditioner,-9} {r.Systems,7} {Format(r.AverageIterations, "F1"),9} {Format(r.AverageProducts, "F1"),10} " +
                    $"{Format(r.AverageSeconds, "F4"),9} {Format(r.IterationRatio, "F3"),8} {Format(r.TimeRatio, "F3"),8} {r.Converged,5} {r.MaxResidual,9:0.0e+00}");
        }
    }

    private static string Format(double value, string format) =>
        double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
