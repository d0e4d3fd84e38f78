using Rom.LinearAlgebra;

namespace Rom.Models;

/// <summary>A full-order model whose operator has an affine decomposition A(μ) = Σ θ_q(μ) A_q and whose right-hand side does not depend on μ.</summary>
public interface IAffineModel : IFullOrderModel
{
    /// <summary>The affine decomposition of the operator.</summary>
    AffineOperator AffineOperator { get; }
}
