namespace Rom.SpectralSolvers;

/// <summary>Errors measured on an evaluation grid, where the reference is only known as values.</summary>
public static class GridNorms
{
    /// <summary>‖a − b‖ / ‖b‖ over the grid's points with equal weights (the trapezoidal rule up to the end times' halves).</summary>
    /// <exception cref="ArgumentException">Lengths that differ.</exception>
    public static double RelativeL2(ReadOnlySpan<double> values, ReadOnlySpan<double> reference)
    {
        if (values.Length != reference.Length)
            throw new ArgumentException($"values has {values.Length} entries; the reference has {reference.Length}.", nameof(values));
        double difference = 0, norm = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            difference += (values[i] - reference[i]) * (values[i] - reference[i]);
            norm += reference[i] * reference[i];
        }
        return Math.Sqrt(difference / norm);
    }
}
