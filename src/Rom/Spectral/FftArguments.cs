namespace Rom.Spectral;

/// <summary>Checks of plan shapes and call arguments shared by the FFT plans, and the NumPy scale factors.</summary>
internal static class FftArguments
{
    /// <summary>A copy of <paramref name="shape"/> after checking it is non-empty with positive extents.</summary>
    public static int[] CheckShape(IReadOnlyList<int> shape, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(shape, parameterName);
        if (shape.Count == 0)
            throw new ArgumentException("The shape is empty; expected at least one axis extent, e.g. [n].", parameterName);
        long product = 1;
        for (int axis = 0; axis < shape.Count; axis++)
        {
            if (shape[axis] <= 0)
                throw new ArgumentException($"Axis {axis} has extent {shape[axis]}; expected a positive extent.", parameterName);
            product *= shape[axis];
            if (product > int.MaxValue / 4)
                throw new ArgumentException($"The shape [{string.Join(", ", shape)}] has too many elements for one plan.", parameterName);
        }
        return [.. shape];
    }

    /// <summary>Throws unless <paramref name="batchCount"/> is positive.</summary>
    public static void CheckBatch(int batchCount, string parameterName)
    {
        if (batchCount <= 0)
            throw new ArgumentException($"The batch count is {batchCount}; expected a positive count.", parameterName);
    }

    /// <summary>Throws unless a span holds exactly <paramref name="expected"/> elements.</summary>
    public static void CheckLength(int actual, int expected, string parameterName)
    {
        if (actual != expected)
            throw new ArgumentException(
                $"The span holds {actual} elements; expected {expected} (batch count × elements of one array).", parameterName);
    }

    /// <summary>Throws when the spans overlap without being the same memory (in place is fine, a shifted overlap is not).</summary>
    public static void CheckNoPartialOverlap<TIn, TOut>(ReadOnlySpan<TIn> input, Span<TOut> output, string parameterName)
        where TIn : struct
        where TOut : struct
    {
        var inBytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(input);
        var outBytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes((ReadOnlySpan<TOut>)output);
        if (inBytes.Overlaps(outBytes, out int offset) && offset != 0)
            throw new ArgumentException("The output overlaps the input at an offset; pass the same span (in place) or separate memory.", parameterName);
    }

    /// <summary>Whether input and output are the same memory.</summary>
    public static bool SameMemory<TIn, TOut>(ReadOnlySpan<TIn> input, Span<TOut> output)
        where TIn : struct
        where TOut : struct =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(input).Overlaps(
            System.Runtime.InteropServices.MemoryMarshal.AsBytes((ReadOnlySpan<TOut>)output), out int offset) && offset == 0;

    /// <summary>The factor NumPy applies to a transform of <paramref name="count"/> points in the given direction.</summary>
    public static double Scale(FftNormalization normalization, bool forward, int count) => normalization switch
    {
        FftNormalization.Backward => forward ? 1.0 : 1.0 / count,
        FftNormalization.Forward => forward ? 1.0 / count : 1.0,
        FftNormalization.Ortho => 1.0 / Math.Sqrt(count),
        _ => throw new ArgumentException($"Unknown normalization {normalization}; expected Backward, Ortho or Forward.", nameof(normalization)),
    };
}
