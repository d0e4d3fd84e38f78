namespace Rom.LinearAlgebra;

/// <summary>Makes the inverse of a symmetric positive definite CSR matrix (e.g. a sparse Cholesky factorisation).</summary>
public delegate IInverseOperator SpdSolverFactory(CsrMatrix matrix);
