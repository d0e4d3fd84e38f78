using Rom.LinearAlgebra.Dense;

namespace Rom.GaussianProcesses;

/// <summary>
/// The negative log joint of GP-HM (Fang et al., ICLR 2024, eq. 9, as in the authors' code) for a PDE
/// L U + N(U) = f on a tensor grid (N an optional pointwise nonlinearity, <see cref="PointwiseTerm"/>), with the grid values U as free unknowns and the product kernel K = K₁ ⊗ … ⊗ K_D:
/// <code>
/// J = ½ vec(U)ᵀ K⁻¹ vec(U) + ½ log det K                      (GP prior of U)
///   + w (½ τ ‖U_B − g‖² − ½ N_B log τ)                         (boundary fit, weight w = 200 in the paper)
///   + ½ v ‖L U + N(U) − f‖² − ½ N log v                       (equation residual at every grid point)
/// </code>
/// where L U = Σ_t c_t D_t ×_{d_t} U with the GP derivative matrices D = K_d^(k,0) K_d⁻¹. The parameters are
/// φ = (θ₁, …, θ_D, log τ, log v), θ_d the 3Q kernel parameters of axis d (<see cref="SpectralMixtureKernel"/>).
/// Each evaluation costs O(N Σ n_d + Σ n_d³); nothing N × N is formed.
/// </summary>
public sealed class GpObjective
{
    /// <summary>
    /// Creates the objective; throws <see cref="ArgumentException"/> for components &lt; 1, a non-positive or non-finite
    /// boundary weight or a negative jitter. With <paramref name="foldFrequencies"/> each axis's kernel folds its
    /// frequencies below that axis's Nyquist frequency 1/(2h) (<see cref="SpectralMixtureKernel.FoldFrequency"/>); the
    /// reference does not.
    /// </summary>
    public GpObjective(GpPdeProblem problem, KernelFamily family, int components, double boundaryWeight = 200, double jitter = 1e-6,
        IDenseProvider? provider = null, bool foldFrequencies = false)
    {
        Problem = problem ?? throw new ArgumentNullException(nameof(problem));
        Family = family;
        Components = components >= 1
            ? components
            : throw new ArgumentException($"components = {components}; each kernel needs at least one spectral component.", nameof(components));
        BoundaryWeight = boundaryWeight > 0 && double.IsFinite(boundaryWeight)
            ? boundaryWeight
            : throw new ArgumentException($"boundaryWeight = {boundaryWeight}; expected a positive finite number.", nameof(boundaryWeight));
        Jitter = jitter >= 0 && double.IsFinite(jitter)
            ? jitter
            : throw new ArgumentException($"jitter = {jitter}; expected a non-negative finite number.", nameof(jitter));
        Provider = provider ?? DenseProviders.Default;
        FoldsFrequencies = foldFrequencies;
    }

    /// <summary>Whether the kernels fold their frequencies below each axis's Nyquist frequency.</summary>
    public bool FoldsFrequencies { get; }

    /// <summary>The PDE and grid.</summary>
    public GpPdeProblem Problem { get; }

    /// <summary>The kernel family of every axis.</summary>
    public KernelFamily Family { get; }

    /// <summary>Q, spectral components per axis.</summary>
    public int Components { get; }

    /// <summary>w, the weight of the boundary log-likelihood.</summary>
    public double BoundaryWeight { get; }

    /// <summary>The jitter added to each K_d's diagonal.</summary>
    public double Jitter { get; }

    /// <summary>The dense backend for the GEMMs and eigendecompositions.</summary>
    public IDenseProvider Provider { get; }

    /// <summary>The length of φ: 3Q per axis, then log τ and log v.</summary>
    public int ParameterCount => 3 * Components * Problem.Grid.Dimensions + 2;

    /// <summary>The index of log τ in φ (log v follows it).</summary>
    public int NoiseIndex => 3 * Components * Problem.Grid.Dimensions;

    /// <summary>
    /// The reference code's starting φ: every axis at <see cref="SpectralMixtureKernel.InitialParameters"/> (frequencies
    /// shifted by <paramref name="offset"/> of their spacing), log τ = log v = 0.
    /// </summary>
    public double[] InitialParameters(double frequencyScale, double offset = 0)
    {
        var phi = new double[ParameterCount];
        var theta = SpectralMixtureKernel.InitialParameters(Components, frequencyScale, offset);
        for (int d = 0; d < Problem.Grid.Dimensions; d++)
            theta.CopyTo(phi, 3 * Components * d);
        return phi;
    }

    /// <summary>The kernel of axis d under φ.</summary>
    public SpectralMixtureKernel Kernel(ReadOnlySpan<double> parameters, int axis) =>
        new(Family, parameters.Slice(3 * Components * axis, 3 * Components),
            FoldsFrequencies ? 1 / (2 * Problem.Grid.Spacing(axis)) : double.PositiveInfinity);

    /// <summary>Builds the per-axis factors for φ, eigendecompositions included.</summary>
    public GpFactorization Factorize(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != ParameterCount)
            throw new ArgumentException($"parameters has {parameters.Length} values; expected {ParameterCount}.", nameof(parameters));
        return new GpFactorization(this, parameters.ToArray());
    }

    /// <summary>
    /// J(U, φ), writing ∂J/∂φ and ∂J/∂U into the gradients unless they are empty; NaN when some K_d is not positive definite.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> field, Span<double> parameterGradient, Span<double> fieldGradient) =>
        Factorize(parameters).Evaluate(field, parameterGradient, fieldGradient).Total;
}
