namespace Rom.LinearAlgebra;

/// <summary>
/// The inverse of a square operator applied to vectors, x = A⁻¹ b: a factorisation (exact up to round-off)
/// or an iterative solve to a tolerance. Reductors use it for full-order solves and Riesz representers.
/// </summary>
public interface IInverseOperator
{
    /// <summary>Size n of the n × n operator.</summary>
    int Dimension { get; }

    /// <summary>Computes x = A⁻¹ b, overwriting x; throws <see cref="InvalidOperationException"/> when the solve fails.</summary>
    void Solve(ReadOnlySpan<double> b, Span<double> x);

    /// <summary>Solves for <paramref name="count"/> right-hand sides stored one after another (column-major); factorisations override this with one pass.</summary>
    void SolveBlock(ReadOnlySpan<double> b, Span<double> x, int count)
    {
        if (b.Length != (long)Dimension * count || x.Length != (long)Dimension * count)
            throw new ArgumentException($"b and x must hold count × Dimension = {count} × {Dimension} values.", nameof(b));
        for (int k = 0; k < count; k++)
            Solve(b.Slice(k * Dimension, Dimension), x.Slice(k * Dimension, Dimension));
    }
}
