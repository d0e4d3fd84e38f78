using Rom.Krylov;
using Rom.LinearAlgebra;
using Rom.Models.FiniteElements;
using Rom.Parameters;

namespace Rom.Models.ThermalBlock;

/// <summary>
/// The thermal block benchmark (pyMOR's thermalblock demo; Haasdonk, Reduced Basis Methods for Parametrized PDEs,
/// 2017): −∇·(d∇u) = f on (0,1)², u = 0 on ∂Ω, with d = μ_q on block q = ix + nx·iy of an nx × ny grid,
/// discretised by P1 finite elements with the boundary nodes eliminated.
/// </summary>
public sealed class ThermalBlockModel : IAffineModel
{
    /// <summary>Name of the parameter component holding one diffusivity per block.</summary>
    public const string ParameterName = "diffusion";

    private readonly double[] _rightHandSide;
    private readonly int[] _triangleBlocks;
    private readonly int[] _freeNodes;

    /// <summary>Builds the mesh and assembles one stiffness matrix per block, the load vector and the mean output.</summary>
    public ThermalBlockModel(ThermalBlockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Triangulation = new StructuredTriangulation(options.SquaresPerSide, options.Split);
        int blocks = options.BlocksX * options.BlocksY;
        ParameterSpace = new ParameterSpace([new ParameterRange(ParameterName, blocks, options.MuLower, options.MuUpper)]);

        _triangleBlocks = new int[Triangulation.TriangleCount];
        for (int t = 0; t < _triangleBlocks.Length; t++)
            _triangleBlocks[t] = BlockOf(Triangulation.Centroid(t));
        var free = new List<int>();
        for (int node = 0; node < Triangulation.NodeCount; node++)
            if (!Triangulation.IsBoundary[node]) free.Add(node);
        _freeNodes = free.ToArray();

        var terms = new ILinearOperator[blocks];
        var coefficients = new ParameterFunctional[blocks];
        var indicator = new double[_triangleBlocks.Length];
        for (int q = 0; q < blocks; q++)
        {
            for (int t = 0; t < indicator.Length; t++) indicator[t] = _triangleBlocks[t] == q ? 1 : 0;
            terms[q] = P1Assembly.Stiffness(Triangulation, indicator).Submatrix(_freeNodes, _freeNodes);
            coefficients[q] = new ProjectionFunctional(ParameterName, q);
        }
        AffineOperator = new AffineOperator(terms, coefficients);
        EnergyProduct = AffineOperator.At(Parameter.Of(ParameterName, Enumerable.Repeat(1.0, blocks).ToArray()));

        var integrals = Restrict(P1Assembly.Load(Triangulation, static (_, _) => 1));
        _rightHandSide = options.Source is null ? integrals : Restrict(P1Assembly.Load(Triangulation, options.Source));
        Outputs = [new OutputFunctional("mean", integrals)];
    }

    /// <summary>The settings the model was built from.</summary>
    public ThermalBlockOptions Options { get; }

    /// <summary>The mesh; unknowns live on its interior nodes.</summary>
    public StructuredTriangulation Triangulation { get; }

    /// <summary>Block index of every triangle, chosen by its centroid.</summary>
    public IReadOnlyList<int> TriangleBlocks => _triangleBlocks;

    /// <summary>Mesh node of every unknown (the interior nodes, in node order).</summary>
    public IReadOnlyList<int> FreeNodes => _freeNodes;

    /// <inheritdoc />
    public ParameterSpace ParameterSpace { get; }

    /// <inheritdoc />
    public int Dimension => _freeNodes.Length;

    /// <summary>A(μ) = Σ_q μ_q A_q with A_q the stiffness matrix of block q on the interior unknowns.</summary>
    public AffineOperator AffineOperator { get; }

    /// <summary>The H¹₀ inner product matrix Σ_q A_q, the energy product for d ≡ 1.</summary>
    public ILinearOperator EnergyProduct { get; }

    /// <summary>The output "mean": s(u) = ∫ u dx over the unit square.</summary>
    public IReadOnlyList<OutputFunctional> Outputs { get; }

    /// <inheritdoc />
    public ILinearOperator Operator(Parameter mu)
    {
        ParameterSpace.Validate(mu);
        return AffineOperator.At(mu);
    }

    /// <summary>The load vector ∫ f φ_i on the interior unknowns (it does not depend on μ); a fresh copy.</summary>
    public double[] RightHandSide(Parameter mu)
    {
        ParameterSpace.Validate(mu);
        return (double[])_rightHandSide.Clone();
    }

    /// <summary>Solves A(μ) u = f with Jacobi-preconditioned CG (the default <see cref="ConvergenceTest"/> when none is given).</summary>
    public KrylovResult Solve(Parameter mu, ConvergenceTest? stopping = null, IterationMonitor? monitor = null)
    {
        ParameterSpace.Validate(mu);
        // Every A_q is a CsrMatrix, so AffineOperator assembles A(μ) as one.
        var a = (CsrMatrix)AffineOperator.At(mu);
        return new ConjugateGradient(stopping ?? new ConvergenceTest())
            .Solve(a, _rightHandSide, new JacobiPreconditioner(a), monitor: monitor);
    }

    /// <summary>The full nodal vector of a solution: its values on the interior nodes and zero on the boundary.</summary>
    public double[] ToNodal(ReadOnlySpan<double> u)
    {
        if (u.Length != Dimension)
            throw new ArgumentException($"u has {u.Length} entries, expected the model dimension {Dimension}.", nameof(u));
        var nodal = new double[Triangulation.NodeCount];
        for (int k = 0; k < u.Length; k++) nodal[_freeNodes[k]] = u[k];
        return nodal;
    }

    /// <summary>Values at the (n+1) × (n+1) square corners, indexed [i along x, j along y], e.g. for heat maps.</summary>
    public double[,] VertexGrid(ReadOnlySpan<double> u) => Triangulation.VertexGrid(ToNodal(u));

    private int BlockOf((double X, double Y) point)
    {
        int ix = Math.Min((int)(point.X * Options.BlocksX), Options.BlocksX - 1);
        int iy = Math.Min((int)(point.Y * Options.BlocksY), Options.BlocksY - 1);
        return ix + Options.BlocksX * iy;
    }

    private double[] Restrict(double[] nodal)
    {
        var restricted = new double[_freeNodes.Length];
        for (int k = 0; k < restricted.Length; k++) restricted[k] = nodal[_freeNodes[k]];
        return restricted;
    }
}
