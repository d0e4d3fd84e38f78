using Rom.LinearAlgebra;
using Rom.Models.FiniteElements;
using Rom.Models.ThermalBlock;
using Rom.Parameters;

namespace Rom.Models.ThermalBump;

/// <summary>
/// The thermal block with a Gaussian bump in its conductivity, −∇·(d∇u) = f on (0,1)², u = 0 on ∂Ω,
/// d(x; μ) = μ_block(x) + h·g(x; c, w), g = exp(−|x − c|²/w²), P1 elements with d constant on each triangle
/// (its value at the centroid). Not affine in (c, w): the reduction side makes it affine by EIM on g
/// (<c>ThermalBumpInterpolation</c>).
/// </summary>
public sealed class ThermalBumpModel : IFullOrderModel
{
    /// <summary>Name of the parameter component holding the bump centre (x, y).</summary>
    public const string CentreName = "bump_centre";

    /// <summary>Name of the parameter component holding the bump width w.</summary>
    public const string WidthName = "bump_width";

    private readonly double[] _centroidX;
    private readonly double[] _centroidY;

    /// <summary>Builds the block model (mesh, block matrices, load) and the centroids the bump is sampled at.</summary>
    public ThermalBumpModel(ThermalBumpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Blocks = new ThermalBlockModel(options.Blocks);
        var mesh = Blocks.Triangulation;
        _centroidX = new double[mesh.TriangleCount];
        _centroidY = new double[mesh.TriangleCount];
        for (int t = 0; t < mesh.TriangleCount; t++)
            (_centroidX[t], _centroidY[t]) = mesh.Centroid(t);
        ParameterSpace = new ParameterSpace([
            .. Blocks.ParameterSpace.Ranges,
            new ParameterRange(CentreName, 2, options.CentreLower, options.CentreUpper),
            new ParameterRange(WidthName, 1, options.WidthLower, options.WidthUpper)]);
    }

    /// <summary>The settings the model was built from.</summary>
    public ThermalBumpOptions Options { get; }

    /// <summary>The affine thermal block without the bump (mesh, block stiffness matrices, load, outputs).</summary>
    public ThermalBlockModel Blocks { get; }

    /// <inheritdoc />
    public ParameterSpace ParameterSpace { get; }

    /// <inheritdoc />
    public int Dimension => Blocks.Dimension;

    /// <summary>The H¹₀ inner product (the stiffness matrix of d ≡ 1).</summary>
    public ILinearOperator EnergyProduct => Blocks.EnergyProduct;

    /// <inheritdoc />
    public IReadOnlyList<OutputFunctional> Outputs => Blocks.Outputs;

    /// <summary>The bump g(x_t; c, w) = exp(−|x_t − c|²/w²) at every triangle centroid x_t.</summary>
    public double[] Bump(Parameter mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        var g = new double[_centroidX.Length];
        for (int t = 0; t < g.Length; t++) g[t] = Bump(mu, t);
        return g;
    }

    /// <summary>The exact A(μ), assembled with d(x_t; μ) = μ_block(t) + h·g(x_t; c, w) on every triangle.</summary>
    public ILinearOperator Operator(Parameter mu)
    {
        ParameterSpace.Validate(mu);
        var blocks = mu[ThermalBlockModel.ParameterName];
        var d = Bump(mu);
        for (int t = 0; t < d.Length; t++) d[t] = blocks[Blocks.TriangleBlocks[t]] + Options.Height * d[t];
        return P1Assembly.Stiffness(Blocks.Triangulation, d).Submatrix(Blocks.FreeNodes, Blocks.FreeNodes);
    }

    /// <inheritdoc />
    public double[] RightHandSide(Parameter mu)
    {
        ParameterSpace.Validate(mu);
        return Blocks.RightHandSide(BlockPart(mu));
    }

    /// <summary>μ̄ for the reductor: every block conductivity 1 (so X = A_blocks(μ̄)) and the bump in the middle of its ranges.</summary>
    public Parameter ReferenceParameter => new(new Dictionary<string, double[]>
    {
        [ThermalBlockModel.ParameterName] = Enumerable.Repeat(1.0, Blocks.ParameterSpace.TotalDimension).ToArray(),
        [CentreName] = [.. Enumerable.Repeat((Options.CentreLower + Options.CentreUpper) / 2, 2)],
        [WidthName] = [(Options.WidthLower + Options.WidthUpper) / 2],
    });

    /// <summary>The block conductivities of μ alone, a parameter of <see cref="Blocks"/>.</summary>
    public static Parameter BlockPart(Parameter mu) =>
        Parameter.Of(ThermalBlockModel.ParameterName, mu[ThermalBlockModel.ParameterName].ToArray());

    private double Bump(Parameter mu, int t) => Gaussian(_centroidX[t], _centroidY[t], mu);

    /// <summary>g(x, y; c, w) = exp(−((x − c₀)² + (y − c₁)²)/w²) with the centre and width of μ.</summary>
    public static double Gaussian(double x, double y, Parameter mu)
    {
        var c = mu[CentreName];
        double w = mu[WidthName][0], dx = x - c[0], dy = y - c[1];
        return Math.Exp(-(dx * dx + dy * dy) / (w * w));
    }
}
