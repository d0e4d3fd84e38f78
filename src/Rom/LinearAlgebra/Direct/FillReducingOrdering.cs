namespace Rom.LinearAlgebra.Direct;

/// <summary>The symmetric permutation a <see cref="SparseCholesky"/> factorisation applies before factoring.</summary>
public enum FillReducingOrdering
{
    /// <summary>Nested dissection by level-structure bisection, minimum degree on small parts (the default).</summary>
    NestedDissection,

    /// <summary>The matrix's own order, P = I (for banded matrices, or to compare fill).</summary>
    Natural,
}
