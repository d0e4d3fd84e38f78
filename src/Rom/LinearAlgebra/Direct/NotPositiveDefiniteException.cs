namespace Rom.LinearAlgebra.Direct;

/// <summary>Thrown when a Cholesky factorisation meets a pivot that is not positive: the matrix is not SPD.</summary>
public sealed class NotPositiveDefiniteException : ArgumentException
{
    /// <summary>Creates the exception for the failing column (in the caller's numbering) and its pivot value.</summary>
    public NotPositiveDefiniteException(int column, double pivot, string? paramName)
        : base($"The matrix is not positive definite at column {column} (pivot = {pivot:G6}); a Cholesky factorisation needs an SPD matrix.", paramName)
    {
        Column = column;
        Pivot = pivot;
    }

    /// <summary>The column, in the matrix's own numbering, whose pivot was not positive.</summary>
    public int Column { get; }

    /// <summary>The offending pivot d = a_kk − Σ l_kj² (zero, negative or NaN).</summary>
    public double Pivot { get; }
}
