using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra;

namespace Rom.Reduction.Snapshots;

/// <summary>
/// Proper orthogonal decomposition of a snapshot matrix S = [s_1 … s_m]: the leading left singular vectors of
/// X^½ S, X-orthonormal (Volkwein, Proper Orthogonal Decomposition: Theory and Reduced-Order Modelling, 2013,
/// §1.2–1.3). With an inner-product matrix X the method of snapshots is used; for X = I a thin SVD.
/// </summary>
public static class Pod
{
    /// <summary>Computes the truncated POD of the snapshots in the X inner product (Euclidean when <paramref name="product"/> is null).</summary>
    public static PodResult Compute(IReadOnlyList<double[]> snapshots, PodOptions? options = null, CsrMatrix? product = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        options ??= new PodOptions();
        options.Validate();
        if (snapshots.Count == 0)
            throw new ArgumentException("POD needs at least one snapshot.", nameof(snapshots));
        int n = snapshots[0].Length;
        for (int j = 0; j < snapshots.Count; j++)
            if (snapshots[j] is null || snapshots[j].Length != n)
                throw new ArgumentException($"Snapshot {j} has length {snapshots[j]?.Length}, expected {n} like snapshot 0.", nameof(snapshots));
        if (product is not null && (product.Rows != n || product.Cols != n))
            throw new ArgumentException($"The inner-product matrix is {product.Rows}×{product.Cols}, expected {n}×{n}.", nameof(product));

        var s = Matrix<double>.Build.DenseOfColumnArrays(snapshots);
        var (u, sigma) = product is null ? ThinSvd(s) : MethodOfSnapshots(s, product);
        int r = Truncation(sigma, options);
        double discarded = 0;
        for (int i = sigma.Length - 1; i >= r; i--) discarded += sigma[i] * sigma[i];
        var modes = new double[r][];
        for (int i = 0; i < r; i++) modes[i] = u.Column(i).ToArray();
        return new PodResult(modes, sigma[..r], discarded);
    }

    /// <summary>Method of snapshots: K = SᵀXS = W Λ Wᵀ, σ_i = √λ_i, ψ_i = S w_i / σ_i.</summary>
    private static (Matrix<double> U, double[] Sigma) MethodOfSnapshots(Matrix<double> s, CsrMatrix x)
    {
        int m = s.ColumnCount;
        var xs = Matrix<double>.Build.Dense(s.RowCount, m);
        ((ILinearOperator)x).ApplyBlock(s.ToColumnMajorArray(), xs.AsColumnMajorArray(), m);
        var k = s.TransposeThisAndMultiply(xs);
        k = 0.5 * (k + k.Transpose()); // symmetric to round-off; make it exactly so for the symmetric eigensolver
        var evd = k.Evd(Symmetricity.Symmetric);
        // MathNet orders symmetric eigenvalues increasingly; POD wants them decreasing.
        var sigma = new double[m];
        var w = Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < m; i++)
        {
            int source = m - 1 - i;
            sigma[i] = Math.Sqrt(Math.Max(evd.EigenValues[source].Real, 0));
            w.SetColumn(i, evd.EigenVectors.Column(source));
        }
        var u = s * w;
        for (int i = 0; i < m; i++)
            u.SetColumn(i, sigma[i] > 0 ? u.Column(i) / sigma[i] : u.Column(i) * 0);
        return (u, sigma);
    }

    /// <summary>Thin SVD: S = QR (thin), R = Ũ Σ Wᵀ, U = Q Ũ, so nothing of size n × n is formed.</summary>
    private static (Matrix<double> U, double[] Sigma) ThinSvd(Matrix<double> s)
    {
        if (s.RowCount < s.ColumnCount)
        {
            var small = s.Svd(computeVectors: true);
            return (small.U, small.S.ToArray());
        }
        var qr = s.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var svd = qr.R.Svd(computeVectors: true);
        return (qr.Q * svd.U, svd.S.ToArray());
    }

    /// <summary>The number of modes that satisfies every truncation rule of <paramref name="options"/>.</summary>
    private static int Truncation(double[] sigma, PodOptions options)
    {
        // tail[r] = Σ_{i ≥ r} σ_i², summed from the smallest up so that small tails keep their digits.
        var tail = new double[sigma.Length + 1];
        for (int i = sigma.Length - 1; i >= 0; i--) tail[i] = tail[i + 1] + sigma[i] * sigma[i];
        int r = 0;
        while (r < sigma.Length &&
               (tail[r] > options.RelativeEnergyTolerance * tail[0] ||
                (options.AbsoluteErrorTolerance > 0 && Math.Sqrt(tail[r]) > options.AbsoluteErrorTolerance)))
            r++;
        r = Math.Min(r, options.MaxModes);
        while (r > 0 && !(sigma[r - 1] > options.RankTolerance * sigma[0])) r--;
        return r;
    }
}
