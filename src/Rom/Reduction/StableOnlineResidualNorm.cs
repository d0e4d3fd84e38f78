using Rom.LinearAlgebra;

namespace Rom.Reduction;

/// <summary>‖r‖ = ‖B y‖₂ with B upper trapezoidal, one short axpy per column (see <see cref="StableResidualNorm"/>).</summary>
internal sealed class StableOnlineResidualNorm : IOnlineResidualNorm
{
    private readonly double[] _coefficients; // column-major K × J
    private readonly int[] _heights;
    private readonly int _rows;

    public StableOnlineResidualNorm(ResidualNormData data)
    {
        var b = data.Matrix;
        _rows = b.GetLength(0);
        int terms = b.GetLength(1);
        _coefficients = new double[_rows * terms];
        _heights = new int[terms];
        for (int j = 0; j < terms; j++)
        {
            _heights[j] = data.ColumnHeight(j);
            for (int k = 0; k < _heights[j]; k++) _coefficients[j * _rows + k] = b[k, j];
        }
    }

    public int WorkLength => _rows;

    public double Evaluate(ReadOnlySpan<double> y, Span<double> work)
    {
        var c = work[.._rows];
        c.Clear();
        for (int j = 0; j < _heights.Length; j++)
            Vectors.Axpy(y[j], _coefficients.AsSpan(j * _rows, _heights[j]), c[.._heights[j]]);
        return Vectors.Norm(c);
    }
}
