namespace Rom.Tests.Parameters;

public class ParameterSamplingTests
{
    private static readonly ParameterSpace Space = new([new ParameterRange("diffusion", 3, 0.1, 1), new ParameterRange("source", 1, -2, 5)]);

    private static double[][] Flat(IReadOnlyList<Parameter> samples) => samples.Select(Space.ToVector).ToArray();

    [Test]
    public void SamplersStayInRangeAndAreReproducible()
    {
        var bounds = Space.FlatBounds();
        foreach (Func<int, IReadOnlyList<Parameter>> sampler in new Func<int, IReadOnlyList<Parameter>>[]
                 {
                     seed => ParameterSampling.Uniform(Space, 50, seed),
                     seed => ParameterSampling.LatinHypercube(Space, 50, seed),
                 })
        {
            var a = Flat(sampler(1));
            Assert.That(a, Has.Length.EqualTo(50));
            foreach (var v in a)
                for (int d = 0; d < v.Length; d++)
                    Assert.That(v[d], Is.InRange(bounds[d].Lower, bounds[d].Upper));
            Assert.That(Flat(sampler(1)), Is.EqualTo(a));
            Assert.That(Flat(sampler(2)), Is.Not.EqualTo(a));
        }
    }

    [Test]
    public void LatinHypercubePutsOneSampleInEveryStratum()
    {
        const int count = 20;
        var samples = Flat(ParameterSampling.LatinHypercube(Space, count, 7));
        var bounds = Space.FlatBounds();
        for (int d = 0; d < bounds.Length; d++)
        {
            var strata = samples.Select(v => (int)Math.Floor((v[d] - bounds[d].Lower) / (bounds[d].Upper - bounds[d].Lower) * count)).OrderBy(s => s);
            Assert.That(strata, Is.EqualTo(Enumerable.Range(0, count)), $"entry {d}");
        }
    }

    [Test]
    public void LogUniformIsUniformInTheLogarithm()
    {
        var space = new ParameterSpace([new ParameterRange("mu", 1, 0.01, 100)]);
        var logs = ParameterSampling.LogUniform(space, 20_000, 3).Select(p => Math.Log(p["mu"][0])).ToArray();
        Assert.That(logs.Average(), Is.EqualTo(0.5 * (Math.Log(0.01) + Math.Log(100))).Within(0.05));
        Assert.That(logs.All(l => l >= Math.Log(0.01) - 1e-12 && l <= Math.Log(100) + 1e-12));
        Assert.Throws<ArgumentException>(() => ParameterSampling.LogUniform(Space, 3, 1));
    }

    [Test]
    public void GridHasAllCombinationsWithEndpoints()
    {
        var space = new ParameterSpace([new ParameterRange("a", 2, 0, 1), new ParameterRange("b", 1, -1, 1)]);
        var grid = ParameterSampling.Grid(space, 3).Select(space.ToVector).ToArray();
        Assert.That(grid, Has.Length.EqualTo(27));
        Assert.That(grid.Distinct(new SequenceComparer()).Count(), Is.EqualTo(27));
        Assert.That(grid, Has.Some.EqualTo(new[] { 0.0, 0.0, -1.0 }));
        Assert.That(grid, Has.Some.EqualTo(new[] { 1.0, 1.0, 1.0 }));
        Assert.That(grid.SelectMany(v => v.Take(2)).Distinct().OrderBy(v => v), Is.EqualTo(new[] { 0.0, 0.5, 1.0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSampling.Grid(space, 0));
    }

    private sealed class SequenceComparer : IEqualityComparer<double[]>
    {
        public bool Equals(double[]? x, double[]? y) => x!.SequenceEqual(y!);
        public int GetHashCode(double[] obj) => obj.Aggregate(17, (h, v) => h * 31 + v.GetHashCode());
    }
}
