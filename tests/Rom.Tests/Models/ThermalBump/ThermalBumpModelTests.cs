using Rom.Models.ThermalBump;

namespace Rom.Tests.Models.ThermalBump;

public class ThermalBumpModelTests
{
    private static readonly ThermalBumpModel Model = new(new ThermalBumpOptions(new ThermalBlockOptions(2, 2, 24, TriangleSplit.Two)));

    [Test]
    public void TheOperatorIsTheBlockOperatorPlusTheBumpStiffness()
    {
        // Independent route: A(μ) − Σ μ_q A_q must be h·K(g), and K(g)·1-on-the-interior vanishes on rows away from the boundary.
        var mu = ParameterSampling.Uniform(Model.ParameterSpace, 1, 4)[0];
        var a = (CsrMatrix)Model.Operator(mu);
        var blocks = (CsrMatrix)Model.Blocks.AffineOperator.At(ThermalBumpModel.BlockPart(mu));
        var g = Model.Bump(mu);
        for (int t = 0; t < g.Length; t++) g[t] *= Model.Options.Height;
        var bump = P1Assembly.Stiffness(Model.Blocks.Triangulation, g).Submatrix(Model.Blocks.FreeNodes, Model.Blocks.FreeNodes);
        var x = Enumerable.Range(0, a.Rows).Select(i => Math.Sin(i + 1.0)).ToArray();
        var (ax, bx, kx) = (new double[a.Rows], new double[a.Rows], new double[a.Rows]);
        a.Apply(x, ax);
        blocks.Apply(x, bx);
        bump.Apply(x, kx);
        for (int i = 0; i < a.Rows; i++) Assert.That(ax[i], Is.EqualTo(bx[i] + kx[i]).Within(1e-12 * (1 + Math.Abs(ax[i]))));
        Assert.That(g.Max(), Is.GreaterThan(0.5), "the bump is centred inside the square");
    }

    [Test]
    public void BadOptionsNameTheSetting()
    {
        var blocks = new ThermalBlockOptions(2, 2, 8);
        Assert.That(() => new ThermalBumpModel(new ThermalBumpOptions(blocks, Height: -1)),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Height"));
        Assert.That(() => new ThermalBumpModel(new ThermalBumpOptions(blocks, WidthLower: 0)),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Width"));
        Assert.That(() => new ThermalBumpModel(new ThermalBumpOptions(blocks, CentreUpper: 1.5)),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Centre"));
    }
}
