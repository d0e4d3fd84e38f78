using Rom.LinearAlgebra;

namespace Rom.Krylov.Recycling;

/// <summary>The argument checks of <see cref="IRecyclingSolver.ImportRecycleSpace"/>, shared by its implementations.</summary>
internal static class RecycleSpaceChecks
{
    /// <summary>Returns the common length of the vectors (0 for none); throws when lengths differ or a value is not finite.</summary>
    public static int Length(IReadOnlyList<double[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0) return 0;
        int n = vectors[0]?.Length ?? 0;
        for (int i = 0; i < vectors.Count; i++)
        {
            if (vectors[i] is null || vectors[i].Length != n || n == 0)
                throw new ArgumentException($"Recycle vector {i} has length {vectors[i]?.Length ?? 0}; expected {n} > 0 like vector 0.", nameof(vectors));
            if (!Vectors.AllFinite(vectors[i]))
                throw new ArgumentException($"Recycle vector {i} contains NaN or infinity; expected finite values.", nameof(vectors));
        }
        return n;
    }
}
