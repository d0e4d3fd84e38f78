using Rom.LinearAlgebra;

namespace Rom.Models.Darcy;

/// <summary>
/// A symmetric positive definite Darcy family −∇·(a∇u) = 1 on the unit square or cube, u = 0 on the boundary,
/// a = exp(g) with g a <see cref="GaussianRandomField"/>: the flux-averaged 5-point (2-D) or 7-point (3-D) finite
/// difference matrix, whose face coefficient between neighbouring points is the harmonic mean of a there.
/// The SPD counterpart of <see cref="SkrDarcyFamily"/>, where CG, AMG and deflation apply. As a system family the
/// field of system i is a on the s^d grid.
/// </summary>
public sealed class DarcySpdFamily : ISystemFamily
{
    private readonly int[] _seeds;

    /// <summary>Creates the seeded family; system i draws its field from its own seeded stream.</summary>
    public DarcySpdFamily(DarcySpdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _seeds = SystemDraws.Draw(options.Seed, options.Count, master => master.Next());
    }

    /// <summary>The settings the family was built with.</summary>
    public DarcySpdOptions Options { get; }

    /// <inheritdoc />
    public string Name => "darcy-spd";

    /// <inheritdoc />
    public int Count => Options.Count;

    /// <inheritdoc />
    public bool IsSymmetricPositiveDefinite => true;

    /// <summary>Number of unknowns (s − 2)^d.</summary>
    public int Unknowns => (int)Math.Pow(Options.GridSize - 2, Options.Dimension);

    /// <summary>The coefficient a = exp(g) of system <paramref name="index"/> on the s^d grid (row-major).</summary>
    public double[] Field(int index)
    {
        if (index < 0 || index >= Options.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The system index must lie in 0..{Options.Count - 1}.");
        var g = GaussianRandomField.Sample(Options.GridSize, Options.Dimension, Options.Alpha, Options.Tau, new Random(_seeds[index]));
        return g.Select(Math.Exp).ToArray();
    }

    /// <summary>The system (A, b) of system <paramref name="index"/>: b = h²·1, h = 1/(s − 1).</summary>
    public (CsrMatrix A, double[] B) System(int index) => Assemble(Field(index), Options.GridSize, Options.Dimension);

    /// <summary>
    /// The flux-averaged matrix for a field on the s^d grid (<see cref="FluxDifferences"/>): for each interior point p
    /// and each of its 2d neighbours q, the face coefficient a_pq = 2 a_p a_q / (a_p + a_q) adds to A_pp and, when q
    /// is interior, −a_pq to A_pq.
    /// </summary>
    public static (CsrMatrix A, double[] B) Assemble(double[] a, int s, int dimension)
    {
        ArgumentNullException.ThrowIfNull(a);
        return FluxDifferences.Assemble(a, s, dimension, FaceAverage.Harmonic);
    }
}
