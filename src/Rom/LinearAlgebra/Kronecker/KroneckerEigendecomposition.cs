using System.Buffers;
using MathNet.Numerics.LinearAlgebra;
using Rom.LinearAlgebra.Dense;

namespace Rom.LinearAlgebra.Kronecker;

/// <summary>
/// ⊗K_i = (⊗Q_i)(⊗Λ_i)(⊗Q_i)ᵀ from the eigendecompositions of symmetric positive semi-definite factors, the
/// structure that makes Gaussian-process regression on grids cheap (Y. Saatçi, "Scalable inference for structured
/// Gaussian process models", PhD thesis, Cambridge, 2012, §5.2): the eigenvalues of ⊗K_i + σ²I are the products
/// λ_{1,i₁} ⋯ λ_{d,i_d} + σ², so solves cost two Kronecker products and log-determinants a sum over them.
/// </summary>
public sealed class KroneckerEigendecomposition
{
    private readonly double[][] vectors;
    private readonly int[] sizes;
    private readonly IDenseProvider provider;

    internal KroneckerEigendecomposition(IReadOnlyList<Matrix<double>> factors, IDenseProvider provider)
    {
        this.provider = provider;
        sizes = factors.Select(f => f.RowCount).ToArray();
        vectors = new double[factors.Count][];
        var values = new Vector<double>[factors.Count];
        for (int i = 0; i < factors.Count; i++)
        {
            string name = $"factors[{i}]";
            DenseChecks.Symmetric(factors[i], name);
            var eigen = provider.SymmetricEigen(factors[i]);
            double largest = eigen.Values.AbsoluteMaximum();
            // Round-off leaves eigenvalues of a semi-definite matrix about n ε ‖K‖ below zero; anything lower is real.
            double tolerance = 1e-13 * sizes[i] * largest;
            if (eigen.Values[0] < -tolerance)
                throw new ArgumentException(
                    $"{name} is indefinite: its smallest eigenvalue is {eigen.Values[0]:G6} (largest {largest:G6}); Kronecker solves and log-determinants need positive semi-definite factors.", nameof(factors));
            values[i] = eigen.Values.Map(v => Math.Max(v, 0));
            vectors[i] = eigen.Vectors.ToColumnMajorArray();
        }
        FactorEigenvalues = values;
        Eigenvalues = OuterProduct(values);
    }

    /// <summary>The eigenvalues of each factor, ascending (round-off negatives clamped to zero).</summary>
    public IReadOnlyList<Vector<double>> FactorEigenvalues { get; }

    /// <summary>The N eigenvalues of the product, λ_{1,i₁} ⋯ λ_{d,i_d}, in the operator's multi-index order.</summary>
    public IReadOnlyList<double> Eigenvalues { get; }

    /// <summary>N = n₁ ⋯ n_d.</summary>
    public int Length => Eigenvalues.Count;

    /// <summary>
    /// log det(⊗K_i + σ²I) = Σ log(λ_{1,i₁} ⋯ λ_{d,i_d} + σ²); with σ² = 0 the product form Σ_k (N / n_k) log det K_k,
    /// which cannot underflow. Returns −∞ when the matrix is singular.
    /// </summary>
    public double LogDeterminant(double noiseVariance = 0)
    {
        NonNegative(noiseVariance);
        if (noiseVariance == 0)
            return FactorEigenvalues.Select((v, k) => (double)(Length / sizes[k]) * v.Sum(Math.Log)).Sum();
        double sum = 0;
        foreach (double lambda in Eigenvalues)
            sum += Math.Log(lambda + noiseVariance);
        return sum;
    }

    /// <summary>
    /// The solver x = (⊗K_i + σ²I)⁻¹ b. Throws <see cref="InvalidOperationException"/> when the matrix is singular
    /// (σ² = 0 and a factor has a zero eigenvalue).
    /// </summary>
    public IInverseOperator Solver(double noiseVariance = 0)
    {
        NonNegative(noiseVariance);
        double[] inverse = new double[Length];
        for (int i = 0; i < inverse.Length; i++)
        {
            double lambda = Eigenvalues[i] + noiseVariance;
            if (!(lambda > 0))
                throw new InvalidOperationException(
                    $"The Kronecker product is singular: eigenvalue {i} is {lambda:G6} with σ² = {noiseVariance:G6}; add noise variance or use positive definite factors.");
            inverse[i] = 1 / lambda;
        }
        return new EigenSolver(this, inverse);
    }

    private static void NonNegative(double noiseVariance)
    {
        if (!(noiseVariance >= 0) || double.IsInfinity(noiseVariance))
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance, "The noise variance σ² must be finite and non-negative.");
    }

    /// <summary>The products of one eigenvalue per factor, in row-major multi-index order.</summary>
    private static double[] OuterProduct(IReadOnlyList<Vector<double>> values)
    {
        double[] grid = [1.0];
        foreach (var v in values)
        {
            double[] next = new double[grid.Length * v.Count];
            for (int i = 0; i < grid.Length; i++)
                for (int j = 0; j < v.Count; j++)
                    next[i * v.Count + j] = grid[i] * v[j];
            grid = next;
        }
        return grid;
    }

    /// <summary>x = (⊗Q_i) diag(1 / (λ + σ²)) (⊗Q_i)ᵀ b.</summary>
    private sealed class EigenSolver(KroneckerEigendecomposition owner, double[] inverse) : IInverseOperator
    {
        public int Dimension => owner.Length;

        void IInverseOperator.Solve(ReadOnlySpan<double> b, Span<double> x) => SolveBlock(b, x, 1);

        public void SolveBlock(ReadOnlySpan<double> b, Span<double> x, int count)
        {
            if (count < 0 || b.Length != (long)Dimension * count || x.Length != (long)Dimension * count)
                throw new ArgumentException($"b and x must hold count × Dimension = {count} × {Dimension} values.", nameof(b));
            double[] rented = ArrayPool<double>.Shared.Rent(b.Length);
            try
            {
                var rotated = rented.AsSpan(0, b.Length);
                ModeProducts.Apply(owner.vectors, owner.sizes, Transpose.Transposed, b, rotated, count, owner.provider);
                for (int k = 0; k < count; k++)
                {
                    var block = rotated.Slice(k * Dimension, Dimension);
                    for (int i = 0; i < block.Length; i++)
                        block[i] *= inverse[i];
                }
                ModeProducts.Apply(owner.vectors, owner.sizes, Transpose.None, rotated, x, count, owner.provider);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
