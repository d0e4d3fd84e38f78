namespace Rom.Tests.Models.FiniteElements;

public class StructuredTriangulationTests
{
    [TestCase(141, TriangleSplit.FourAroundCentre, 40_045, 4 * 141 * 141)]
    [TestCase(100, TriangleSplit.FourAroundCentre, 20_201, 4 * 100 * 100)]
    [TestCase(100, TriangleSplit.Two, 101 * 101, 2 * 100 * 100)]
    [TestCase(1, TriangleSplit.Two, 4, 2)]
    public void CountsNodesAndTriangles(int n, TriangleSplit split, int nodes, int triangles)
    {
        var mesh = new StructuredTriangulation(n, split);
        Assert.That(mesh.NodeCount, Is.EqualTo(nodes));
        Assert.That(mesh.TriangleCount, Is.EqualTo(triangles));
        int boundary = 0;
        foreach (bool b in mesh.IsBoundary) if (b) boundary++;
        Assert.That(boundary, Is.EqualTo(4 * n));
    }

    [TestCase(TriangleSplit.Two)]
    [TestCase(TriangleSplit.FourAroundCentre)]
    public void TrianglesTileTheUnitSquareCounterClockwise(TriangleSplit split)
    {
        var mesh = new StructuredTriangulation(7, split);
        double total = 0;
        for (int t = 0; t < mesh.TriangleCount; t++)
        {
            Assert.That(mesh.Area(t), Is.GreaterThan(0));
            total += mesh.Area(t);
        }
        Assert.That(total, Is.EqualTo(1.0).Within(1e-13));
    }

    [Test]
    public void NumbersVerticesRowMajorThenCentres()
    {
        var mesh = new StructuredTriangulation(4, TriangleSplit.FourAroundCentre);
        int node = mesh.VertexNode(3, 2);
        Assert.That(node, Is.EqualTo(3 + 5 * 2));
        Assert.That((mesh.X[node], mesh.Y[node]), Is.EqualTo((0.75, 0.5)));
        // Centre of square (ix = 1, iy = 2) follows the 25 vertices.
        int centre = 25 + 1 + 4 * 2;
        Assert.That((mesh.X[centre], mesh.Y[centre]), Is.EqualTo((0.375, 0.625)));
        Assert.That(mesh.IsBoundary[centre], Is.False);
    }

    [Test]
    public void RejectsBadSizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new StructuredTriangulation(0, TriangleSplit.Two));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new StructuredTriangulation(3, (TriangleSplit)7));
    }

    [Test]
    public void GeneralTriangulationRejectsClockwiseTriangles()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new Triangulation([0, 1, 0], [0, 0, 1], [0, 2, 1], [true, true, true]));
        Assert.That(ex!.Message, Does.Contain("Triangle 0"));
    }
}
