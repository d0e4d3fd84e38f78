namespace Rom.LinearAlgebra.Dense;

/// <summary>Whether a GEMM operand enters as stored or transposed (BLAS's TRANSA/TRANSB).</summary>
public enum Transpose
{
    /// <summary>op(A) = A.</summary>
    None,

    /// <summary>op(A) = Aᵀ.</summary>
    Transposed,
}
