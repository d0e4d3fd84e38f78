namespace Rom.Krylov.Recycling;

/// <summary>
/// A Krylov method that carries a recycle space from one solve to the next. The space can be exported and imported
/// exactly, so a sweep that stops can resume with the very state it had (bitwise equal results).
/// </summary>
public interface IRecyclingSolver : IKrylovSolver
{
    /// <summary>Number of vectors in the recycle space carried to the next solve.</summary>
    int RecycledDimension { get; }

    /// <summary>Forgets the recycle space.</summary>
    void Reset();

    /// <summary>Copies of the recycle space's vectors, in the order the solver keeps them.</summary>
    double[][] ExportRecycleSpace();

    /// <summary>
    /// Replaces the recycle space by copies of <paramref name="vectors"/> (as returned by
    /// <see cref="ExportRecycleSpace"/>); all of one length and finite, or an <see cref="ArgumentException"/>.
    /// </summary>
    void ImportRecycleSpace(IReadOnlyList<double[]> vectors);
}
