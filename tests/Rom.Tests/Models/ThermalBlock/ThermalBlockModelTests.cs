namespace Rom.Tests.Models.ThermalBlock;

public class ThermalBlockModelTests
{
    private static Parameter Uniform(ThermalBlockModel model, double value) =>
        Parameter.Of(ThermalBlockModel.ParameterName, Enumerable.Repeat(value, model.ParameterSpace.TotalDimension).ToArray());

    [Test]
    public void ParameterSpaceHasOneDiffusivityPerBlock()
    {
        var model = new ThermalBlockModel(new ThermalBlockOptions(3, 2, 6, TriangleSplit.Two));
        var range = model.ParameterSpace.Ranges.Single();
        Assert.That((range.Name, range.Dimension, range.Lower, range.Upper), Is.EqualTo(("diffusion", 6, 0.1, 1.0)));
        Assert.That(model.AffineOperator.Terms, Has.Count.EqualTo(6));
        Assert.That(model.AffineOperator.Coefficients, Is.EqualTo(Enumerable.Range(0, 6).Select(q => new ProjectionFunctional("diffusion", q))));
        Assert.That(model.Dimension, Is.EqualTo(5 * 5));
        Assert.That(model.FreeNodes.All(node => !model.Triangulation.IsBoundary[node]));
    }

    [TestCase(TriangleSplit.Two, 6)]
    [TestCase(TriangleSplit.FourAroundCentre, 7)]
    public void BlocksAreNumberedAlongXFirstAndCoverEqualAreas(TriangleSplit split, int n)
    {
        var model = new ThermalBlockModel(new ThermalBlockOptions(3, 2, n, split));
        var area = new double[6];
        var mesh = model.Triangulation;
        for (int t = 0; t < mesh.TriangleCount; t++)
        {
            int q = model.TriangleBlocks[t];
            var (x, y) = mesh.Centroid(t);
            Assert.That(q, Is.EqualTo(Math.Min((int)(3 * x), 2) + 3 * Math.Min((int)(2 * y), 1)));
            area[q] += mesh.Area(t);
        }
        if (n % 6 == 0)
            Assert.That(area, Is.All.EqualTo(1.0 / 6).Within(1e-13));
        Assert.That(area.Sum(), Is.EqualTo(1.0).Within(1e-13));
    }

    [Test]
    public void BlockMatricesAreSymmetricAndSumToTheEnergyProduct()
    {
        var model = new ThermalBlockModel(new ThermalBlockOptions(2, 2, 9, TriangleSplit.FourAroundCentre));
        var sum = model.AffineOperator.Terms.Cast<CsrMatrix>().Select(a => a.ToMathNet()).Aggregate((a, b) => a + b);
        foreach (CsrMatrix a in model.AffineOperator.Terms)
            Assert.That((a.ToMathNet() - a.Transpose().ToMathNet()).FrobeniusNorm(), Is.LessThan(1e-12));
        var energy = ((CsrMatrix)model.EnergyProduct).ToMathNet();
        Assert.That((sum - energy).FrobeniusNorm(), Is.LessThan(1e-12));
        // The unit-coefficient stiffness on the full nodal system annihilates linear functions in interior rows;
        // restricted to the unknowns, that holds for unknowns with no boundary neighbour.
        var whole = P1Assembly.Stiffness(model.Triangulation, Enumerable.Repeat(1.0, model.Triangulation.TriangleCount).ToArray());
        Assert.That((whole.Submatrix(model.FreeNodes, model.FreeNodes).ToMathNet() - energy).FrobeniusNorm(), Is.LessThan(1e-12));
    }

    [Test]
    public void OperatorMatchesTheWeightedSumOfBlocks()
    {
        var model = new ThermalBlockModel(new ThermalBlockOptions(2, 3, 8, TriangleSplit.Two));
        var mu = ParameterSampling.Uniform(model.ParameterSpace, 1, 3)[0];
        var expected = model.AffineOperator.Terms.Cast<CsrMatrix>()
            .Select((a, q) => a.ToMathNet() * mu["diffusion"][q]).Aggregate((a, b) => a + b);
        Assert.That((((CsrMatrix)model.Operator(mu)).ToMathNet() - expected).FrobeniusNorm(), Is.LessThan(1e-12));
    }

    [Test]
    public void InvalidParameterAndOptionsAreRejected()
    {
        var model = new ThermalBlockModel(new ThermalBlockOptions(2, 2, 4, TriangleSplit.Two));
        var ex = Assert.Throws<ArgumentException>(() => model.Solve(Parameter.Of("diffusion", 0.5, 0.5, 0.5, 2.0)));
        Assert.That(ex!.Message, Does.Contain("diffusion").And.Contain("2"));
        Assert.Throws<ArgumentException>(() => model.Solve(Parameter.Of("diffusion", 0.5, 0.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ThermalBlockModel(new ThermalBlockOptions(0, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ThermalBlockModel(new ThermalBlockOptions(SquaresPerSide: 0)));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new ThermalBlockOptions(MuLower: 0).Validate())!.Message, Does.Contain("MuLower"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => new ThermalBlockOptions(MuUpper: 0.05).Validate())!.Message, Does.Contain("MuUpper"));
    }

    [Test]
    public void NodalAndGridViewsPutZerosOnTheBoundary()
    {
        var model = new ThermalBlockModel(new ThermalBlockOptions(1, 1, 4, TriangleSplit.FourAroundCentre));
        var u = Enumerable.Range(1, model.Dimension).Select(k => (double)k).ToArray();
        var nodal = model.ToNodal(u);
        Assert.That(model.FreeNodes.Select(node => nodal[node]), Is.EqualTo(u));
        var grid = model.VertexGrid(u);
        Assert.That(grid.GetLength(0), Is.EqualTo(5));
        Assert.That(grid[0, 2], Is.Zero);
        Assert.That(grid[4, 1], Is.Zero);
        Assert.That(grid[3, 1], Is.EqualTo(nodal[3 + 5 * 1]));
        Assert.Throws<ArgumentException>(() => model.ToNodal(new double[3]));
    }

    /// <summary>u = sin(πx) sin(πy) solves −∇·(μ∇u) = 2π²μu with u = 0 on the boundary.</summary>
    private static (double L2, double H1) ManufacturedErrors(int n, TriangleSplit split)
    {
        const double mu = 0.5;
        var model = new ThermalBlockModel(new ThermalBlockOptions(2, 2, n, split,
            Source: (x, y) => 2 * Math.PI * Math.PI * mu * Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y)));
        var result = model.Solve(Uniform(model, mu), new ConvergenceTest(1e-13));
        Assert.That(result.Converged, result.Message);
        var nodal = model.ToNodal(result.Solution);
        double l2 = P1Assembly.L2Error(model.Triangulation, nodal, (x, y) => Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y));
        double h1 = P1Assembly.H1SeminormError(model.Triangulation, nodal, (x, y) =>
            (Math.PI * Math.Cos(Math.PI * x) * Math.Sin(Math.PI * y), Math.PI * Math.Sin(Math.PI * x) * Math.Cos(Math.PI * y)));
        return (l2, h1);
    }

    private static double FittedSlope(double[] logH, double[] logE)
    {
        double mh = logH.Average(), me = logE.Average();
        return logH.Zip(logE, (h, e) => (h - mh) * (e - me)).Sum() / logH.Sum(h => (h - mh) * (h - mh));
    }

    /// <summary>The errors on 8², 16², 32² and 64² squares, and the least-squares slopes of their logs against log h.</summary>
    private static ((double L2, double H1)[] Errors, double L2Slope, double H1Slope) ConvergenceOrders(Func<int, (double L2, double H1)> errorsOn)
    {
        int[] meshes = [8, 16, 32, 64];
        var errors = meshes.Select(errorsOn).ToArray();
        var logH = meshes.Select(n => Math.Log(1.0 / n)).ToArray();
        return (errors, FittedSlope(logH, errors.Select(e => Math.Log(e.L2)).ToArray()), FittedSlope(logH, errors.Select(e => Math.Log(e.H1)).ToArray()));
    }

    [TestCase(TriangleSplit.Two)]
    [TestCase(TriangleSplit.FourAroundCentre)]
    public void ManufacturedSolutionConvergesWithOptimalOrders(TriangleSplit split)
    {
        var (errors, l2Slope, h1Slope) = ConvergenceOrders(n => ManufacturedErrors(n, split));
        TestContext.Out.WriteLine($"{split}: L2 errors {string.Join(", ", errors.Select(e => e.L2.ToString("E3")))}; slope {l2Slope:F4}");
        TestContext.Out.WriteLine($"{split}: H1 errors {string.Join(", ", errors.Select(e => e.H1.ToString("E3")))}; slope {h1Slope:F4}");
        Assert.That(l2Slope, Is.EqualTo(2).Within(0.1));
        Assert.That(h1Slope, Is.EqualTo(1).Within(0.1));
    }

    /// <summary>
    /// A solution with a kink across x = 1/2 for d = d₁ left, d₂ right: u = w(x) sin(πy) with d w' = cos(πx) + c
    /// continuous (flux continuity), w(0) = w(1) = 0 fixing c; f = (π sin(πx) + d π² w) sin(πy).
    /// </summary>
    private static (double L2, double H1) DiscontinuousErrors(int n, TriangleSplit split)
    {
        const double d1 = 0.1, d2 = 1.0;
        double c = -2 / Math.PI * (1 / d1 - 1 / d2) / (1 / d1 + 1 / d2);
        double D(double x) => x < 0.5 ? d1 : d2;
        double W(double x) => x < 0.5
            ? (Math.Sin(Math.PI * x) / Math.PI + c * x) / d1
            : (1 / Math.PI + c / 2) / d1 + ((Math.Sin(Math.PI * x) - 1) / Math.PI + c * (x - 0.5)) / d2;
        double dW(double x) => (Math.Cos(Math.PI * x) + c) / D(x);
        var model = new ThermalBlockModel(new ThermalBlockOptions(2, 1, n, split,
            Source: (x, y) => (Math.PI * Math.Sin(Math.PI * x) + D(x) * Math.PI * Math.PI * W(x)) * Math.Sin(Math.PI * y)));
        var result = model.Solve(Parameter.Of("diffusion", d1, d2), new ConvergenceTest(1e-13));
        Assert.That(result.Converged, result.Message);
        var nodal = model.ToNodal(result.Solution);
        return (P1Assembly.L2Error(model.Triangulation, nodal, (x, y) => W(x) * Math.Sin(Math.PI * y)),
            P1Assembly.H1SeminormError(model.Triangulation, nodal, (x, y) => (dW(x) * Math.Sin(Math.PI * y), W(x) * Math.PI * Math.Cos(Math.PI * y))));
    }

    [TestCase(TriangleSplit.Two)]
    [TestCase(TriangleSplit.FourAroundCentre)]
    public void DiscontinuousCoefficientAlignedWithTheMeshKeepsOptimalOrders(TriangleSplit split)
    {
        var (_, l2Slope, h1Slope) = ConvergenceOrders(n => DiscontinuousErrors(n, split));
        TestContext.Out.WriteLine($"{split}, d = (0.1, 1): L2 slope {l2Slope:F4}, H1 slope {h1Slope:F4}");
        Assert.That(l2Slope, Is.EqualTo(2).Within(0.1));
        Assert.That(h1Slope, Is.EqualTo(1).Within(0.1));
    }

    /// <summary>∫u for −Δu = 1 on the unit square: (64/π⁶) Σ_{m,n odd} 1/(m² n² (m² + n²)), summed to about 1e-12.</summary>
    private static double SeriesMean()
    {
        const int last = 4001;
        double sum = 0;
        for (int m = last; m >= 1; m -= 2)
            for (int n = last; n >= 1; n -= 2)
            {
                double m2 = (double)m * m, n2 = (double)n * n;
                sum += 1 / (m2 * n2 * (m2 + n2));
            }
        return 64 / Math.Pow(Math.PI, 6) * sum;
    }

    [Test]
    public void MeanOutputMatchesTheSeriesSolution()
    {
        double exact = SeriesMean();
        Assert.That(exact, Is.EqualTo(0.0351442).Within(1e-7));
        var model = new ThermalBlockModel(new ThermalBlockOptions(2, 2, 141, TriangleSplit.FourAroundCentre));
        var result = model.Solve(Uniform(model, 1.0), new ConvergenceTest(1e-12));
        Assert.That(result.Converged, result.Message);
        double mean = model.Outputs.Single(o => o.Name == "mean").Evaluate(result.Solution);
        double relative = Math.Abs(mean - exact) / exact;
        TestContext.Out.WriteLine($"series mean {exact:R}, P1 mean {mean:R}, relative error {relative:E3}");
        Assert.That(relative, Is.LessThan(1e-4));
    }

    [Test]
    public void TimingAt40045Nodes()
    {
        var clock = Stopwatch.StartNew();
        var model = new ThermalBlockModel(new ThermalBlockOptions(3, 3, 141, TriangleSplit.FourAroundCentre));
        var assembly = clock.Elapsed;
        Assert.That(model.Triangulation.NodeCount, Is.EqualTo(40_045));
        foreach (var mu in ParameterSampling.Uniform(model.ParameterSpace, 3, 2024))
        {
            var result = model.Solve(mu, new ConvergenceTest(1e-10));
            Assert.That(result.Converged, result.Message);
            TestContext.Out.WriteLine($"μ = {mu}: CG {result.Iterations} iterations, {result.Elapsed.TotalSeconds:F3} s, {result.Message}");
        }
        TestContext.Out.WriteLine($"assembly of {model.Triangulation.NodeCount} nodes, {model.Dimension} unknowns, 9 blocks: {assembly.TotalSeconds:F3} s");
        Assert.That(assembly.TotalSeconds, Is.LessThan(5), "assembly should take well under a second; 5 s leaves room for slow CI");
    }
}
