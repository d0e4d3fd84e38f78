namespace Rom.Tests.Krylov.Recycling;

public class DeflatedCgTests
{
    private static readonly ThermalBlockModel Model = new(new ThermalBlockOptions(3, 3, 40, TriangleSplit.FourAroundCentre));

    private static double RecomputedResidual(CsrMatrix a, double[] b, double[] x)
    {
        var ax = new double[b.Length];
        a.Apply(x, ax);
        return Math.Sqrt(b.Select((v, i) => (v - ax[i]) * (v - ax[i])).Sum()) / Vectors.Norm(b);
    }

    [Test]
    public void AgreesWithADirectSolve()
    {
        var small = new ThermalBlockModel(new ThermalBlockOptions(2, 2, 8, TriangleSplit.Two));
        var mu = Parameter.Of("diffusion", 0.3, 1.0, 0.6, 0.2);
        var a = (CsrMatrix)small.Operator(mu);
        var b = small.RightHandSide(mu);
        var solver = new DeflatedCg(new DeflatedCgOptions(RecycleSize: 4) { Stopping = new(1e-12) });
        var first = solver.Solve(a, b);
        var second = solver.Solve(a, b);   // now with a recycled space
        var exact = a.ToMathNet().Solve(Vector<double>.Build.DenseOfArray(b)).ToArray();
        foreach (var result in new[] { first, second })
        {
            Assert.That(result.Converged, result.Message);
            Assert.That(result.Solution.Zip(exact, (p, q) => Math.Abs(p - q)).Max() / exact.Max(Math.Abs), Is.LessThan(1e-9));
        }
        Assert.That(solver.RecycledDimension, Is.EqualTo(4));
    }

    [Test]
    public void RecyclingCutsIterationsOnASequenceOfNearbySystems()
    {
        // Eight systems along a path in parameter space, solved in order, Jacobi-preconditioned, to 1e-10.
        var path = Enumerable.Range(0, 8).Select(i => Parameter.Of("diffusion",
            Enumerable.Range(0, 9).Select(q => 0.25 + 0.25 * (q % 3) + 0.02 * i * (q % 2 == 0 ? 1 : -1)).ToArray())).ToArray();
        var options = new DeflatedCgOptions(RecycleSize: 12, KeptDirections: 30) { Stopping = new(1e-10) };
        var deflated = new DeflatedCg(options);
        var plain = new ConjugateGradient(new ConvergenceTest(1e-10));
        int plainTotal = 0, deflatedTotal = 0;
        for (int i = 0; i < path.Length; i++)
        {
            var a = (CsrMatrix)Model.Operator(path[i]);
            var b = Model.RightHandSide(path[i]);
            var jacobi = new JacobiPreconditioner(a);
            var reference = plain.Solve(a, b, jacobi);
            var recycled = deflated.Solve(a, b, jacobi);
            Assert.That(recycled.Converged, recycled.Message);
            Assert.That(RecomputedResidual(a, b, recycled.Solution), Is.LessThan(2e-10), $"system {i}");
            if (i == 0) continue;   // the first solve has nothing to recycle
            plainTotal += reference.Iterations;
            deflatedTotal += recycled.Iterations;
        }
        TestContext.Out.WriteLine($"iterations over systems 2-8: Jacobi-PCG {plainTotal}, deflated CG {deflatedTotal}");
        Assert.That(deflatedTotal, Is.LessThan(0.8 * plainTotal));
    }

    [Test]
    public void RejectsBadOptions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeflatedCg(new DeflatedCgOptions(RecycleSize: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeflatedCg(new DeflatedCgOptions(KeptDirections: 0)));
    }
}
