using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Rom.LinearAlgebra;

namespace Rom.Krylov.Preconditioners;

/// <summary>
/// Smoothed-aggregation algebraic multigrid for SPD matrices (Vaněk, Mandel &amp; Brezina, Computing 56, 1996),
/// applied as one symmetric V-cycle per call: forward Gauss–Seidel, Galerkin coarse correction A_c = Pᵀ A P,
/// backward Gauss–Seidel, and dense Cholesky on the coarsest level. Symmetric positive definite, so it suits CG.
/// </summary>
public sealed class SmoothedAggregationPreconditioner : IPreconditioner
{
    private readonly Level[] _levels;
    private readonly Cholesky<double> _coarsest;
    private readonly SmoothedAggregationOptions _options;

    /// <summary>Builds the hierarchy; throws naming the problem when A is not square, has a non-positive diagonal or is not SPD on the coarsest level.</summary>
    public SmoothedAggregationPreconditioner(CsrMatrix matrix, SmoothedAggregationOptions? options = null)
    {
        SparseTriangularSweeps.RequireSquare(matrix, "Smoothed aggregation", nameof(matrix));
        _options = options ?? new SmoothedAggregationOptions();
        _options.Validate();

        var levels = new List<Level>();
        var a = matrix;
        while (true)
        {
            var diagonalPointers = SparseTriangularSweeps.DiagonalPointers(a, nameof(matrix));
            var diagonal = PositiveDiagonal(a, diagonalPointers, levels.Count);
            if (a.Rows <= _options.CoarsestSize || levels.Count + 1 == _options.MaxLevels)
                break;
            var (pointers, neighbours) = AggregationCoarsening.StrongNeighbourhoods(a, diagonal, _options.StrengthThreshold * Math.Pow(0.5, levels.Count));
            var (aggregateOf, count) = AggregationCoarsening.Aggregate(pointers, neighbours);
            if (count >= a.Rows)
                break;
            var tentative = AggregationCoarsening.TentativeProlongator(aggregateOf, count);
            double rho = SpectralRadius.OfJacobiScaled(a, diagonal, _options.SpectralRadiusSteps);
            var p = AggregationCoarsening.SmoothedProlongator(a, diagonal, tentative, 4 / (3 * rho));
            var r = p.Transpose();
            var galerkin = new GalerkinProduct(a, p, r);
            levels.Add(new Level(a, diagonalPointers, diagonal, p, r, galerkin));
            a = galerkin.Compute(a);
        }
        if (a.Rows > SmoothedAggregationOptions.MaxDirectSize)
            throw new ArgumentException(
                $"Coarsening stopped at {a.Rows} unknowns on level {levels.Count}, above the dense limit {SmoothedAggregationOptions.MaxDirectSize}: the matrix has too few strong connections (lower StrengthThreshold) or MaxLevels is too small.",
                nameof(matrix));
        (_levels, _coarsest, Operators) = Finish(levels, a);
    }

    // The hierarchy of 'template' with its prolongators kept and everything that depends on A's values recomputed.
    private SmoothedAggregationPreconditioner(SmoothedAggregationPreconditioner template, CsrMatrix matrix)
    {
        _options = template._options;
        var levels = new List<Level>();
        var a = matrix;
        foreach (var level in template._levels)
        {
            levels.Add(new Level(a, level.DiagonalPointers, PositiveDiagonal(a, level.DiagonalPointers, levels.Count), level.P, level.R, level.Galerkin));
            a = level.Galerkin.Compute(a);
        }
        PositiveDiagonal(a, SparseTriangularSweeps.DiagonalPointers(a, nameof(matrix)), levels.Count);
        (_levels, _coarsest, Operators) = Finish(levels, a);
    }

    /// <summary>
    /// A preconditioner for <paramref name="matrix"/>, which must have the sparsity pattern of this one's finest
    /// operator, that reuses this hierarchy's aggregates and prolongators (like PETSc's
    /// -pc_gamg_reuse_interpolation) and recomputes only what depends on the values: the Galerkin operators
    /// P_lᵀ A_l P_l on their precomputed patterns, the smoother diagonals and the coarsest Cholesky factor.
    /// Throws <see cref="ArgumentException"/> when the pattern differs or a level is not SPD.
    /// </summary>
    public SmoothedAggregationPreconditioner Reuse(CsrMatrix matrix)
    {
        SparseTriangularSweeps.RequireSquare(matrix, "Smoothed aggregation", nameof(matrix));
        if (!GalerkinProduct.SamePattern(matrix, Operators[0]))
            throw new ArgumentException(
                $"The {matrix.Rows}×{matrix.Cols} matrix with {matrix.NonZeros} stored entries does not have the sparsity pattern of the hierarchy's finest operator ({Operators[0].Rows}×{Operators[0].Cols}, {Operators[0].NonZeros} entries); build a new hierarchy.",
                nameof(matrix));
        return new SmoothedAggregationPreconditioner(this, matrix);
    }

    // The diagonal of the level-l operator, read at its stored positions and checked positive and finite.
    private static double[] PositiveDiagonal(CsrMatrix a, int[] diagonalPointers, int l)
    {
        var diagonal = new double[a.Rows];
        for (int i = 0; i < diagonal.Length; i++) diagonal[i] = a.Values[diagonalPointers[i]];
        for (int i = 0; i < diagonal.Length; i++)
            if (!(diagonal[i] > 0) || !double.IsFinite(diagonal[i]))
                throw new ArgumentException(
                    $"Diagonal entry of row {i} on level {l} is {diagonal[i]}; smoothed aggregation needs an SPD matrix (positive diagonal).", "matrix");
        return diagonal;
    }

    // Factors the coarsest operator and lists the operators of all levels.
    private static (Level[] Levels, Cholesky<double> Coarsest, CsrMatrix[] Operators) Finish(List<Level> levels, CsrMatrix coarsest)
    {
        Cholesky<double> factor;
        try
        {
            factor = Matrix<double>.Build.DenseOfMatrix(coarsest.ToMathNet()).Cholesky();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The coarsest operator ({coarsest.Rows}×{coarsest.Rows}) is not positive definite; smoothed aggregation needs an SPD matrix. {e.Message}", "matrix");
        }
        return (levels.ToArray(), factor, levels.Select(l => l.A).Append(coarsest).ToArray());
    }

    /// <summary>The operator of every level, finest (the given matrix) first.</summary>
    public IReadOnlyList<CsrMatrix> Operators { get; }

    /// <summary>The smoothed prolongator from level l + 1 to level l.</summary>
    public IReadOnlyList<CsrMatrix> Prolongators => _levels.Select(l => l.P).ToArray();

    /// <summary>Unknowns per level, finest first.</summary>
    public IReadOnlyList<int> LevelSizes => Operators.Select(o => o.Rows).ToArray();

    /// <summary>Operator complexity Σ nnz(A_l) / nnz(A_0): the memory and work of a V-cycle relative to one product with A.</summary>
    public double OperatorComplexity => Operators.Sum(o => (double)o.NonZeros) / Operators[0].NonZeros;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        SparseTriangularSweeps.RequireLengths(Operators[0].Rows, r.Length, z.Length);
        Cycle(0, r, z);
    }

    // V-cycle on level l for A_l x = b from x = 0.
    private void Cycle(int l, ReadOnlySpan<double> b, Span<double> x)
    {
        if (l == _levels.Length)
        {
            var solution = _coarsest.Solve(Vector<double>.Build.DenseOfArray(b.ToArray()));
            solution.AsArray().CopyTo(x);
            return;
        }
        var level = _levels[l];
        int pre = _options.PreSmoothingSweeps;
        if (pre == 0)
            x.Clear();
        else
            GaussSeidel.ForwardFromZero(level.A, level.DiagonalPointers, level.InverseDiagonal, b, x);
        for (int s = 1; s < pre; s++) GaussSeidel.Forward(level.A, level.DiagonalPointers, level.InverseDiagonal, b, x);
        // Coarse-grid correction: x += P A_c⁻¹ Pᵀ (b − A x).
        if (pre == 1)
            GaussSeidel.ResidualAfterForwardFromZero(level.A, level.DiagonalPointers, x, level.Residual);
        else
        {
            level.A.Apply(x, level.Residual);
            for (int i = 0; i < b.Length; i++) level.Residual[i] = b[i] - level.Residual[i];
        }
        level.R.Apply(level.Residual, level.CoarseRight);
        Cycle(l + 1, level.CoarseRight, level.CoarseSolution);
        ProlongateAdd(level.R, level.CoarseSolution, x);
        for (int s = 0; s < _options.PostSmoothingSweeps; s++) GaussSeidel.Backward(level.A, level.DiagonalPointers, level.InverseDiagonal, b, x);
    }

    // x ← x + P e_c = x + Rᵀ e_c in one pass, scattered along the rows of R = Pᵀ: they are long (about 30 entries at
    // 48³) where P's are short (about 3.5), and the scatter runs twice as fast as a gather along P's rows.
    private static void ProlongateAdd(CsrMatrix r, ReadOnlySpan<double> coarse, Span<double> x)
    {
        var indptr = r.RowPointers;
        var indices = r.ColumnIndices;
        var values = r.Values;
        for (int c = 0; c < coarse.Length; c++)
        {
            double e = coarse[c];
            for (int k = indptr[c]; k < indptr[c + 1]; k++)
                x[indices[k]] += values[k] * e;
        }
    }

    // One level of the hierarchy with its V-cycle work vectors.
    private sealed class Level(CsrMatrix a, int[] diagonalPointers, double[] diagonal, CsrMatrix p, CsrMatrix r, GalerkinProduct galerkin)
    {
        public CsrMatrix A { get; } = a;
        public int[] DiagonalPointers { get; } = diagonalPointers;
        public CsrMatrix P { get; } = p;
        public CsrMatrix R { get; } = r;
        public GalerkinProduct Galerkin { get; } = galerkin;
        public double[] InverseDiagonal { get; } = diagonal.Select(d => 1 / d).ToArray();
        public double[] Residual { get; } = new double[a.Rows];
        public double[] CoarseRight { get; } = new double[p.Cols];
        public double[] CoarseSolution { get; } = new double[p.Cols];
    }
}
