namespace Rom.Tensors;

/// <summary>
/// First derivatives along one axis of a function sampled on a regular grid of [0, 1)^d (spacing h = 1/n), as
/// neuraloperator's <c>FiniteDiff</c>: central differences (u[i+1] − u[i−1]) / 2h everywhere when periodic (its
/// default, <c>torch.roll</c>), else central in the interior with third-order one-sided differences at the two ends,
/// (−11u₀ + 18u₁ − 9u₂ + 2u₃) / 6h and (−2u[n−4] + 9u[n−3] − 18u[n−2] + 11u[n−1]) / 6h.
/// </summary>
internal static class FiniteDifferences
{
    /// <summary>The most points one stencil uses.</summary>
    private const int Width = 4;

    /// <summary>The points one-sided stencils need on a non-periodic axis.</summary>
    public const int NonPeriodicMinimum = 4;

    /// <summary>du = D u along <paramref name="axis"/> of the flat grid <paramref name="size"/>.</summary>
    public static void Apply(ReadOnlySpan<double> u, Span<double> du, int[] size, int axis, bool periodic) =>
        Run(u, du, size, axis, periodic, transpose: false);

    /// <summary>gu += Dᵀ g along <paramref name="axis"/> (the adjoint of <see cref="Apply"/>, for the backward pass).</summary>
    public static void AddTranspose(ReadOnlySpan<double> g, Span<double> gu, int[] size, int axis, bool periodic) =>
        Run(g, gu, size, axis, periodic, transpose: true);

    private static void Run(ReadOnlySpan<double> x, Span<double> y, int[] size, int axis, bool periodic, bool transpose)
    {
        int n = size[axis], outer = 1, inner = 1;
        for (int a = 0; a < axis; a++) outer *= size[a];
        for (int a = axis + 1; a < size.Length; a++) inner *= size[a];
        Span<int> index = stackalloc int[Width];
        Span<double> weight = stackalloc double[Width];
        if (!transpose)
            y.Clear();
        for (int i = 0; i < n; i++)
        {
            int terms = Stencil(i, n, periodic, index, weight);
            for (int o = 0; o < outer; o++)
            {
                int row = (o * n + i) * inner;
                for (int t = 0; t < terms; t++)
                {
                    int column = (o * n + index[t]) * inner;
                    double w = weight[t];
                    if (transpose)
                        for (int k = 0; k < inner; k++)
                            y[column + k] += w * x[row + k];
                    else
                        for (int k = 0; k < inner; k++)
                            y[row + k] += w * x[column + k];
                }
            }
        }
    }

    /// <summary>The points and weights (1/h included) of the derivative at point <paramref name="i"/> of <paramref name="n"/>.</summary>
    private static int Stencil(int i, int n, bool periodic, Span<int> index, Span<double> weight)
    {
        double inverseH = n;
        if (periodic || (i > 0 && i < n - 1))
        {
            index[0] = (i + 1) % n;
            index[1] = (i - 1 + n) % n;
            weight[0] = inverseH / 2;
            weight[1] = -inverseH / 2;
            return 2;
        }
        ReadOnlySpan<double> left = [-11, 18, -9, 2], right = [-2, 9, -18, 11];
        for (int t = 0; t < Width; t++)
        {
            index[t] = i == 0 ? t : n - Width + t;
            weight[t] = (i == 0 ? left[t] : right[t]) * inverseH / 6;
        }
        return Width;
    }
}
