namespace Rom.SpectralSolvers;

/// <summary>Small dense matrix products for composing changes of basis (a synthesis after a derivative, a resize after an analysis).</summary>
internal static class Matrices
{
    /// <summary>a · b.</summary>
    public static double[,] Product(double[,] a, double[,] b)
    {
        int rows = a.GetLength(0), inner = a.GetLength(1), columns = b.GetLength(1);
        if (b.GetLength(0) != inner)
            throw new ArgumentException($"a is {rows} × {inner} but b has {b.GetLength(0)} rows.", nameof(b));
        var c = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int k = 0; k < inner; k++)
                for (int j = 0; j < columns; j++)
                    c[i, j] += a[i, k] * b[k, j];
        return c;
    }

    /// <summary>aᵀ.</summary>
    public static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < t.GetLength(0); i++)
            for (int j = 0; j < t.GetLength(1); j++)
                t[i, j] = a[j, i];
        return t;
    }

    /// <summary>The entries of <paramref name="a"/> row by row.</summary>
    public static double[] RowMajor(double[,] a)
    {
        var flat = new double[a.Length];
        Buffer.BlockCopy(a, 0, flat, 0, flat.Length * sizeof(double));
        return flat;
    }
}
