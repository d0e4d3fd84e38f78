using System.Runtime.InteropServices;
using Rom.LinearAlgebra;

namespace Rom.Reduction.Residuals;

/// <summary>‖S y‖₂ over the k × J sketch S (see <see cref="SketchedResidualNorm"/>), four rows per pass over y.</summary>
internal sealed class SketchedOnlineResidualNorm : IOnlineResidualNorm
{
    private readonly AlignedArray<double> _rows; // row-major k × J
    private readonly int _count;
    private readonly int _terms;

    public SketchedOnlineResidualNorm(double[,] sketch)
    {
        _count = sketch.GetLength(0);
        _terms = sketch.GetLength(1);
        _rows = new AlignedArray<double>(_count * _terms);
        if (_rows.Length > 0)
            MemoryMarshal.CreateReadOnlySpan(ref sketch[0, 0], _rows.Length).CopyTo(_rows.Span);
    }

    public int WorkLength => 0;

    public double Evaluate(ReadOnlySpan<double> y, Span<double> work)
    {
        ReadOnlySpan<double> rows = _rows.Span;
        int j = _terms, i = 0;
        double sum = 0;
        for (; i + 4 <= _count; i += 4)
        {
            var (c0, c1, c2, c3) = Vectors.Dot4(y, rows.Slice(i * j, j), rows.Slice((i + 1) * j, j), rows.Slice((i + 2) * j, j), rows.Slice((i + 3) * j, j));
            sum += c0 * c0 + c1 * c1 + c2 * c2 + c3 * c3;
        }
        for (; i < _count; i++)
        {
            double c = Vectors.Dot(rows.Slice(i * j, j), y);
            sum += c * c;
        }
        return Math.Sqrt(sum);
    }
}
