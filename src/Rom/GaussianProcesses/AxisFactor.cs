using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra.Dense;

namespace Rom.GaussianProcesses;

/// <summary>
/// Everything one axis of the product kernel contributes: K = [κ(x_i − x_j)] + jitter·I with its eigendecomposition
/// K = Q Λ Qᵀ, K⁻¹ and K^(−1/2) from it, the derivative covariances K^(k) = [∂ᵏκ(x_i − x_j)/∂x_iᵏ] and the GP
/// derivative matrices D^(k) = K^(k) K⁻¹ (u^(k) at the points = D^(k) u, the posterior mean's derivative). All
/// matrices are column-major n × n. On an equispaced axis κ depends on i − j only, so K is Toeplitz and gradients
/// with respect to θ need the kernel at the 2n − 1 lags, not at n² pairs.
/// </summary>
internal sealed class AxisFactor
{
    private readonly SpectralMixtureKernel _kernel;
    private readonly double _h;
    private readonly double[][] _lagValues = new double[SpectralMixtureKernel.MaxOrder + 1][];
    private readonly Lazy<double[]>?[] _operators = new Lazy<double[]>?[SpectralMixtureKernel.MaxOrder + 1];
    private readonly Lazy<double[]>? _inverseSqrt;

    public AxisFactor(SpectralMixtureKernel kernel, int n, double h, double jitter, IDenseProvider provider)
    {
        _kernel = kernel;
        _h = h;
        N = n;
        for (int k = 0; k <= SpectralMixtureKernel.MaxOrder; k++)
            _lagValues[k] = Enumerable.Range(0, n).Select(m => kernel.Value(m * h, k)).ToArray();
        K = Toeplitz(0);
        for (int i = 0; i < n; i++)
            K[i + i * n] += jitter;
        if (!K.All(double.IsFinite))
        {
            // Parameters far out (a line search's trial step) overflow the kernel: no decomposition to attempt.
            Eigenvalues = Q = [];
            return;
        }
        SymmetricEigen eigen;
        try
        {
            eigen = provider.SymmetricEigen(Matrix<double>.Build.Dense(n, n, (double[])K.Clone()));
        }
        catch (Exception e) when (e is IndexOutOfRangeException or MathNet.Numerics.NonConvergenceException)
        {
            // MathNet's tridiagonal QL gives up on some extreme trial matrices (it indexes past its arrays after
            // running out of sweeps); such parameters are treated like non-positive-definite ones.
            Eigenvalues = Q = [];
            return;
        }
        Eigenvalues = eigen.Values.ToArray();
        Q = eigen.Vectors.ToColumnMajorArray();
        IsPositiveDefinite = Eigenvalues.All(l => l > 0 && double.IsFinite(l));
        if (!IsPositiveDefinite)
            return;
        LogDeterminant = Eigenvalues.Sum(Math.Log);
        Inverse = Spectral(l => 1 / l, provider);
        _inverseSqrt = new Lazy<double[]>(() => Spectral(l => 1 / Math.Sqrt(l), provider));
        for (int k = 1; k <= SpectralMixtureKernel.MaxOrder; k++)
        {
            Derivative[k] = Toeplitz(k);
            int order = k;
            _operators[k] = new Lazy<double[]>(() =>
            {
                var d = new double[n * n];
                provider.Gemm(Transpose.None, Transpose.None, n, n, n, 1, Derivative[order], n, Inverse, n, 0, d, n);
                return d;
            });
        }
    }

    /// <summary>n, the points on the axis.</summary>
    public int N { get; }

    /// <summary>K + jitter·I.</summary>
    public double[] K { get; }

    /// <summary>Λ, ascending (empty when K is not finite or its eigendecomposition fails).</summary>
    public double[] Eigenvalues { get; }

    /// <summary>Q, orthonormal eigenvectors of K.</summary>
    public double[] Q { get; }

    /// <summary>Whether every eigenvalue is positive and finite; the other members below are set only then.</summary>
    public bool IsPositiveDefinite { get; }

    /// <summary>log det K = Σ log λ_i.</summary>
    public double LogDeterminant { get; }

    /// <summary>K⁻¹ = Q Λ⁻¹ Qᵀ.</summary>
    public double[] Inverse { get; } = [];

    /// <summary>K^(−1/2) = Q Λ^(−1/2) Qᵀ, computed on first use (the representer form of 1-D problems needs none).</summary>
    public double[] InverseSqrt => _inverseSqrt?.Value ?? [];

    /// <summary>K^(k), indexed by the order k ≥ 1.</summary>
    public double[][] Derivative { get; } = new double[SpectralMixtureKernel.MaxOrder + 1][];

    /// <summary>D^(k) = K^(k) K⁻¹ for the order k ≥ 1, computed on first use (the representer form of 1-D problems needs none).</summary>
    public double[] Operator(int order) => _operators[order]!.Value;

    /// <summary>
    /// Adds <paramref name="scale"/> · ⟨∂K^(k)/∂θ, M⟩_F to the 3Q-value <paramref name="gradient"/> (k = 0 is K itself;
    /// the jitter does not depend on θ): a sum over lags m of ∂κ^(k)(m h)/∂θ times the sum of M along diagonal m.
    /// </summary>
    public void AddGradient(int order, ReadOnlySpan<double> m, double scale, Span<double> gradient)
    {
        int n = N;
        double parity = order % 2 == 0 ? 1 : -1;
        for (int lag = 0; lag < n; lag++)
        {
            // κ^(k)(−r) = (−1)^k κ^(k)(r): entries i − j = lag and i − j = −lag share a value up to that sign.
            double sum = 0;
            for (int j = 0; j + lag < n; j++)
                sum += m[j + lag + j * n];
            if (lag > 0)
                for (int i = 0; i + lag < n; i++)
                    sum += parity * m[i + (i + lag) * n];
            if (sum != 0)
                _kernel.AddParameterGradient(lag * _h, order, scale * sum, gradient);
        }
    }

    private double[] Toeplitz(int order)
    {
        int n = N;
        var values = _lagValues[order];
        double parity = order % 2 == 0 ? 1 : -1;
        var t = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                t[i + j * n] = i >= j ? values[i - j] : parity * values[j - i];
        return t;
    }

    /// <summary>Q f(Λ) Qᵀ.</summary>
    private double[] Spectral(Func<double, double> f, IDenseProvider provider) => ScaledProduct(Q, Eigenvalues.Select(f).ToArray(), Q, true, provider);

    /// <summary>A diag(s) op(B) for n × n A and B, op(B) = Bᵀ when <paramref name="transposeB"/>.</summary>
    private double[] ScaledProduct(double[] a, double[] s, double[] b, bool transposeB, IDenseProvider provider)
    {
        int n = N;
        var scaled = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                scaled[i + j * n] = a[i + j * n] * s[j];
        var result = new double[n * n];
        provider.Gemm(Transpose.None, transposeB ? Transpose.Transposed : Transpose.None, n, n, n, 1, scaled, n, b, n, 0, result, n);
        return result;
    }
}
