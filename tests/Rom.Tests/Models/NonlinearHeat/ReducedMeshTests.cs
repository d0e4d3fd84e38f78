using Rom.Models.NonlinearHeat;

namespace Rom.Tests.Models.NonlinearHeat;

public class ReducedMeshTests
{
    private static readonly NonlinearHeatModel Model = new(new NonlinearHeatOptions(SquaresPerSide: 10, Beta: 3));

    private static double[] Field(int seed)
    {
        var random = new Random(seed);
        var mesh = Model.Mesh;
        return Enumerable.Range(0, mesh.NodeCount).Select(i => mesh.IsBoundary[i] ? 0 : random.NextDouble()).ToArray();
    }

    private static readonly int[] Samples = [12, 45, 60, 61, 100];

    [Test]
    public void ForceAtTheSamplesMatchesTheFullAssembly()
    {
        var u = Field(1);
        var reduced = new ReducedMesh(Model, Samples);
        var force = new double[Samples.Length];
        reduced.Force(reduced.Gather(u), force);
        var full = Model.Force(u);
        for (int s = 0; s < Samples.Length; s++)
            Assert.That(force[s], Is.EqualTo(full[Samples[s]]).Within(1e-12 * Math.Abs(full[Samples[s]]) + 1e-14));
        Assert.That(reduced.Triangles.Count, Is.LessThanOrEqualTo(6 * Samples.Length));
    }

    [Test]
    public void JacobianMatchesFiniteDifferences()
    {
        var reduced = new ReducedMesh(Model, Samples);
        var u = reduced.Gather(Field(2));
        var force = new double[Samples.Length];
        var jacobian = Matrix<double>.Build.Dense(Samples.Length, reduced.Nodes.Count);
        reduced.Force(u, force, jacobian);
        const double h = 1e-6;
        var plus = new double[Samples.Length];
        var minus = new double[Samples.Length];
        for (int j = 0; j < u.Length; j++)
        {
            var up = u.ToArray(); up[j] += h;
            var down = u.ToArray(); down[j] -= h;
            reduced.Force(up, plus);
            reduced.Force(down, minus);
            for (int s = 0; s < Samples.Length; s++)
                Assert.That(jacobian[s, j], Is.EqualTo((plus[s] - minus[s]) / (2 * h)).Within(1e-6), $"row {s}, column {j}");
        }
    }

    [Test]
    public void RejectsBoundaryOrRepeatedSamples()
    {
        Assert.Throws<ArgumentException>(() => new ReducedMesh(Model, [0]));
        Assert.Throws<ArgumentException>(() => new ReducedMesh(Model, [12, 12]));
        Assert.Throws<ArgumentException>(() => new ReducedMesh(Model, [Model.Mesh.NodeCount]));
    }
}
