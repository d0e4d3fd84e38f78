using Rom.LinearAlgebra;
using Rom.Parameters;
using Rom.Reduction.Greedy;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// Nonintrusive operator EIM (Casenave, Ern, Lelièvre, arXiv 1307.4330): an affine surrogate
/// A(μ) ≈ Σ_m θ_m(μ) Q_m built from assembled matrices only. The empirical interpolation greedy runs on the
/// vector of a matrix's stored values (one sparsity pattern for every μ), so its basis Q_m spans the chosen
/// A(μ_m) and its magic points are matrix entries (i_m, j_m): online, only those M entries of A(μ) are needed.
/// </summary>
public sealed class OperatorEim
{
    private readonly CsrMatrix _pattern;

    private OperatorEim(CsrMatrix pattern, EmpiricalInterpolant interpolant, GreedyResult greedy)
    {
        _pattern = pattern;
        Interpolant = interpolant;
        Greedy = greedy;
        Terms = Enumerable.Range(0, interpolant.Size)
            .Select(m => pattern.WithValues(interpolant.BasisVector(m).ToArray()))
            .ToArray();
        var rowOf = new int[pattern.NonZeros];
        for (int i = 0; i < pattern.Rows; i++)
            for (int k = pattern.RowPointers[i]; k < pattern.RowPointers[i + 1]; k++)
                rowOf[k] = i;
        MagicEntries = interpolant.Points.Select(k => (rowOf[k], pattern.ColumnIndices[k])).ToArray();
    }

    /// <summary>
    /// Runs the EIM greedy over the training parameters on the matrices <paramref name="assemble"/> returns
    /// (all with the sparsity pattern of the first one).
    /// </summary>
    public static OperatorEim Build(Func<Parameter, CsrMatrix> assemble, IReadOnlyList<Parameter> trainingSet, GreedyOptions options)
    {
        ArgumentNullException.ThrowIfNull(assemble);
        Require.NotEmpty(trainingSet, "The training set is empty.");
        var pattern = assemble(trainingSet[0]);
        var surrogate = new EimSurrogate(mu =>
        {
            var a = assemble(mu);
            if (a.Rows != pattern.Rows || a.Cols != pattern.Cols || !a.RowPointers.AsSpan().SequenceEqual(pattern.RowPointers)
                || !a.ColumnIndices.AsSpan().SequenceEqual(pattern.ColumnIndices))
                throw new ArgumentException($"The matrix at {mu} has another sparsity pattern than at {trainingSet[0]}; operator EIM needs one pattern.", nameof(assemble));
            return a.Values;
        });
        var greedy = WeakGreedy.Run(surrogate, trainingSet, options);
        return new OperatorEim(pattern, surrogate.Interpolant, greedy);
    }

    /// <summary>The interpolant over the matrices' stored values.</summary>
    public EmpiricalInterpolant Interpolant { get; }

    /// <summary>What the greedy did: the sup-norm interpolation error before each extension, the chosen μ_m.</summary>
    public GreedyResult Greedy { get; }

    /// <summary>The matrices Q_m of the affine surrogate (the EIM basis on the common pattern).</summary>
    public IReadOnlyList<CsrMatrix> Terms { get; }

    /// <summary>The entries (row, column) of A(μ) that online evaluation needs, one per term.</summary>
    public IReadOnlyList<(int Row, int Col)> MagicEntries { get; }

    /// <summary>θ(μ) from the values of A(μ) at <see cref="MagicEntries"/>, in that order.</summary>
    public double[] Coefficients(ReadOnlySpan<double> magicEntryValues) => Interpolant.Coefficients(magicEntryValues);

    /// <summary>
    /// The affine surrogate as an <see cref="AffineOperator"/>: θ_m(μ) comes from <paramref name="entries"/>, which
    /// returns A(μ) at the given (row, column) positions — from a formula, or from the matrix of another code.
    /// All θ_m of one μ share one evaluation of the entries and one small solve (remembered per thread).
    /// </summary>
    public AffineOperator ToAffineOperator(Func<Parameter, IReadOnlyList<(int Row, int Col)>, double[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new AffineOperator(Terms, InterpolatedCoefficients.Functionals(mu => Coefficients(entries(mu, MagicEntries)), Terms.Count));
    }

    /// <summary>Reads A(μ)'s values at the magic entries from a fully assembled matrix with the common pattern (for checks).</summary>
    public double[] MagicValues(CsrMatrix a) =>
        a.NonZeros == _pattern.NonZeros ? Interpolant.Restrict(a.Values) : throw new ArgumentException("The matrix does not have the common pattern.", nameof(a));
}
