using Rom.LinearAlgebra;

namespace Rom.Reduction;

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

    /// <summary>Returns ‖v‖_X.</summary>
    public double Norm(ReadOnlySpan<double> v)
    {
        CheckLength(v.Length, nameof(v));
        _product.Apply(v, _work);
        return Math.Sqrt(Math.Max(LinearAlgebra.Vectors.Dot(v, _work), 0));
    }

    /// <summary>
    /// Removes from v (in place) its X-projection onto the set, adding the projection's coefficients to
    /// <paramref name="coefficients"/> (length Count), and returns ‖v‖_X of what is left.
    /// </summary>
    public double Orthogonalize(Span<double> v, Span<double> coefficients)
    {
        CheckLength(v.Length, nameof(v));
        if (coefficients.Length != Count)
            throw new ArgumentException($"coefficients has length {coefficients.Length}, expected the basis size {Count}.", nameof(coefficients));
        for (int pass = 0; pass < 2; pass++)
            for (int k = 0; k < Count; k++)
            {
                double c = LinearAlgebra.Vectors.Dot(_productImages[k], v); // (ψ_k, v)_X with the current v: MGS
                LinearAlgebra.Vectors.Axpy(-c, _vectors[k], v);
                coefficients[k] += c;
            }
        return Norm(v);
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
