namespace Rom.GaussianProcesses;

/// <summary>
/// Initial mixture weights from the source's spectrum (beyond the reference, which starts every weight at 1/Q): a
/// constant-coefficient operator maps each Fourier mode to itself, so u carries energy at the frequencies where f
/// does. For axis d the weight of component q is the periodogram of f along d at f_q, summed over the other axes and
/// normalised to total 1 (as the reference's weights are), floored so that every log-weight stays finite.
/// </summary>
public static class SourceSpectrum
{
    /// <summary>The smallest weight given, relative to the total.</summary>
    public const double Floor = 1e-8;

    /// <summary>log w_q for the <paramref name="frequencies"/> (cycles per unit length) on <paramref name="axis"/>.</summary>
    public static double[] LogWeights(GpPdeProblem problem, int axis, IReadOnlyList<double> frequencies)
    {
        var grid = problem.Grid;
        if (axis < 0 || axis >= grid.Dimensions)
            throw new ArgumentException($"axis = {axis}; the grid has {grid.Dimensions} axes.", nameof(axis));
        var x = grid.Coordinates(axis);
        int n = x.Length, before = 1, after = 1;
        for (int d = 0; d < axis; d++)
            before *= grid.Sizes[d];
        for (int d = axis + 1; d < grid.Dimensions; d++)
            after *= grid.Sizes[d];
        var f = problem.Source;
        var power = new double[frequencies.Count];
        for (int q = 0; q < power.Length; q++)
        {
            var cos = x.Select(t => Math.Cos(2 * Math.PI * frequencies[q] * t)).ToArray();
            var sin = x.Select(t => Math.Sin(2 * Math.PI * frequencies[q] * t)).ToArray();
            for (int l = 0; l < before; l++)
                for (int a = 0; a < after; a++)
                {
                    double re = 0, im = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double v = f[(l * n + i) * after + a];
                        re += v * cos[i];
                        im += v * sin[i];
                    }
                    power[q] += re * re + im * im;
                }
        }
        double total = power.Sum();
        return power.Select(p => Math.Log(total > 0 ? Math.Max(p / total, Floor) : 1.0 / power.Length)).ToArray();
    }
}
