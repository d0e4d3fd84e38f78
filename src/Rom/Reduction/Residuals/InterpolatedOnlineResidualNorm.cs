using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>
/// ‖r‖² ≈ Σ_m (a_m · y)(b_m · y) over the M interpolation points (see <see cref="InterpolatedResidualNorm"/>): a_m is
/// row p_m of the representers, b_m the weighted row of their X-images. Both are stored row-major, so each factor is
/// one contiguous dot product of length J.
/// </summary>
internal sealed class InterpolatedOnlineResidualNorm : IOnlineResidualNorm
{
    private readonly double[] _rows; // 2M × J row-major: a_0 … a_{M−1}, then b_0 … b_{M−1}
    private readonly int _points;
    private readonly int _terms;

    public InterpolatedOnlineResidualNorm(double[,] matrix)
    {
        _points = matrix.GetLength(0) / 2;
        _terms = matrix.GetLength(1);
        _rows = new double[matrix.Length];
        Buffer.BlockCopy(matrix, 0, _rows, 0, _rows.Length * sizeof(double));
    }

    public int WorkLength => 0;

    public double Evaluate(ReadOnlySpan<double> y, Span<double> work)
    {
        double sum = 0;
        for (int m = 0; m < _points; m++)
            sum += Vectors.Dot(_rows.AsSpan(m * _terms, _terms), y) * Vectors.Dot(_rows.AsSpan((_points + m) * _terms, _terms), y);
        // An interpolated square can come out slightly negative where it is near zero; its magnitude is reported.
        return Math.Sqrt(Math.Abs(sum));
    }
}
