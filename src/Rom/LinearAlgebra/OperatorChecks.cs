namespace Rom.LinearAlgebra;

/// <summary>Argument checks shared by every <see cref="ILinearOperator"/> implementation.</summary>
public static class OperatorChecks
{
    /// <summary>Throws unless x and y have the lengths A x = y needs.</summary>
    public static void Apply(ILinearOperator a, int xLength, int yLength)
    {
        if (xLength != a.Cols)
            throw new ArgumentException($"x has length {xLength}, expected the operator's column count {a.Cols}.", "x");
        if (yLength != a.Rows)
            throw new ArgumentException($"y has length {yLength}, expected the operator's row count {a.Rows}.", "y");
    }

    /// <summary>Throws unless x and y hold <paramref name="count"/> column vectors of the right lengths.</summary>
    public static void Block(ILinearOperator a, int xLength, int yLength, int count)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "The number of vectors must be non-negative.");
        if (xLength != (long)a.Cols * count)
            throw new ArgumentException($"x has length {xLength}, expected Cols × count = {a.Cols} × {count}.", "x");
        if (yLength != (long)a.Rows * count)
            throw new ArgumentException($"y has length {yLength}, expected Rows × count = {a.Rows} × {count}.", "y");
    }
}
