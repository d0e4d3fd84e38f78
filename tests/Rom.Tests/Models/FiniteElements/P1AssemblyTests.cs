namespace Rom.Tests.Models.FiniteElements;

public class P1AssemblyTests
{
    private static readonly TriangleSplit[] Splits = [TriangleSplit.Two, TriangleSplit.FourAroundCentre];

    private static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    [TestCaseSource(nameof(Splits))]
    public void ElementStiffnessMapReassemblesTheStiffnessForAnyCoefficient(TriangleSplit split)
    {
        var mesh = new StructuredTriangulation(7, split);
        var free = Enumerable.Range(0, mesh.NodeCount).Where(i => !mesh.IsBoundary[i]).ToArray();
        var pattern = P1Assembly.Stiffness(mesh, Ones(mesh.TriangleCount)).Submatrix(free, free);
        var map = P1Assembly.ElementStiffnessMap(mesh, free, pattern);
        Assert.That((map.Rows, map.Cols), Is.EqualTo((pattern.NonZeros, mesh.TriangleCount)));
        var random = new Random(5);
        var c = Enumerable.Range(0, mesh.TriangleCount).Select(_ => 0.1 + random.NextDouble()).ToArray();
        var values = new double[map.Rows];
        map.Apply(c, values);
        var assembled = P1Assembly.Stiffness(mesh, c).Submatrix(free, free);
        Assert.That(assembled.ColumnIndices, Is.EqualTo(pattern.ColumnIndices));
        for (int k = 0; k < values.Length; k++)
            Assert.That(values[k], Is.EqualTo(assembled.Values[k]).Within(1e-13 * Math.Abs(assembled.Values[k]) + 1e-15), $"stored entry {k}");
        Assert.Throws<ArgumentException>(() => P1Assembly.ElementStiffnessMap(mesh, free, CsrMatrix.Identity(free.Length)), "a pattern without the couplings");
    }

    [TestCaseSource(nameof(Splits))]
    public void MassMatrixEntriesSumToTheArea(TriangleSplit split)
    {
        var mesh = new StructuredTriangulation(9, split);
        var mass = P1Assembly.Mass(mesh);
        Assert.That(mass.Values.Sum(), Is.EqualTo(1.0).Within(1e-13));
        Assert.That(mass.ToMathNet().Equals(mass.Transpose().ToMathNet()));
    }

    [TestCaseSource(nameof(Splits))]
    public void StiffnessAnnihilatesLinearFunctionsOnInteriorRows(TriangleSplit split)
    {
        var mesh = new StructuredTriangulation(8, split);
        var k = P1Assembly.Stiffness(mesh, Ones(mesh.TriangleCount));
        var linear = Enumerable.Range(0, mesh.NodeCount).Select(i => 0.3 + 2 * mesh.X[i] - 5 * mesh.Y[i]).ToArray();
        var kl = new double[mesh.NodeCount];
        k.Apply(linear, kl);
        for (int i = 0; i < mesh.NodeCount; i++)
            if (!mesh.IsBoundary[i])
                Assert.That(kl[i], Is.EqualTo(0).Within(1e-11), $"row {i}");
        Assert.That((k.ToMathNet() - k.Transpose().ToMathNet()).FrobeniusNorm(), Is.LessThan(1e-12));
    }

    [Test]
    public void SubdomainStiffnessHasZeroRowSumsAndSumsToTheWhole()
    {
        var mesh = new StructuredTriangulation(6, TriangleSplit.FourAroundCentre);
        var left = Enumerable.Range(0, mesh.TriangleCount).Select(t => mesh.Centroid(t).X < 0.5 ? 1.0 : 0.0).ToArray();
        var right = left.Select(c => 1 - c).ToArray();
        var kl = P1Assembly.Stiffness(mesh, left);
        var kr = P1Assembly.Stiffness(mesh, right);
        var sums = new double[mesh.NodeCount];
        kl.Apply(Ones(mesh.NodeCount), sums);
        Assert.That(sums, Is.All.EqualTo(0).Within(1e-12));
        var whole = P1Assembly.Stiffness(mesh, Ones(mesh.TriangleCount));
        Assert.That((kl.ToMathNet() + kr.ToMathNet() - whole.ToMathNet()).FrobeniusNorm(), Is.LessThan(1e-12));
        Assert.That(kl.NonZeros, Is.LessThan(whole.NonZeros), "zero-coefficient triangles add no entries");
    }

    [TestCaseSource(nameof(Splits))]
    public void LoadIntegratesDegreeFourExactly(TriangleSplit split)
    {
        var mesh = new StructuredTriangulation(3, split);
        // Σ_i ∫ f φ_i = ∫ f because the hat functions sum to one.
        Assert.That(P1Assembly.Load(mesh, (x, y) => x * x * y * y).Sum(), Is.EqualTo(1.0 / 9).Within(1e-14));
        Assert.That(P1Assembly.Load(mesh, (x, y) => Math.Pow(x, 4) + x * y * y * y).Sum(), Is.EqualTo(1.0 / 5 + 1.0 / 8).Within(1e-14));
        Assert.That(P1Assembly.Load(mesh, (_, _) => 1).Sum(), Is.EqualTo(1.0).Within(1e-14));
    }

    [Test]
    public void ErrorsVanishForInterpolatedLinearFunctionsAndMatchConstants()
    {
        var mesh = new StructuredTriangulation(5, TriangleSplit.Two);
        var linear = Enumerable.Range(0, mesh.NodeCount).Select(i => 1 + mesh.X[i] - 2 * mesh.Y[i]).ToArray();
        Assert.That(P1Assembly.L2Error(mesh, linear, (x, y) => 1 + x - 2 * y), Is.LessThan(1e-14));
        Assert.That(P1Assembly.H1SeminormError(mesh, linear, (_, _) => (1, -2)), Is.LessThan(1e-13));
        // ‖1 − 0‖ = 1 on the unit square; |x − 0|_H1 = 1.
        var zero = new double[mesh.NodeCount];
        Assert.That(P1Assembly.L2Error(mesh, zero, (_, _) => 1), Is.EqualTo(1).Within(1e-14));
        Assert.That(P1Assembly.H1SeminormError(mesh, zero, (_, _) => (1, 0)), Is.EqualTo(1).Within(1e-14));
    }

    [Test]
    public void RejectsMismatchedInput()
    {
        var mesh = new StructuredTriangulation(2, TriangleSplit.Two);
        Assert.Throws<ArgumentException>(() => P1Assembly.Stiffness(mesh, new double[3]));
        var nan = Ones(mesh.TriangleCount);
        nan[4] = double.NaN;
        Assert.That(Assert.Throws<ArgumentException>(() => P1Assembly.Stiffness(mesh, nan))!.Message, Does.Contain("coefficient[4]"));
        Assert.Throws<ArgumentException>(() => P1Assembly.L2Error(mesh, new double[2], (_, _) => 0));
    }
}
