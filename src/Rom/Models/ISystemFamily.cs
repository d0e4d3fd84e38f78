using Rom.LinearAlgebra;

namespace Rom.Models;

/// <summary>
/// A numbered family of linear systems A_i x_i = b_i that differ through a parameter field: what a sweep solves
/// (<c>Rom.Sweeps.SweepSolver</c>).
/// The field is what the systems are ordered by and what a dataset stores as the input of each sample.
/// </summary>
public interface ISystemFamily
{
    /// <summary>Short name, e.g. "skr-darcy", recorded in datasets.</summary>
    string Name { get; }

    /// <summary>Number of systems.</summary>
    int Count { get; }

    /// <summary>Size n of every system.</summary>
    int Unknowns { get; }

    /// <summary>True when every A_i is symmetric positive definite (CG, MINRES, deflated CG, Cholesky, IC(0) and AMG apply).</summary>
    bool IsSymmetricPositiveDefinite { get; }

    /// <summary>
    /// The parameter field of system <paramref name="index"/>, flattened; the same length for every system. With a
    /// <see cref="StoredGrid"/> it is a field on that grid.
    /// </summary>
    double[] Field(int index);

    /// <summary>The matrix and right-hand side of system <paramref name="index"/>.</summary>
    (CsrMatrix A, double[] B) System(int index);

    /// <summary>
    /// The grid a dataset stores this family's samples on, when its systems are Dirichlet problems on a finer grid
    /// whose interior points are the unknowns: the fields (<see cref="Field"/>) are given on it, and each solution is
    /// stored as its values there, boundary zeros included (<see cref="SubsampledGrid.RestrictInterior"/>), so inputs
    /// and solutions are fields of one shape and a fine solution is never kept. Null (the default): fields and
    /// solution vectors are stored as they are.
    /// </summary>
    SubsampledGrid? StoredGrid => null;
}
