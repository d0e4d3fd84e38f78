namespace Rom.Reduction.Interpolation;

/// <summary>Argument checks shared by the point-selection methods.</summary>
internal static class Checks
{
    /// <summary>Throws unless U holds at least <paramref name="count"/> finite columns of length <paramref name="length"/>.</summary>
    public static void Basis(double[] u, int length, int count)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (length < 1)
            throw new ArgumentOutOfRangeException(nameof(length), length, "The basis vectors need at least one entry.");
        if (count < 1 || count > length || (long)count * length > u.Length)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Expected 1..{Math.Min(length, u.Length / length)} basis vectors of length {length}.");
        if (!LinearAlgebra.Vectors.AllFinite(u.AsSpan(0, count * length)))
            throw new ArgumentException("The basis holds a NaN or infinite value.", nameof(u));
    }
}
