namespace Rom.Tests.GaussianProcesses;

public class SourceSpectrumTests
{
    [Test]
    public void WeightsPeakAtTheSourcesFrequencyOnEachAxis()
    {
        // f = sin(2π·3 x) · cos(2π·5 y) on [0, 2]²: axis 0 carries 3 cycles per unit, axis 1 carries 5.
        var grid = TensorGrid.Cube(2, 0, 2, 41);
        var problem = GpPdeProblem.FromFunctions(grid, LinearPdeOperator.Laplacian(2),
            p => Math.Sin(2 * Math.PI * 3 * p[0]) * Math.Cos(2 * Math.PI * 5 * p[1]), _ => 0);
        double[] frequencies = [0, 1, 2, 3, 4, 5, 6, 7];
        var x = SourceSpectrum.LogWeights(problem, 0, frequencies);
        var y = SourceSpectrum.LogWeights(problem, 1, frequencies);
        Assert.That(Array.IndexOf(x, x.Max()), Is.EqualTo(3));
        Assert.That(Array.IndexOf(y, y.Max()), Is.EqualTo(5));
        Assert.That(x.Sum(Math.Exp), Is.EqualTo(1).Within(frequencies.Length * SourceSpectrum.Floor));
        Assert.That(x.Min(), Is.GreaterThanOrEqualTo(Math.Log(SourceSpectrum.Floor) - 1e-12));
        Assert.Throws<ArgumentException>(() => SourceSpectrum.LogWeights(problem, 2, frequencies));
    }
}
