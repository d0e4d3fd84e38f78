namespace Rom.Tests.GaussianProcesses;

public class GpPosteriorMeanTests
{
    private static SpectralMixtureKernel Kernel(KernelFamily family, int seed)
    {
        var random = new Random(seed);
        var theta = SpectralMixtureKernel.InitialParameters(3, 1.5);
        for (int i = 0; i < theta.Length; i++)
            theta[i] += 0.4 * (random.NextDouble() - 0.5);
        return new SpectralMixtureKernel(family, theta);
    }

    /// <summary>The Kronecker mode products against the formed covariances: k(X*, X) (K₁ ⊗ K₂ ⊗ K₃)⁻¹ U by dense algebra.</summary>
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void EqualsTheFormedCrossCovarianceTimesTheFormedInverse(int dimensions)
    {
        int[] sizes = [6, 5, 4], testSizes = [9, 3, 7];
        const double jitter = 0.01;
        var grid = new TensorGrid(new double[dimensions], [.. Enumerable.Range(0, dimensions).Select(d => 1.0 + 0.2 * d)], sizes[..dimensions]);
        var test = new TensorGrid([.. Enumerable.Range(0, dimensions).Select(d => -0.1 * d)], [.. Enumerable.Range(0, dimensions).Select(d => 1.3)], testSizes[..dimensions]);
        var kernels = Enumerable.Range(0, dimensions).Select(d => Kernel(d == 1 ? KernelFamily.Gaussian : KernelFamily.StudentT, 3 + d)).ToArray();
        var random = new Random(11);
        var u = Enumerable.Range(0, grid.Count).Select(_ => random.NextDouble() - 0.5).ToArray();

        var mean = new GpPosteriorMean(grid, kernels, jitter, u).Evaluate(test);

        Matrix<double> k = Matrix<double>.Build.Dense(1, 1, 1), c = Matrix<double>.Build.Dense(1, 1, 1);
        for (int d = 0; d < dimensions; d++)
        {
            var x = grid.Coordinates(d);
            var t = test.Coordinates(d);
            var kd = Matrix<double>.Build.Dense(x.Length, x.Length, (i, j) => kernels[d].Value(x[i] - x[j], 0) + (i == j ? jitter : 0));
            var cd = Matrix<double>.Build.Dense(t.Length, x.Length, (i, j) => kernels[d].Value(t[i] - x[j], 0));
            k = k.KroneckerProduct(kd);
            c = c.KroneckerProduct(cd);
        }
        var expected = c * k.Solve(Vector<double>.Build.DenseOfArray(u));
        Assert.That(mean, Has.Length.EqualTo(test.Count));
        double scale = expected.AbsoluteMaximum();
        for (int i = 0; i < mean.Length; i++)
            Assert.That(mean[i], Is.EqualTo(expected[i]).Within(1e-9 * scale), $"point {i}");
    }

    /// <summary>A GP conditioned on a smooth function at 40 points predicts it between them; the same field under a kernel above the grid's Nyquist frequency does not.</summary>
    [Test]
    public void InterpolatesBelowNyquistAndAliasesAboveIt()
    {
        var grid = TensorGrid.Cube(1, 0, 1, 40);
        var test = TensorGrid.Cube(1, 0, 1, 333);
        var u = grid.Sample(p => Math.Sin(2 * Math.PI * 3 * p[0]));
        var exact = test.Sample(p => Math.Sin(2 * Math.PI * 3 * p[0]));
        // One component at 3 cycles per unit; its alias 3 + 1/h = 42 cycles gives the same K at the points.
        var below = new SpectralMixtureKernel(KernelFamily.Gaussian, [0, Math.Log(0.5), 3]);
        var above = new SpectralMixtureKernel(KernelFamily.Gaussian, [0, Math.Log(0.5), 3 + 39]);
        double Error(SpectralMixtureKernel kernel)
        {
            var mean = new GpPosteriorMean(grid, [kernel], 1e-8, u).Evaluate(test);
            return Math.Sqrt(mean.Select((m, i) => (m - exact[i]) * (m - exact[i])).Sum() / exact.Sum(e => e * e));
        }
        Assert.That(Error(below), Is.LessThan(1e-4));
        Assert.That(Error(above), Is.GreaterThan(0.5));
    }

    [Test]
    public void RefusesMismatchedInputNamingIt()
    {
        var grid = TensorGrid.Cube(2, 0, 1, 5);
        var kernel = Kernel(KernelFamily.Gaussian, 1);
        Assert.That(() => new GpPosteriorMean(grid, [kernel, kernel], 1e-6, new double[25]).Evaluate(TensorGrid.Cube(1, 0, 1, 5)),
            Throws.ArgumentException.With.Message.Contains("points has 1 axes"));
        Assert.That(() => new GpPosteriorMean(grid, [kernel], 1e-6, new double[25]),
            Throws.ArgumentException.With.Message.Contains("kernels has 1 entries"));
        Assert.That(() => new GpPosteriorMean(grid, [kernel, kernel], 1e-6, new double[24]),
            Throws.ArgumentException.With.Message.Contains("field has 24 values"));
    }
}
