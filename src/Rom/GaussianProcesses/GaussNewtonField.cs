namespace Rom.GaussianProcesses;

/// <summary>
/// Gauss–Newton for the U that minimises J at fixed φ when the PDE has a pointwise nonlinearity N (r(U) = L U + N(U) − f).
/// Each step linearises r about U_k, r ≈ (L + diag N′(U_k)) U − f_k with f_k = f − N(U_k) + N′(U_k) U_k, and minimises
/// the resulting quadratic J exactly (<see cref="GpFactorization.SolveLinear"/>: dense QR or preconditioned CGLS, the
/// preconditioner the linear operator's). Its gradient at U_k is J's, and its Hessian is positive definite, so the step
/// s descends J; a backtracking (Armijo) line search on J takes a fraction of it where the linearisation overshoots.
/// Stops when the accepted step is ≤ tol·‖U‖, or when no further decrease is resolvable: the step predicts, or J
/// made, a decrease ≤ <see cref="Roundoff"/>·max(1, |J|) (J's rounding level; a criterion on J at tol would stop with
/// ‖∇J‖ far from zero, since J − J* is quadratic in the error). Reports non-convergence after <see cref="MaxSteps"/>
/// steps (typically a far trial φ of the optimiser, which its line search then rejects) or when the line search fails
/// on a step longer than √tol·‖U‖ (a shorter one changes J by ~tol, below J's rounding: taken, converged).
/// </summary>
internal static class GaussNewtonField
{
    /// <summary>The most Gauss–Newton steps.</summary>
    public const int MaxSteps = 20;

    /// <summary>The relative change of J taken as rounding: J sums terms of either sign, each to ~1e-16 relative.</summary>
    public const double Roundoff = 1e-14;

    private const int MaxHalvings = 30;
    private const double Armijo = 1e-4;

    public static GpFieldSolve Solve(GpFactorization factors, PointwiseTerm nonlinearity, double[]? initial, double tolerance, int maxIterations)
    {
        var problem = factors.Objective.Problem;
        int n = problem.Grid.Count;
        var u = initial is null ? new double[n] : (double[])initial.Clone();
        var gradient = new double[n];
        double j = factors.Evaluate(u, [], gradient).Total;
        var slope = new double[n];
        var source = new double[n];
        var trial = new double[n];
        int inner = 0, steps = 0;
        double innerResidual = 0;
        bool innerConverged = true, converged = false;
        while (steps < MaxSteps)
        {
            for (int i = 0; i < n; i++)
            {
                slope[i] = nonlinearity.Derivative(u[i]);
                source[i] = problem.Source[i] - nonlinearity.Value(u[i]) + slope[i] * u[i];
            }
            var linear = factors.SolveLinear(source, x => AddDiagonal(factors.ApplyOperator(x), slope, x),
                r => AddDiagonal(factors.ApplyTransposedOperator(r), slope, r), u, tolerance, maxIterations);
            steps++;
            inner += linear.Iterations;
            innerResidual = linear.RelativeResidual;
            innerConverged = linear.Converged;
            double predicted = 0;
            for (int i = 0; i < n; i++)
                predicted -= gradient[i] * (linear.Field[i] - u[i]);
            double scale = Roundoff * Math.Max(1, Math.Abs(j));
            if (!(predicted > scale))
            {
                // Nothing resolvable left to gain: take the step, whose change of J is below rounding (comparing J
                // values would be a coin toss) but which still removes the last of ∂J/∂U.
                u = linear.Field;
                converged = true;
                break;
            }
            double t = 1, next = double.NaN;
            for (int halving = 0; halving <= MaxHalvings; halving++, t /= 2)
            {
                for (int i = 0; i < n; i++)
                    trial[i] = u[i] + t * (linear.Field[i] - u[i]);
                next = factors.Evaluate(trial, [], []).Total;
                if (next <= j - Armijo * t * predicted)
                    break;
            }
            if (!(next <= j - Armijo * t * predicted))
            {
                // J's rounding (UᵀK⁻¹U carries ε·κ(K)) hides the decrease. A step within √tol of U changes J by ~tol:
                // converged, and, as above, the step is taken to remove the last of ∂J/∂U.
                converged = RelativeStep(linear.Field, u) <= Math.Sqrt(tolerance);
                if (converged)
                    u = linear.Field;
                break;
            }
            double step = RelativeStep(trial, u), decrease = j - next;
            (u, trial) = (trial, u);
            j = factors.Evaluate(u, [], gradient).Total;
            if (step <= tolerance || decrease <= scale)
            {
                converged = true;
                break;
            }
        }
        return new GpFieldSolve(u, inner, innerResidual, converged && innerConverged, steps);
    }

    /// <summary>‖x − y‖ / ‖x‖.</summary>
    private static double RelativeStep(double[] x, double[] y)
    {
        double step = 0, norm = 0;
        for (int i = 0; i < x.Length; i++)
        {
            step += (x[i] - y[i]) * (x[i] - y[i]);
            norm += x[i] * x[i];
        }
        return Math.Sqrt(step / norm);
    }

    /// <summary>y + d ⊙ x, in y.</summary>
    private static double[] AddDiagonal(double[] y, double[] d, double[] x)
    {
        for (int i = 0; i < y.Length; i++)
            y[i] += d[i] * x[i];
        return y;
    }
}
