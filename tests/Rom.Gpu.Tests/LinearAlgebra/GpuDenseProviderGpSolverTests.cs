using Rom.GaussianProcesses;

namespace Rom.Gpu.Tests.LinearAlgebra;

/// <summary>
/// The GP PDE objective, its gradients and the field solve with every Kronecker matvec (K⁻¹U, D_t ×_d U, the mode-d
/// Gram matrices) on the device, against the same computation through the managed provider.
/// </summary>
public class GpuDenseProviderGpSolverTests
{
    [Test]
    public void ObjectiveGradientsAndFieldMatchTheManagedProvider()
    {
        // 30 × 25 points, over GpFactorization.DenseLimit, so the field solve is the CGLS with the Kronecker preconditioner.
        var grid = new TensorGrid([0.0, 0.0], [2.0, 1.5], [30, 25]);
        Assert.That(grid.Count, Is.GreaterThan(GpFactorization.DenseLimit));
        var problem = GpPdeProblem.FromFunctions(grid, LinearPdeOperator.Laplacian(2, -1),
            p => p.Sum(x => Math.Sin(3 * x)), p => Math.Cos(p.Sum()));
        using var gpu = GpuContext.CreateCpu();
        using var device = new GpuDenseProvider(gpu, ManagedProvider.Instance);
        // A jitter of 0.05 keeps every K_d well conditioned, so two correct backends agree to ~1e-14 (OpenBLAS and the
        // managed GEMM do; at the default 1e-6, J is 10¹³ and summation order alone moves it by 1e-10).
        var onHost = new GpObjective(problem, KernelFamily.Gaussian, 3, jitter: 0.05, provider: ManagedProvider.Instance);
        var onDevice = new GpObjective(problem, KernelFamily.Gaussian, 3, jitter: 0.05, provider: device);

        var random = new Random(11);
        var phi = onHost.InitialParameters(2);
        for (int i = 0; i < phi.Length; i++)
            phi[i] += 0.3 * (random.NextDouble() - 0.5);
        phi[onHost.NoiseIndex] = 0;
        phi[onHost.NoiseIndex + 1] = 0;
        var u = RandomData.Reals(grid.Count, 12);

        var hostFactors = onHost.Factorize(phi);
        var deviceFactors = onDevice.Factorize(phi);
        double[] hostPhi = new double[phi.Length], hostU = new double[u.Length];
        double[] devicePhi = new double[phi.Length], deviceU = new double[u.Length];
        var hostTerms = hostFactors.Evaluate(u, hostPhi, hostU);
        var deviceTerms = deviceFactors.Evaluate(u, devicePhi, deviceU);
        Assert.That(deviceTerms.Total, Is.EqualTo(hostTerms.Total).Within(1e-10 * Math.Abs(hostTerms.Total)));
        Assert.That(RandomData.RelativeError(devicePhi, hostPhi), Is.LessThan(1e-10), "∂J/∂φ");
        Assert.That(RandomData.RelativeError(deviceU, hostU), Is.LessThan(1e-10), "∂J/∂U");

        // Converging takes about 300 CGLS iterations here, each 2.5 s of emulated GPU threads on two cores, so the test
        // compares the first iterate: one pass through the Kronecker preconditioner, A and Aᵀ, the same arithmetic on
        // both providers but for the GEMMs' rounding (2e-14 apart after one iteration, 3e-14 after three).
        var hostSolve = hostFactors.SolveField(tolerance: 1e-10, maxIterations: 1);
        var deviceSolve = deviceFactors.SolveField(tolerance: 1e-10, maxIterations: 1);
        Assert.That((deviceSolve.Iterations, hostSolve.Iterations), Is.EqualTo((1, 1)));
        Assert.That(RandomData.RelativeError(deviceSolve.Field, hostSolve.Field), Is.LessThan(1e-10), "field");
    }
}
