namespace Rom.Spectral.Chebyshev;

/// <summary>
/// Operations on a Chebyshev series f(x) = Σ_{k=0}^{n} a_k T_k(x) on [−1, 1], in coefficient space
/// (J. C. Mason and D. C. Handscomb, "Chebyshev Polynomials", CRC 2003, §2.4.5 and §2.4.6).
/// </summary>
public static class ChebyshevSeries
{
    /// <summary>
    /// f(x) by Clenshaw's recurrence b_k = a_k + 2x b_{k+1} − b_{k+2}, f = a₀ + x b₁ − b₂: backward stable, with no
    /// cos/arccos and valid outside [−1, 1] too (where the series is a polynomial).
    /// </summary>
    public static double Evaluate(ReadOnlySpan<double> coefficients, double x)
    {
        double b1 = 0, b2 = 0;
        for (int k = coefficients.Length - 1; k >= 1; k--)
        {
            double b0 = coefficients[k] + 2 * x * b1 - b2;
            b2 = b1;
            b1 = b0;
        }
        return coefficients.IsEmpty ? 0 : coefficients[0] + x * b1 - b2;
    }

    /// <summary>
    /// The coefficients of f′ from those of f, both of length n + 1 (the top one of f′ is zero), by the recurrence
    /// a′_{k−1} = a′_{k+1} + 2k a_k from k = n down to 1, then a′₀ halved. <paramref name="scale"/> multiplies the
    /// result: 2 / (b − a) for a series on [a, b] mapped from [−1, 1].
    /// </summary>
    public static void Differentiate(ReadOnlySpan<double> coefficients, Span<double> derivative, double scale = 1)
    {
        int length = coefficients.Length;
        if (derivative.Length != length)
            throw new ArgumentException($"derivative has length {derivative.Length}, expected the coefficients' length {length}.", nameof(derivative));
        if (coefficients.Overlaps(derivative))
            throw new ArgumentException("coefficients and derivative must not overlap.", nameof(derivative));
        if (length == 0)
            return;
        derivative[length - 1] = 0;
        double next = 0; // a′_{k+1}
        for (int k = length - 1; k >= 1; k--)
        {
            double current = next + 2 * k * coefficients[k]; // a′_{k−1}
            next = derivative[k];
            derivative[k - 1] = current;
        }
        derivative[0] *= 0.5;
        if (scale != 1)
            foreach (ref double d in derivative)
                d *= scale;
    }
}
