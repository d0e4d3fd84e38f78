using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>
/// ‖r‖ = ‖B y‖₂ (see <see cref="StableResidualNorm"/>). B is upper trapezoidal with row k non-zero from column
/// start_k on, so it is stored as ragged rows and each c_k = B_k,start_k.. · y_start_k.. is one contiguous dot.
/// </summary>
internal sealed class StableOnlineResidualNorm : IOnlineResidualNorm
{
    private readonly double[] _rows;   // row k occupies _rows[_offsets[k] .. _offsets[k + 1])
    private readonly int[] _offsets;
    private readonly int[] _starts;

    public StableOnlineResidualNorm(ResidualNormData data)
    {
        var b = data.Matrix;
        int rows = b.GetLength(0), terms = b.GetLength(1);
        // Row k's first column is the first j whose height exceeds k; heights never decrease with j.
        var heights = Enumerable.Range(0, terms).Select(data.ColumnHeight).ToArray();
        for (int j = 1; j < terms; j++) heights[j] = Math.Max(heights[j], heights[j - 1]);
        _starts = new int[rows];
        _offsets = new int[rows + 1];
        for (int k = 0; k < rows; k++)
        {
            int start = 0;
            while (start < terms && heights[start] <= k) start++;
            _starts[k] = start;
            _offsets[k + 1] = _offsets[k] + terms - start;
        }
        _rows = new double[_offsets[rows]];
        for (int k = 0; k < rows; k++)
            for (int j = _starts[k]; j < terms; j++)
                _rows[_offsets[k] + j - _starts[k]] = b[k, j];
    }

    public int WorkLength => 0;

    public double Evaluate(ReadOnlySpan<double> y, Span<double> work)
    {
        double sum = 0;
        for (int k = 0; k < _starts.Length; k++)
        {
            double c = Vectors.Dot(_rows.AsSpan(_offsets[k], _offsets[k + 1] - _offsets[k]), y[_starts[k]..]);
            sum += c * c;
        }
        return Math.Sqrt(sum);
    }
}
