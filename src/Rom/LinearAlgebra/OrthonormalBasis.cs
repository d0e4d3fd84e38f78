namespace Rom.LinearAlgebra;

/// <summary>
/// An X-orthonormal set ψ_1 … ψ_K grown one vector at a time by modified Gram–Schmidt with one
/// re-orthogonalisation pass ("twice is enough": Giraud, Langou, Rozložník, Comput. Math. Appl. 50, 2005).
/// Xψ_k is kept beside ψ_k, so each pass costs O(n·K) and one product with X per new vector.
/// </summary>
public sealed class OrthonormalBasis
{
    private readonly CsrMatrix _product;
    private readonly List<double[]> _vectors = [];
    private readonly List<double[]> _productImages = [];
    private readonly double[] _work;

    /// <summary>Starts an empty set in the inner product (u, v)_X = uᵀ X v of the SPD matrix X.</summary>
    public OrthonormalBasis(CsrMatrix product)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (product.Rows != product.Cols)
            throw new ArgumentException($"The inner-product matrix is {product.Rows}×{product.Cols}; expected a square matrix.", nameof(product));
        _product = product;
        _work = new double[product.Rows];
    }

    /// <summary>Length n of the vectors.</summary>
    public int Dimension => _product.Rows;

    /// <summary>Number K of vectors.</summary>
    public int Count => _vectors.Count;

    /// <summary>The vectors ψ_k (X-orthonormal; do not modify).</summary>
    public IReadOnlyList<double[]> Vectors => _vectors;

    /// <summary>The images Xψ_k kept beside the vectors (do not modify).</summary>
    internal IReadOnlyList<double[]> ProductImages => _productImages;

    /// <summary>Returns ‖v‖_X.</summary>
    public double Norm(ReadOnlySpan<double> v)
    {
        CheckLength(v.Length, nameof(v));
        return Norm(v, _work);
    }

    private double Norm(ReadOnlySpan<double> v, double[] work)
    {
        _product.Apply(v, work);
        return Math.Sqrt(Math.Max(LinearAlgebra.Vectors.Dot(v, work), 0));
    }

    /// <summary>
    /// Removes from v (in place) its X-projection onto the set (vectors first..Count−1), adding the projection's
    /// coefficients to <paramref name="coefficients"/> (length Count), and returns ‖v‖_X of what is left.
    /// </summary>
    public double Orthogonalize(Span<double> v, Span<double> coefficients, int first = 0)
    {
        CheckLength(v.Length, nameof(v));
        if (coefficients.Length != Count)
            throw new ArgumentException($"coefficients has length {coefficients.Length}, expected the basis size {Count}.", nameof(coefficients));
        return OrthogonalizeRange(v, coefficients, first, Count, _work);
    }

    /// <summary>
    /// Modified Gram–Schmidt against basis vectors first..end−1: two passes ("twice is enough") unless a pass still
    /// shrinks v a lot; then v was nearly dependent and the round-off of that pass (≈ ε‖v_before‖) is large next
    /// to what is left, so it orthogonalises again (Daniel, Gragg, Kaufman, Stewart 1976 criterion).
    /// </summary>
    private double OrthogonalizeRange(Span<double> v, Span<double> coefficients, int first, int end, double[] work)
    {
        double before = Norm(v, work);
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            for (int k = first; k < end; k++)
            {
                double c = LinearAlgebra.Vectors.Dot(_productImages[k], v); // (ψ_k, v)_X with the current v: MGS
                LinearAlgebra.Vectors.Axpy(-c, _vectors[k], v);
                coefficients[k] += c;
            }
            double after = Norm(v, work);
            if (pass >= 1 && !(after < ShrinkFactor * before))
                return after;
            before = after;
        }
        return before;
    }

    /// <summary>A pass that leaves less than this fraction of a vector's X-norm calls for another pass.</summary>
    private const double ShrinkFactor = 0.7;

    /// <summary>Most Gram–Schmidt passes per vector.</summary>
    private const int MaxPasses = 5;

    /// <summary>
    /// Removes from every vector of a block its components along the basis, adding them to coefficients[j][k]: two
    /// or more passes of modified Gram–Schmidt per vector, as <see cref="Orthogonalize"/> does, with the vectors
    /// spread over the cores.
    /// </summary>
    public void ProjectOutBlock(IReadOnlyList<double[]> block, IReadOnlyList<double[]> coefficients)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Count != block.Count)
            throw new ArgumentException($"There are {coefficients.Count} coefficient rows for {block.Count} vectors.", nameof(coefficients));
        foreach (var v in block) CheckLength(v.Length, nameof(block));
        foreach (var c in coefficients)
            if (c.Length != Count)
                throw new ArgumentException($"A coefficient row has length {c.Length}, expected the basis size {Count}.", nameof(coefficients));
        // The vectors are independent: split them over the cores. Within a thread the basis loop is outside, so
        // each basis vector is streamed from memory once per pass for all of the thread's vectors; every vector
        // still gets exactly the operations (and the shrink test) of OrthogonalizeRange.
        int count = Count, threads = Math.Min(Environment.ProcessorCount, block.Count);
        Parallel.For(0, threads, t =>
        {
            var work = new double[Dimension];
            var active = Enumerable.Range(0, block.Count).Where(j => j % threads == t).ToList();
            var before = active.ToDictionary(j => j, j => Norm(block[j], work));
            for (int pass = 0; pass < MaxPasses && active.Count > 0; pass++)
            {
                for (int k = 0; k < count; k++)
                    foreach (int j in active)
                    {
                        double c = LinearAlgebra.Vectors.Dot(_productImages[k], block[j]);
                        LinearAlgebra.Vectors.Axpy(-c, _vectors[k], block[j]);
                        coefficients[j][k] += c;
                    }
                foreach (int j in active.ToArray())
                {
                    double after = Norm(block[j], work);
                    if (pass >= 1 && !(after < ShrinkFactor * before[j]))
                        active.Remove(j);
                    before[j] = after;
                }
            }
        });
    }

    /// <summary>Appends v / norm, where v is X-orthogonal to the set and norm = ‖v‖_X &gt; 0, as from <see cref="Orthogonalize"/>.</summary>
    public void Append(ReadOnlySpan<double> v, double norm)
    {
        CheckLength(v.Length, nameof(v));
        if (!(norm > 0 && double.IsFinite(norm)))
            throw new ArgumentOutOfRangeException(nameof(norm), norm, "The norm must be positive and finite.");
        var psi = new double[v.Length];
        for (int i = 0; i < psi.Length; i++) psi[i] = v[i] / norm;
        var image = new double[v.Length];
        _product.Apply(psi, image);
        _vectors.Add(psi);
        _productImages.Add(image);
    }

    private void CheckLength(int length, string name)
    {
        if (length != Dimension)
            throw new ArgumentException($"The vector has length {length}, expected the basis dimension {Dimension}.", name);
    }
}
