namespace Rom.Tests.GaussianProcesses;

public class OptimizerTests
{
    /// <summary>The Rosenbrock function, minimum 0 at (1, 1).</summary>
    private static double Rosenbrock(double[] x, double[] g)
    {
        double a = 1 - x[0], b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    }

    [Test]
    public void LbfgsFindsTheRosenbrockMinimum()
    {
        var result = LbfgsOptimizer.Minimize(Rosenbrock, [-1.2, 1], new OptimizerOptions(200, ObjectiveTolerance: 1e-14));
        Assert.That(result.Failed, Is.False);
        Assert.That(result.X[0], Is.EqualTo(1).Within(1e-5));
        Assert.That(result.X[1], Is.EqualTo(1).Within(1e-5));
        Assert.That(result.History[0].Objective, Is.EqualTo(24.2).Within(1e-12));
        Assert.That(result.History.Select(h => h.Objective), Is.Ordered.Descending);
    }

    /// <summary>
    /// Armijo's test passes with equality when the predicted decrease is below f's rounding (here 1e-4 against an ulp of
    /// 2 at 1e16); a step that leaves f unchanged must not count as progress, or L-BFGS "iterates" to its limit in place.
    /// </summary>
    [Test]
    public void LbfgsStopsWhenNoStepChangesTheObjective()
    {
        static double Flat(double[] x, double[] g)
        {
            g[0] = 1;
            return 1e16;
        }
        var result = LbfgsOptimizer.Minimize(Flat, [0.0], new OptimizerOptions(50));
        Assert.That((result.Iterations, result.StopReason), Is.EqualTo((0, "line search found no decrease along the gradient")));
    }

    /// <summary>
    /// A time limit stops L-BFGS inside a failing line search, not after its 40 backtracks: an objective whose gradient
    /// points the wrong way (no trial ever decreases it) and takes 20 ms per call, limited to 0.1 s, returns in well under
    /// the 2 × 40 × 20 ms = 1.6 s the two line searches would take, keeping the start.
    /// </summary>
    [Test]
    public void TimeLimitStopsALongLineSearch()
    {
        double F(double[] x, double[] g)
        {
            Thread.Sleep(20);
            g[0] = -1; // a false gradient: every step along −g increases f
            return x[0] * x[0] + x[0];
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = LbfgsOptimizer.Minimize(F, [0.0], new OptimizerOptions(100, TimeLimitSeconds: 0.1));
        Assert.That(clock.Elapsed.TotalSeconds, Is.LessThan(0.8));
        Assert.That(result.StopReason, Does.StartWith("time limit"));
        Assert.That(result.X, Is.EqualTo(new[] { 0.0 }));
    }

    /// <summary>A later stage of one solve (<see cref="OptimizerOptions.StartSeconds"/>) shares the solve's clock: its
    /// records carry the solve's seconds, and the solve's limit, already spent, stops it at once and is the one named.</summary>
    [Test]
    public void StartSecondsPutsAStageOnTheSolvesClock()
    {
        var spent = LbfgsOptimizer.Minimize(Rosenbrock, [-1.2, 1], new OptimizerOptions(200, TimeLimitSeconds: 30, StartSeconds: 31));
        Assert.That(spent.Iterations, Is.EqualTo(0));
        Assert.That(spent.StopReason, Is.EqualTo("time limit 30 s"));
        Assert.That(spent.History[0].ElapsedSeconds, Is.GreaterThanOrEqualTo(31));
        var later = LbfgsOptimizer.Minimize(Rosenbrock, [-1.2, 1], new OptimizerOptions(5, TimeLimitSeconds: 30, StartSeconds: 10));
        Assert.That(later.Iterations, Is.EqualTo(5));
        Assert.That(later.History.Select(h => h.ElapsedSeconds), Is.All.InRange(10.0, 30.0));
    }

    [Test]
    public void AdamDescendsAQuadraticAtTheReferenceRate()
    {
        // f = ½ Σ i x_i²: Adam moves every coordinate by about lr per step at first, whatever its scale.
        double F(double[] x, double[] g)
        {
            double f = 0;
            for (int i = 0; i < x.Length; i++)
            {
                g[i] = (i + 1) * x[i];
                f += 0.5 * (i + 1) * x[i] * x[i];
            }
            return f;
        }
        var one = AdamOptimizer.Minimize(F, [1, 1, 1], new OptimizerOptions(1));
        Assert.That(one.X, Is.EqualTo(new[] { 0.99, 0.99, 0.99 }).Within(1e-9));
        var result = AdamOptimizer.Minimize(F, [1, -2, 3], new OptimizerOptions(3000, ResidualTolerance: 0), null);
        Assert.That(result.Objective, Is.LessThan(1e-6));
    }

    [Test]
    public void DivergenceIsReportedAndTheLastFiniteStateKept()
    {
        int calls = 0;
        double F(double[] x, double[] g)
        {
            g[0] = 1;
            return ++calls > 5 ? double.NaN : x[0];
        }
        var result = AdamOptimizer.Minimize(F, [0], new OptimizerOptions(100));
        Assert.That(result.Failed, Is.True);
        Assert.That(double.IsFinite(result.Objective));
        Assert.That(result.X[0], Is.EqualTo(-0.04).Within(1e-9));
        Assert.That(result.StopReason, Does.Contain("non-finite"));
    }

    [Test]
    public void ResidualStopAndHistoryFollowTheCallback()
    {
        double r = 1;
        double F(double[] x, double[] g)
        {
            g[0] = 2 * x[0];
            r = Math.Abs(x[0]);
            return x[0] * x[0];
        }
        var result = AdamOptimizer.Minimize(F, [1], new OptimizerOptions(10000, LearningRate: 0.05, ResidualTolerance: 0.5), () => r);
        Assert.That(result.StopReason, Does.Contain("residual"));
        Assert.That(result.History[^1].Residual, Is.LessThanOrEqualTo(0.5));
        Assert.That(result.History.Select(h => h.ElapsedSeconds), Is.Ordered);
    }

    [Test]
    public void OptionsOutOfRangeAreNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => new OptimizerOptions(10, LearningRate: 0).Validate())!;
        Assert.That(e.ParamName, Is.EqualTo("LearningRate"));
        e = Assert.Throws<ArgumentException>(() => new OptimizerOptions(10, StartSeconds: double.NaN).Validate())!;
        Assert.That(e.ParamName, Is.EqualTo("StartSeconds"));
    }
}
