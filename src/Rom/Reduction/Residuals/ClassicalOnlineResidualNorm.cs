using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>‖r‖² = yᵀ G y over the lower triangle of G (see <see cref="ClassicalResidualNorm"/>).</summary>
internal sealed class ClassicalOnlineResidualNorm : IOnlineResidualNorm
{
    private readonly double[] _gram; // row-major J × J
    private readonly int _terms;

    public ClassicalOnlineResidualNorm(double[,] gram)
    {
        _terms = gram.GetLength(0);
        _gram = new double[_terms * _terms];
        Buffer.BlockCopy(gram, 0, _gram, 0, _gram.Length * sizeof(double));
    }

    public int WorkLength => 0;

    public double Evaluate(ReadOnlySpan<double> y, Span<double> work)
    {
        double sum = 0;
        for (int i = 0; i < _terms; i++)
        {
            var row = _gram.AsSpan(i * _terms, i);
            sum += y[i] * (_gram[i * _terms + i] * y[i] + 2 * Vectors.Dot(row, y[..i]));
        }
        // Cancellation can make the computed square negative; its magnitude keeps the bound from reading zero.
        return Math.Sqrt(Math.Abs(sum));
    }
}
