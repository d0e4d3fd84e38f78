namespace Rom.Spectral;

/// <summary>
/// Which direction of a transform pair is scaled, with NumPy's <c>norm=</c> names: for a transform of N points,
/// <see cref="Backward"/> leaves the forward transform unscaled and divides the inverse by N (NumPy's default),
/// <see cref="Ortho"/> divides both by √N (the pair is unitary), <see cref="Forward"/> divides the forward by N.
/// </summary>
public enum FftNormalization
{
    /// <summary>Forward unscaled, inverse divided by N (NumPy <c>norm="backward"</c>, the default).</summary>
    Backward,

    /// <summary>Both directions divided by √N (NumPy <c>norm="ortho"</c>).</summary>
    Ortho,

    /// <summary>Forward divided by N, inverse unscaled (NumPy <c>norm="forward"</c>).</summary>
    Forward,
}
