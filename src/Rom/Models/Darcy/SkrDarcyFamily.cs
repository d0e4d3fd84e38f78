using MathNet.Numerics.Distributions;
using Rom.LinearAlgebra;

namespace Rom.Models.Darcy;

/// <summary>
/// The Darcy (and Helmholtz) families of SKR (Wang et al., "Accelerating Data Generation for Neural Operators via
/// Krylov Subspace Recycling", ICLR 2024): a = exp(g) with g a Gaussian random field on an s × s grid, and the
/// non-symmetric 5-point matrix on the (s − 2)² interior points with right-hand side h²·1, h = 1/(s − 1). As a system
/// family it poses the equation of its options; the field of system i is a, s × s row-major, followed for Helmholtz
/// by the wavenumber k.
/// </summary>
public sealed class SkrDarcyFamily : ISystemFamily
{
    private static readonly (int, int)[] Neighbours = [(-1, 0), (1, 0), (0, 1), (0, -1)];

    // Per-system seed of the noise ξ₁, ξ₂ and Helmholtz wavenumber, drawn from one master stream.
    private readonly (int Seed, double Wavenumber)[] _draws;

    /// <summary>Creates the seeded family; fields are generated on demand, system i from its own seeded stream.</summary>
    public SkrDarcyFamily(SkrDarcyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _draws = SystemDraws.Draw(options.Seed, options.Count, master => (master.Next(), master.NextDouble()));
    }

    /// <summary>The settings the family was built with.</summary>
    public SkrDarcyOptions Options { get; }

    /// <summary>"skr-darcy" or "skr-helmholtz", after <see cref="SkrDarcyOptions.Equation"/>.</summary>
    public string Name => Options.Equation == SkrEquation.Helmholtz ? "skr-helmholtz" : "skr-darcy";

    /// <inheritdoc />
    public int Count => Options.Count;

    /// <summary>Number of unknowns n = (s − 2)².</summary>
    public int Unknowns => (Options.GridSize - 2) * (Options.GridSize - 2);

    /// <summary>False: both of SKR's matrices are non-symmetric.</summary>
    public bool IsSymmetricPositiveDefinite => false;

    /// <summary>The flattened coefficient a = exp(g) of system <paramref name="index"/>, followed by its wavenumber for Helmholtz.</summary>
    public double[] Field(int index) => Options.Equation == SkrEquation.Helmholtz
        ? [.. Coefficient(index).Cast<double>(), Wavenumber(index)]
        : Coefficient(index).Cast<double>().ToArray();

    /// <summary>The s × s coefficient field a = exp(g) of system <paramref name="index"/>.</summary>
    public double[,] Coefficient(int index)
    {
        var random = Stream(index);
        int s = Options.GridSize;
        var xi1 = new double[s, s];
        var xi2 = new double[s, s];
        for (int i = 0; i < s; i++)
            for (int j = 0; j < s; j++)
                xi1[i, j] = Normal.Sample(random, 0, 1);
        for (int i = 0; i < s; i++)
            for (int j = 0; j < s; j++)
                xi2[i, j] = Normal.Sample(random, 0, 1);
        return FieldFromNoise(xi1, xi2, Options.Alpha, Options.Tau);
    }

    /// <summary>The system (A, b) of system <paramref name="index"/>: the Darcy one, or <see cref="HelmholtzSystem"/> for Helmholtz.</summary>
    public (CsrMatrix A, double[] B) System(int index) =>
        Options.Equation == SkrEquation.Helmholtz ? HelmholtzSystem(index) : Assemble(Coefficient(index), 0);

    /// <summary>The Helmholtz wavenumber k ~ U(0, 1) of system <paramref name="index"/> (seeded).</summary>
    public double Wavenumber(int index)
    {
        CheckIndex(index);
        return _draws[index].Wavenumber;
    }

    /// <summary>The SKR Helmholtz system: the Darcy matrix minus h²k² on the diagonal, k = <see cref="Wavenumber"/>.</summary>
    public (CsrMatrix A, double[] B) HelmholtzSystem(int index)
    {
        double k = Wavenumber(index);
        return Assemble(Coefficient(index), k * k);
    }

    /// <summary>
    /// g = Re(ifft2(√λ ⊙ (ξ₁ + iξ₂))) with √λ(k) = s²√2 σ (4π²|k|² + τ²)^(−α/2), σ = τ^(α−1), √λ(0) = 0, k the
    /// FFT wavenumbers (numpy.fft.fftfreq(s, 1/s)) and numpy's 1/s² on the inverse; returns a = exp(g).
    /// </summary>
    public static double[,] FieldFromNoise(double[,] xi1, double[,] xi2, double alpha, double tau)
    {
        ArgumentNullException.ThrowIfNull(xi1);
        ArgumentNullException.ThrowIfNull(xi2);
        int s = xi1.GetLength(0);
        if (xi1.GetLength(1) != s || xi2.GetLength(0) != s || xi2.GetLength(1) != s)
            throw new ArgumentException($"ξ₁ is {xi1.GetLength(0)}×{xi1.GetLength(1)} and ξ₂ {xi2.GetLength(0)}×{xi2.GetLength(1)}; both must be the same s × s.", nameof(xi2));
        var g = GaussianRandomField.FromNoise(xi1.Cast<double>().ToArray(), xi2.Cast<double>().ToArray(), s, 2, alpha, tau);
        var a = new double[s, s];
        for (int i = 0; i < s; i++)
            for (int j = 0; j < s; j++)
                a[i, j] = Math.Exp(g[i * s + j]);
        return a;
    }

    /// <summary>
    /// The 5-point matrix on the interior points (row-major, p = (i − 1)(s − 2) + j − 1): 4a_ij − shift·h² on the
    /// diagonal and −a at each interior neighbour (N, S, E, W), plus b = h²·1.
    /// </summary>
    public static (CsrMatrix A, double[] B) Assemble(double[,] a, double shift)
    {
        ArgumentNullException.ThrowIfNull(a);
        int s = a.GetLength(0);
        if (a.GetLength(1) != s || s < 3)
            throw new ArgumentException($"The field is {a.GetLength(0)}×{a.GetLength(1)}; expected a square grid with s ≥ 3.", nameof(a));
        int m = s - 2, n = m * m;
        double h = 1.0 / (s - 1);
        var rows = new List<int>(5 * n);
        var cols = new List<int>(5 * n);
        var values = new List<double>(5 * n);
        for (int i = 1; i <= m; i++)
            for (int j = 1; j <= m; j++)
            {
                int p = (i - 1) * m + j - 1;
                rows.Add(p); cols.Add(p); values.Add(4 * a[i, j] - shift * h * h);
                foreach (var (di, dj) in Neighbours)
                {
                    int ni = i + di, nj = j + dj;
                    if (ni < 1 || ni > m || nj < 1 || nj > m) continue;
                    rows.Add(p); cols.Add((ni - 1) * m + nj - 1); values.Add(-a[ni, nj]);
                }
            }
        var b = new double[n];
        Array.Fill(b, h * h);
        return (CsrMatrix.FromTriplets(n, n, rows.ToArray(), cols.ToArray(), values.ToArray()), b);
    }

    private Random Stream(int index)
    {
        CheckIndex(index);
        return new Random(_draws[index].Seed);
    }

    private void CheckIndex(int index)
    {
        if (index < 0 || index >= Options.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The system index must lie in 0..{Options.Count - 1}.");
    }
}
