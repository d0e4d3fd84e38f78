using MathNet.Numerics.LinearAlgebra;

namespace Rom.Reduction.Interpolation;

/// <summary>
/// An empirical interpolant g ≈ Σ_m θ_m q_m of a field sampled on n points: basis vectors q_m (n × M,
/// column-major) and interpolation ("magic") points p_m. Online, θ = (Q[p, :])⁻¹ g[p] needs g at the M points only.
/// Built by <see cref="EimSurrogate"/> (EIM), <see cref="Deim"/> or <see cref="Qdeim"/>.
/// </summary>
public sealed class EmpiricalInterpolant
{
    private readonly double[] _basis;
    private readonly int[] _points;
    private readonly MathNet.Numerics.LinearAlgebra.Factorization.LU<double>? _lu;

    /// <summary>Creates the interpolant from a basis (n × M, column-major) and M distinct points.</summary>
    public EmpiricalInterpolant(double[] basis, int length, int[] points)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(points);
        if (length < 1 || basis.Length != (long)length * points.Length)
            throw new ArgumentException($"The basis has {basis.Length} values; expected length × points = {length} × {points.Length}.", nameof(basis));
        if (points.Any(p => p < 0 || p >= length) || points.Distinct().Count() != points.Length)
            throw new ArgumentException($"The points must be distinct indices in 0..{length - 1}.", nameof(points));
        _basis = basis;
        _points = points;
        Length = length;
        if (points.Length > 0)
        {
            var b = Matrix<double>.Build.Dense(points.Length, points.Length, (i, m) => basis[(long)m * length + points[i]]);
            _lu = b.LU();
            if (Math.Abs(_lu.Determinant) == 0 || !double.IsFinite(_lu.Determinant))
                throw new ArgumentException("The basis restricted to the points is singular: the points do not unisolve the basis.", nameof(points));
        }
    }

    /// <summary>
    /// The online half of an interpolant as plain data: the interpolant of the M × M restricted basis
    /// <paramref name="restrictedBasis"/>[k, m] = q_m(p_k) on its own points (point k is index k). Its
    /// <see cref="Coefficients"/> solve Q[p, :] θ = g[p] exactly as the full interpolant's do, so a saved model
    /// needs only this matrix; the constructor checks that the points unisolve the basis.
    /// </summary>
    public static EmpiricalInterpolant OnItsPoints(double[,] restrictedBasis)
    {
        ArgumentNullException.ThrowIfNull(restrictedBasis);
        int m = restrictedBasis.GetLength(0);
        if (restrictedBasis.GetLength(1) != m)
            throw new ArgumentException($"The restricted basis is {m}×{restrictedBasis.GetLength(1)}; expected M×M.", nameof(restrictedBasis));
        var columns = new double[m * m];
        for (int j = 0; j < m; j++)
            for (int k = 0; k < m; k++) columns[j * m + k] = restrictedBasis[k, j];
        return new EmpiricalInterpolant(columns, Math.Max(m, 1), [.. Enumerable.Range(0, m)]);
    }

    /// <summary>The M × M matrix Q[p_k, m] = q_m(p_k) of the basis at the points (a copy), what <see cref="OnItsPoints"/> takes.</summary>
    public double[,] RestrictedBasis()
    {
        var q = new double[Size, Size];
        for (int k = 0; k < Size; k++)
            for (int m = 0; m < Size; m++) q[k, m] = _basis[(long)m * Length + _points[k]];
        return q;
    }

    /// <summary>Number of sample points n of the field.</summary>
    public int Length { get; }

    /// <summary>Number of basis vectors and points M.</summary>
    public int Size => _points.Length;

    /// <summary>The interpolation points, in the order they were chosen.</summary>
    public IReadOnlyList<int> Points => _points;

    /// <summary>Basis vector m (a view of length n).</summary>
    public ReadOnlySpan<double> BasisVector(int m) => _basis.AsSpan(m * Length, Length);

    /// <summary>The coefficients θ with Σ θ_m q_m[p_k] = g[p_k] for every point p_k, from the field's values at the points.</summary>
    public double[] Coefficients(ReadOnlySpan<double> valuesAtPoints)
    {
        if (valuesAtPoints.Length != Size)
            throw new ArgumentException($"Got {valuesAtPoints.Length} values; expected one per point ({Size}).", nameof(valuesAtPoints));
        if (_lu is null) return [];
        return _lu.Solve(Vector<double>.Build.DenseOfArray(valuesAtPoints.ToArray())).AsArray();
    }

    /// <summary>Evaluates Σ θ_m q_m on all n points.</summary>
    public double[] Interpolate(ReadOnlySpan<double> valuesAtPoints)
    {
        var theta = Coefficients(valuesAtPoints);
        var result = new double[Length];
        for (int m = 0; m < theta.Length; m++)
            LinearAlgebra.Vectors.Axpy(theta[m], BasisVector(m), result);
        return result;
    }

    /// <summary>Picks the field's values at the interpolation points.</summary>
    public double[] Restrict(ReadOnlySpan<double> field)
    {
        if (field.Length != Length)
            throw new ArgumentException($"The field has {field.Length} values; expected {Length}.", nameof(field));
        var values = new double[Size];
        for (int k = 0; k < Size; k++) values[k] = field[_points[k]];
        return values;
    }
}
