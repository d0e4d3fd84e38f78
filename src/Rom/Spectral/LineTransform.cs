namespace Rom.Spectral;

/// <summary>
/// A planned forward DFT of length <see cref="Length"/> applied at once to <c>s</c> interleaved sequences:
/// element j of sequence q is complex number q + s·j of the data (interleaved re/im doubles). With s = 1 this is one
/// contiguous sequence; with s = the product of the later extents it is a whole axis of a row-major array.
/// Plans are immutable: concurrent calls with separate data and work buffers are safe.
/// </summary>
internal abstract class LineTransform
{
    /// <summary>Length of each sequence.</summary>
    public abstract int Length { get; }

    /// <summary>Doubles of scratch space <see cref="Forward(Span{double}, int, Span{double})"/> needs for <paramref name="interleaved"/> sequences.</summary>
    public abstract int WorkLength(int interleaved);

    /// <summary>Forward transform in place of <paramref name="interleaved"/> sequences held in <paramref name="data"/>.</summary>
    public abstract void Forward(Span<double> data, int interleaved, Span<double> work);

    /// <summary>
    /// Forward transform of <paramref name="interleaved"/> sequences read from <paramref name="source"/> and written to
    /// <paramref name="destination"/> (which may be the same memory); this default copies, then transforms in place.
    /// </summary>
    public virtual void Forward(ReadOnlySpan<double> source, Span<double> destination, int interleaved, Span<double> work)
    {
        source[..(2 * Length * interleaved)].CopyTo(destination);
        Forward(destination, interleaved, work);
    }

    /// <summary>Doubles of scratch space <see cref="ForwardColumns"/> needs for <paramref name="width"/> columns.</summary>
    public virtual int ColumnsWorkLength(int width) => 2 * Length * width + WorkLength(width);

    /// <summary>
    /// Forward transform in place of <paramref name="width"/> columns of a row-major array with rows of
    /// <paramref name="stride"/> complex numbers: element j of column c is complex number c + stride·j of
    /// <paramref name="data"/>. This default gathers the columns into scratch, transforms them there and scatters them back.
    /// </summary>
    public virtual void ForwardColumns(Span<double> data, int stride, int width, Span<double> work)
    {
        int n = Length;
        var gathered = work[..(2 * n * width)];
        for (int j = 0; j < n; j++)
            data.Slice(2 * j * stride, 2 * width).CopyTo(gathered.Slice(2 * j * width, 2 * width));
        Forward(gathered, width, work[(2 * n * width)..]);
        for (int j = 0; j < n; j++)
            gathered.Slice(2 * j * width, 2 * width).CopyTo(data.Slice(2 * j * stride, 2 * width));
    }

    /// <summary>The plan for length <paramref name="n"/>: Stockham when n has no prime factor above 5, else Bluestein.</summary>
    public static LineTransform Create(int n) =>
        StockhamTransform.TryFactor(n, out var radices) ? new StockhamTransform(n, radices) : new BluesteinTransform(n);
}
