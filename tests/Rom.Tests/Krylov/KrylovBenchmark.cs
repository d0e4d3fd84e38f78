using static Rom.Tests.Krylov.KrylovTestProblems;

namespace Rom.Tests.Krylov;

/// <summary>Timings for the report; run with --filter Category=Benchmark (explicit, so not part of the suite).</summary>
[Explicit("benchmark")]
[Category("Benchmark")]
public class KrylovBenchmark
{
    [Test]
    public void PreconditionedCgOnTheThermalBlockAt141Squares()
    {
        var (a, b) = ThermalBlock(141, 3, 2024);
        TestContext.Out.WriteLine($"thermal block 3×3 at 141 squares: n = {a.Rows}, nnz = {a.NonZeros}");
        var cg = new ConjugateGradient(new ConvergenceTest(1e-10, 20_000));
        foreach (var (name, build) in new (string, Func<IPreconditioner>)[]
        {
            ("Jacobi", () => new JacobiPreconditioner(a)),
            ("SSOR", () => new SsorPreconditioner(a)),
            ("IC(0)", () => new IncompleteCholeskyPreconditioner(a)),
            ("SA-AMG", () => new SmoothedAggregationPreconditioner(a)),
        })
        {
            for (int repeat = 0; repeat < 2; repeat++)
            {
                var clock = Stopwatch.StartNew();
                var m = build();
                double setup = clock.Elapsed.TotalSeconds;
                var result = cg.Solve(a, b, m);
                string extra = m is SmoothedAggregationPreconditioner amg
                    ? $" levels {string.Join("/", amg.LevelSizes)}, complexity {amg.OperatorComplexity:F2}" : "";
                TestContext.Out.WriteLine($"{name,-7} setup {setup:F3} s, {result.Iterations,4} iterations, solve {result.Elapsed.TotalSeconds:F3} s, " +
                    $"total {setup + result.Elapsed.TotalSeconds:F3} s, {result.Reason}, true residual {TrueRelativeResidual(a, b, result.Solution):E2}{extra}");
            }
        }
    }

    [Test]
    public void Gmres40OnConvectionDiffusion()
    {
        var a = ConvectionDiffusion(100);
        var b = Enumerable.Range(0, a.Rows).Select(i => 1 + Math.Sin(i)).ToArray();
        var gmres = new Gmres(new GmresOptions(Restart: 40) { Stopping = new(1e-10, 100_000) });
        double best = double.PositiveInfinity;
        KrylovResult? result = null;
        for (int repeat = 0; repeat < 5; repeat++)
        {
            result = gmres.Solve(a, b);
            best = Math.Min(best, result.Elapsed.TotalSeconds);
        }
        TestContext.Out.WriteLine($"GMRES(40) N=100 (n={a.Rows}): {result!.MatrixVectorProducts} matvecs, {result.Iterations} iterations, " +
            $"true residual {TrueRelativeResidual(a, b, result.Solution):E3}, best of 5: {best:F4} s");
    }
}
