using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Rom.Tests.Reduction;

/// <summary>A⁻¹ by a dense MathNet Cholesky factorisation: exact to round-off, for small test matrices.</summary>
internal sealed class DenseCholeskyInverse : IInverseOperator
{
    private readonly Cholesky<double> _factor;

    public DenseCholeskyInverse(CsrMatrix matrix)
    {
        Dimension = matrix.Rows;
        _factor = Matrix<double>.Build.DenseOfMatrix(matrix.ToMathNet()).Cholesky();
    }

    public static SpdSolverFactory Factory { get; } = a => new DenseCholeskyInverse(a);

    public int Dimension { get; }

    public void Solve(ReadOnlySpan<double> b, Span<double> x) =>
        _factor.Solve(Vector<double>.Build.DenseOfArray(b.ToArray())).AsArray().CopyTo(x);
}
