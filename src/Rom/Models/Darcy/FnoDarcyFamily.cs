using Rom.LinearAlgebra;

namespace Rom.Models.Darcy;

/// <summary>
/// The Darcy data of the FNO paper (Li et al., "Fourier Neural Operator for Parametric Partial Differential
/// Equations", ICLR 2021, §5.2; its generator is data_generation/darcy in neuraloperator/neuraloperator):
/// −∇·(a∇u) = 1 on the unit square, u = 0 on the boundary, a = ψ(g) with g the <see cref="CosineRandomField"/>
/// (α = 2, τ = 3) and ψ = 12 where g &gt; 0, 3 elsewhere; solved on a fine grid of s_f points per side and stored
/// subsampled to s points per side (<see cref="StoredGrid"/>), as the paper subsamples its 421 × 421 solutions.
/// The matrix is <see cref="FluxDifferences"/> with the arithmetic face average (a_p + a_q)/2 of the generator's
/// solve_gwf: the data is that generator's discrete operator. (The harmonic average is the exact flux of a layered
/// medium; for a coefficient piecewise constant on grid points both are first-order accurate at the jumps and agree
/// elsewhere, and only the arithmetic one reproduces the paper's data.) The field of system i, the dataset's input
/// and the distance the sweep orders by, is a on the stored grid.
/// </summary>
public sealed class FnoDarcyFamily : ISystemFamily
{
    private readonly int[] _seeds;

    /// <summary>Creates the seeded family; system i draws its field from its own seeded stream.</summary>
    public FnoDarcyFamily(FnoDarcyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        StoredGrid = options.StoredGrid;
        _seeds = SystemDraws.Draw(options.Seed, options.Count, master => master.Next());
    }

    /// <summary>The settings the family was built with.</summary>
    public FnoDarcyOptions Options { get; }

    /// <inheritdoc />
    public string Name => "fno-darcy";

    /// <inheritdoc />
    public int Count => Options.Count;

    /// <summary>Number of unknowns (s_f − 2)², the interior points of the fine grid.</summary>
    public int Unknowns => (Options.GridSize - 2) * (Options.GridSize - 2);

    /// <inheritdoc />
    public bool IsSymmetricPositiveDefinite => true;

    /// <summary>The s × s grid the dataset stores: every ((s_f − 1)/(s − 1))-th point of the fine grid.</summary>
    public SubsampledGrid StoredGrid { get; }

    /// <summary>The Gaussian field g of system <paramref name="index"/> on the fine s_f × s_f grid (axis 0 fastest).</summary>
    public double[] Gaussian(int index)
    {
        if (index < 0 || index >= Options.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The system index must lie in 0..{Options.Count - 1}.");
        return CosineRandomField.Sample(Options.GridSize, Options.Alpha, Options.Tau, new Random(_seeds[index]));
    }

    /// <summary>The coefficient a = ψ(g) of system <paramref name="index"/> on the fine grid.</summary>
    public double[] Coefficient(int index) => Array.ConvertAll(Gaussian(index), Threshold);

    /// <summary>ψ(g): <see cref="FnoDarcyOptions.Positive"/> where g &gt; 0, <see cref="FnoDarcyOptions.Negative"/> elsewhere.</summary>
    public double Threshold(double g) => g > 0 ? Options.Positive : Options.Negative;

    /// <summary>The coefficient a of system <paramref name="index"/> on the stored s × s grid.</summary>
    public double[] Field(int index) => StoredGrid.Restrict(Coefficient(index));

    /// <summary>The system on the fine grid: the arithmetic-average flux matrix of a and b = h²·1, h = 1/(s_f − 1).</summary>
    public (CsrMatrix A, double[] B) System(int index) =>
        FluxDifferences.Assemble(Coefficient(index), Options.GridSize, 2, FaceAverage.Arithmetic);
}
