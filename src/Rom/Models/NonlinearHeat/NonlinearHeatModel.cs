using Rom.Krylov;
using Rom.Krylov.Preconditioners;
using Rom.LinearAlgebra;
using Rom.Models.FiniteElements;

namespace Rom.Models.NonlinearHeat;

/// <summary>
/// ∂u/∂t − ∇·(κ(u)∇u) = s(x, t) on (0,1)², u = 0 on ∂Ω, u(0) = 0, with κ(u) = κ₀(1 + βu²) taken per triangle at the
/// mean of u there: P1 elements, implicit Euler M(u − u_prev)/Δt + K(u)u = b(t), each step solved by Newton with the
/// exact Jacobian (GMRES with ILU(0) for the linear systems): a small nonlinear stand-in for the structural problems of Casenave &amp; Akkari's adaptive ROM (Math. Comput. Appl. 24, 2019).
/// The source is a Gaussian moving along a straight path, s = A Σ_k c_k(t) exp(−|x − x_k|²/w²) with hat functions c_k.
/// </summary>
public sealed class NonlinearHeatModel : INonlinearTransientModel
{
    private readonly double[] _elementStiffness;
    private readonly double[][] _loadModes;
    private readonly int[] _interior;
    private readonly ReducedMesh _full;

    // The Jacobian is non-symmetric (the κ' term), so GMRES with ILU(0), solved well below Newton's own tolerance.
    private static readonly Gmres LinearSolver = new(new GmresOptions(Restart: 60) { Stopping = new(RelativeTolerance: 1e-13) });

    /// <summary>Builds mesh, element matrices and load modes for the options (defaults when null).</summary>
    public NonlinearHeatModel(NonlinearHeatOptions? options = null)
    {
        Options = options ?? new NonlinearHeatOptions();
        Options.Validate();
        Mesh = new StructuredTriangulation(Options.SquaresPerSide, TriangleSplit.Two);
        _elementStiffness = new double[9 * Mesh.TriangleCount];
        Span<double> gx = stackalloc double[3], gy = stackalloc double[3];
        for (int t = 0; t < Mesh.TriangleCount; t++)
        {
            double area = P1Assembly.Gradients(Mesh, t, gx, gy);
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++)
                    _elementStiffness[9 * t + 3 * a + b] = area * (gx[a] * gx[b] + gy[a] * gy[b]);
        }
        _interior = Enumerable.Range(0, Mesh.NodeCount).Where(i => !Mesh.IsBoundary[i]).ToArray();
        int stations = Options.SourceStations;
        _loadModes = new double[stations][];
        for (int k = 0; k < stations; k++)
        {
            double s = (double)k / (stations - 1);
            double cx = Options.SourceStartX + s * (Options.SourceEndX - Options.SourceStartX);
            double cy = Options.SourceStartY + s * (Options.SourceEndY - Options.SourceStartY);
            double w2 = Options.Width * Options.Width;
            var g = P1Assembly.Load(Mesh, (x, y) => Options.Amplitude * Math.Exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / w2));
            for (int i = 0; i < g.Length; i++)
                if (Mesh.IsBoundary[i]) g[i] = 0;
            _loadModes[k] = g;
        }
        _full = new ReducedMesh(this, _interior);
        Mass = P1Assembly.Mass(Mesh);
    }

    /// <summary>The settings.</summary>
    public NonlinearHeatOptions Options { get; }

    /// <summary>The mesh (two triangles per square).</summary>
    public StructuredTriangulation Mesh { get; }

    /// <summary>The interior nodes, where the equations hold (the unknowns).</summary>
    public IReadOnlyList<int> InteriorNodes => _interior;

    /// <summary>The P1 mass matrix over all nodes.</summary>
    public CsrMatrix Mass { get; }

    /// <inheritdoc />
    int INonlinearTransientModel.StateSize => Mesh.NodeCount;

    /// <inheritdoc />
    int INonlinearTransientModel.Steps => Options.Steps;

    /// <inheritdoc />
    double INonlinearTransientModel.TimeStep => Options.TimeStep;

    /// <summary>Load vectors g_k = ∫ A exp(−|x − x_k|²/w²) φ_i of the path stations (zero on the boundary).</summary>
    public IReadOnlyList<double[]> LoadModes => _loadModes;

    /// <summary>κ(u) = κ₀(1 + βu²).</summary>
    public double Conductivity(double u) => Options.Kappa0 * (1 + Options.Beta * u * u);

    /// <summary>κ'(u) = 2κ₀βu.</summary>
    public double ConductivityDerivative(double u) => 2 * Options.Kappa0 * Options.Beta * u;

    /// <summary>The 3 × 3 element stiffness ∫_T ∇φ_a·∇φ_b of triangle t, row-major.</summary>
    internal ReadOnlySpan<double> ElementStiffness(int t) => _elementStiffness.AsSpan(9 * t, 9);

    /// <summary>The weights c_k(t) of the load modes: hats in time centred at the stations' times kT/(stations − 1).</summary>
    public double[] LoadCoefficients(double time)
    {
        int stations = _loadModes.Length;
        double position = Math.Clamp(time / (Options.Steps * Options.TimeStep), 0, 1) * (stations - 1);
        var c = new double[stations];
        int k = Math.Min((int)Math.Floor(position), stations - 2);
        c[k] = k + 1 - position;
        c[k + 1] = position - k;
        return c;
    }

    /// <summary>The load vector b(t) = Σ_k c_k(t) g_k.</summary>
    public double[] Load(double time)
    {
        var c = LoadCoefficients(time);
        var b = new double[Mesh.NodeCount];
        for (int k = 0; k < c.Length; k++) Vectors.Axpy(c[k], _loadModes[k], b);
        return b;
    }

    /// <summary>The internal force F(u) = K(u)u at every node (zero rows on the boundary).</summary>
    public double[] Force(ReadOnlySpan<double> u)
    {
        var atInterior = new double[_interior.Length];
        _full.Force(_full.Gather(u), atInterior);
        return Scatter(atInterior);
    }

    /// <summary>Newton for step k: from <paramref name="previous"/> at t_k to t_{k+1} = (k+1)Δt.</summary>
    public NewtonStep Step(ReadOnlySpan<double> previous, int step)
    {
        if (previous.Length != Mesh.NodeCount)
            throw new ArgumentException($"previous has {previous.Length} values; expected one per node ({Mesh.NodeCount}).", nameof(previous));
        var load = Load((step + 1) * Options.TimeStep);
        var loadAtInterior = _interior.Select(i => load[i]).ToArray();
        // Work on _full's nodes (all nodes but corners outside every interior node's triangles); its rows are the interior nodes.
        var nodes = _full.Nodes;
        var columns = _interior.Select(i => Array.BinarySearch(nodes.ToArray(), i)).ToArray();
        var previousLocal = _full.Gather(previous);
        var u = (double[])previousLocal.Clone();
        var force = new double[_interior.Length];
        var norms = new List<double>();
        while (true)
        {
            var residual = _full.Residual(u, previousLocal, loadAtInterior, Options.TimeStep, force);
            double norm = Vectors.Norm(residual);
            norms.Add(norm);
            if (norm <= Options.NewtonTolerance * norms[0] || norm == 0)
            {
                var state = new double[Mesh.NodeCount];
                for (int i = 0; i < nodes.Count; i++) state[nodes[i]] = u[i];
                return new NewtonStep(state, norms);
            }
            if (norms.Count > Options.MaxNewtonIterations)
                throw new InvalidOperationException($"Newton did not converge in step {step}: ‖R‖ = {norm:e3} after {Options.MaxNewtonIterations} iterations (‖R₀‖ = {norms[0]:e3}).");
            var jacobian = new CsrLinearCombination([_full.ForceWithJacobian(u, force), _full.MassRows])
                .Assemble([1, 1 / Options.TimeStep])
                .Submatrix(Enumerable.Range(0, _interior.Length).ToArray(), columns);
            var solve = LinearSolver.Solve(jacobian, residual, new Ilu0Preconditioner(jacobian));
            if (!solve.Converged)
                throw new InvalidOperationException($"The Newton system of step {step} was not solved: {solve.Message}");
            for (int i = 0; i < _interior.Length; i++) u[columns[i]] -= solve.Solution[i];
        }
    }

    /// <inheritdoc />
    double[] INonlinearTransientModel.Advance(ReadOnlySpan<double> previous, int step) => Step(previous, step).State;

    /// <inheritdoc />
    ISampledResidual INonlinearTransientModel.SampleResidual(IReadOnlyList<int> samples) => new ReducedMesh(this, samples);

    /// <summary>The interior nodes nearest to the centres of a <paramref name="perSide"/>² grid of cells of the unit square (distinct).</summary>
    public IReadOnlyList<int> GridSamples(int perSide)
    {
        var samples = new List<int>();
        for (int j = 0; j < perSide; j++)
            for (int i = 0; i < perSide; i++)
            {
                double x = (i + 0.5) / perSide, y = (j + 0.5) / perSide;
                int best = -1;
                double bestDistance = double.PositiveInfinity;
                for (int p = 0; p < Mesh.NodeCount; p++)
                {
                    if (Mesh.IsBoundary[p]) continue;
                    double d = (Mesh.X[p] - x) * (Mesh.X[p] - x) + (Mesh.Y[p] - y) * (Mesh.Y[p] - y);
                    if (d < bestDistance) { bestDistance = d; best = p; }
                }
                if (best >= 0 && !samples.Contains(best)) samples.Add(best);
            }
        return samples;
    }

    /// <summary>All <see cref="NonlinearHeatOptions.Steps"/> steps from u = 0.</summary>
    public NonlinearHeatTrajectory SolveTrajectory()
    {
        var states = new List<double[]> { new double[Mesh.NodeCount] };
        var iterations = new List<int>();
        for (int k = 0; k < Options.Steps; k++)
        {
            var next = Step(states[^1], k);
            states.Add(next.State);
            iterations.Add(next.Iterations);
        }
        return new NonlinearHeatTrajectory(states, iterations);
    }

    private double[] Scatter(double[] atInterior)
    {
        var field = new double[Mesh.NodeCount];
        for (int i = 0; i < _interior.Length; i++) field[_interior[i]] = atInterior[i];
        return field;
    }
}
