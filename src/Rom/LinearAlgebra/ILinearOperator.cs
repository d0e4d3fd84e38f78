namespace Rom.LinearAlgebra;

/// <summary>A linear map y = A x between real vector spaces; every solver and reductor in Rom works through it.</summary>
public interface ILinearOperator
{
    /// <summary>Length of the output vector y.</summary>
    int Rows { get; }

    /// <summary>Length of the input vector x.</summary>
    int Cols { get; }

    /// <summary>Computes y = A x, overwriting y.</summary>
    void Apply(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>
    /// Applies A to <paramref name="count"/> vectors stored one after another (column-major, as MathNet stores
    /// matrices): x holds Cols × count values and y Rows × count. Implementations override this with one pass.
    /// </summary>
    void ApplyBlock(ReadOnlySpan<double> x, Span<double> y, int count)
    {
        OperatorChecks.Block(this, x.Length, y.Length, count);
        for (int k = 0; k < count; k++)
            Apply(x.Slice(k * Cols, Cols), y.Slice(k * Rows, Rows));
    }
}
