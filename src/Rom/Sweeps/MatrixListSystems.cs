using Rom.LinearAlgebra;
using Rom.Models;

namespace Rom.Sweeps;

/// <summary>
/// Systems given as matrices and right-hand sides (e.g. assembled by another code). All matrices must share one
/// square sparsity pattern, so the stored values are the field the systems are ordered by.
/// </summary>
public sealed class MatrixListSystems : ISystemFamily
{
    private readonly IReadOnlyList<CsrMatrix> _matrices;
    private readonly IReadOnlyList<double[]> _rightHandSides;

    /// <summary>
    /// Takes the systems (A_i, b_i); <paramref name="symmetricPositiveDefinite"/> is the caller's statement that
    /// every A_i is SPD (checked only where a method relies on it). Throws <see cref="ArgumentException"/> naming
    /// the first matrix or right-hand side that does not fit.
    /// </summary>
    public MatrixListSystems(IReadOnlyList<CsrMatrix> matrices, IReadOnlyList<double[]> rightHandSides, bool symmetricPositiveDefinite)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        ArgumentNullException.ThrowIfNull(rightHandSides);
        if (matrices.Count == 0)
            throw new ArgumentException("At least one matrix is needed.", nameof(matrices));
        if (rightHandSides.Count != matrices.Count)
            throw new ArgumentException($"There are {rightHandSides.Count} right-hand sides for {matrices.Count} matrices; expected one per matrix.", nameof(rightHandSides));
        var first = matrices[0] ?? throw new ArgumentException("Matrix 0 is null.", nameof(matrices));
        if (first.Rows != first.Cols)
            throw new ArgumentException($"Matrix 0 is {first.Rows}×{first.Cols}; expected a square matrix.", nameof(matrices));
        for (int i = 0; i < matrices.Count; i++)
        {
            var a = matrices[i];
            if (a is null || a.Rows != first.Rows || a.Cols != first.Cols
                || !a.RowPointers.AsSpan().SequenceEqual(first.RowPointers) || !a.ColumnIndices.AsSpan().SequenceEqual(first.ColumnIndices))
                throw new ArgumentException($"Matrix {i} ({(a is null ? "null" : $"{a.Rows}×{a.Cols}, {a.NonZeros} entries")}) does not have the sparsity pattern of matrix 0 ({first.Rows}×{first.Cols}, {first.NonZeros} entries); a matrix list needs one shared pattern.", nameof(matrices));
            if (rightHandSides[i] is null || rightHandSides[i].Length != first.Rows)
                throw new ArgumentException($"Right-hand side {i} has length {rightHandSides[i]?.Length ?? 0}; expected {first.Rows}.", nameof(rightHandSides));
        }
        _matrices = matrices;
        _rightHandSides = rightHandSides;
        IsSymmetricPositiveDefinite = symmetricPositiveDefinite;
    }

    /// <inheritdoc />
    public string Name => "matrix-list";

    /// <inheritdoc />
    public int Count => _matrices.Count;

    /// <inheritdoc />
    public int Unknowns => _matrices[0].Rows;

    /// <inheritdoc />
    public bool IsSymmetricPositiveDefinite { get; }

    /// <summary>The stored values of matrix <paramref name="index"/> (in CSR order).</summary>
    public double[] Field(int index) => (double[])_matrices[Check(index)].Values.Clone();

    /// <inheritdoc />
    public (CsrMatrix A, double[] B) System(int index) => (_matrices[Check(index)], (double[])_rightHandSides[index].Clone());

    private int Check(int index) =>
        index >= 0 && index < Count ? index : throw new ArgumentOutOfRangeException(nameof(index), index, $"The system index must lie in 0..{Count - 1}.");
}
