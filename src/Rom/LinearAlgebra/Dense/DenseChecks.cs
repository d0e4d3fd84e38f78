using MathNet.Numerics.LinearAlgebra;

namespace Rom.LinearAlgebra.Dense;

/// <summary>Argument checks that every <see cref="IDenseProvider"/> shares (Rom.Gpu's too), so all backends reject the same input the same way.</summary>
public static class DenseChecks
{
    /// <summary>Throws unless the sizes, leading dimensions and span lengths describe a valid GEMM.</summary>
    public static void Gemm(Transpose transA, Transpose transB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        NonNegative(m, "m");
        NonNegative(n, "n");
        NonNegative(k, "k");
        // A is stored m × k, or k × m when transposed; likewise B is k × n or n × k.
        (int aRows, int aCols) = transA == Transpose.None ? (m, k) : (k, m);
        (int bRows, int bCols) = transB == Transpose.None ? (k, n) : (n, k);
        Operand("a", aLength, lda, aRows, aCols);
        Operand("b", bLength, ldb, bRows, bCols);
        Operand("c", cLength, ldc, m, n);
    }

    /// <summary>Throws unless <paramref name="a"/> is square and symmetric to round-off (relative 1e-12 of its largest entry).</summary>
    public static void Symmetric(Matrix<double> a, string paramName)
    {
        Square(a, paramName);
        double scale = a.Enumerate().Aggregate(0.0, (s, v) => Math.Max(s, Math.Abs(v)));
        for (int j = 0; j < a.ColumnCount; j++)
            for (int i = j + 1; i < a.RowCount; i++)
                if (Math.Abs(a[i, j] - a[j, i]) > 1e-12 * scale)
                    throw new ArgumentException(
                        $"{paramName} must be symmetric, but {paramName}[{i},{j}] = {a[i, j]:G17} and {paramName}[{j},{i}] = {a[j, i]:G17}.", paramName);
    }

    /// <summary>Throws unless <paramref name="a"/> is square.</summary>
    public static void Square(Matrix<double> a, string paramName)
    {
        if (a.RowCount != a.ColumnCount)
            throw new ArgumentException($"{paramName} must be square, but it is {a.RowCount} × {a.ColumnCount}.", paramName);
    }

    /// <summary>Throws unless a matrix with these rows and columns can have a thin QR decomposition here (m ≥ n).</summary>
    public static void Tall(Matrix<double> a, string paramName)
    {
        if (a.RowCount < a.ColumnCount)
            throw new ArgumentException($"{paramName} must have at least as many rows as columns for a thin QR, but it is {a.RowCount} × {a.ColumnCount}.", paramName);
    }

    /// <summary>Throws unless the right-hand side has as many rows as the factor.</summary>
    public static void CholeskySolve(Matrix<double> factor, Matrix<double> b)
    {
        Square(factor, nameof(factor));
        if (b.RowCount != factor.RowCount)
            throw new ArgumentException($"b has {b.RowCount} rows, expected the factor's size {factor.RowCount}.", nameof(b));
    }

    private static void Operand(string name, int length, int ld, int rows, int cols)
    {
        if (ld < Math.Max(1, rows))
            throw new ArgumentException($"ld{name} = {ld}, expected at least max(1, {rows}) (the rows of {name} as stored).", "ld" + name);
        long needed = cols == 0 || rows == 0 ? 0 : (long)ld * (cols - 1) + rows;
        if (length < needed)
            throw new ArgumentException($"{name} holds {length} values, expected at least {needed} for a {rows} × {cols} matrix with leading dimension {ld}.", name);
    }

    private static void NonNegative(int value, string name)
    {
        if (value < 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be non-negative.");
    }
}
