using Rom.LinearAlgebra;
using Rom.Parameters;

namespace Rom.Models.SampledSystem;

/// <summary>One assembled matrix A(μ) of a sampled family, with its parameter.</summary>
/// <param name="Mu">The parameter at which the matrix was assembled.</param>
/// <param name="Matrix">A(μ), symmetric positive definite, on the family's common sparsity pattern.</param>
public sealed record MatrixSample(Parameter Mu, CsrMatrix Matrix);
