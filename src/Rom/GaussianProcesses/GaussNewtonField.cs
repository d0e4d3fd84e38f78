namespace Rom.GaussianProcesses;

/// <summary>
/// Gauss–Newton for the U that minimises J at fixed φ when the PDE has a pointwise nonlinearity N (r(U) = L U + N(U) − f).
/// Each step linearises r about U_k, r ≈ (L + diag N′(U_k)) U − f_k with f_k = f − N(U_k) + N′(U_k) U_k, and minimises
/// the resulting quadratic J exactly (<see cref="GpFactorization.SolveLinear"/>: dense QR or preconditioned CGLS, the
/// preconditioner the linear operator's). Its gradient at U_k is J's, and its Hessian is positive definite, so the step
/// s descends J; a backtracking (Armijo) line search on J takes a fraction of it where the linearisation overshoots.
/// Converged when the Gauss–Newton step s predicts a decrease −∇J·s ≤ <see cref="Roundoff"/>·max(1, |J|) or is
/// ≤ √tol·‖U‖: such a step changes J by ~tol relative, below what J's rounding resolves, so it is taken unchecked; the
/// iteration converges fast (each step ~10⁻³ of the last on the reference's problems), so what is left is far smaller.
/// (A criterion on the change of J at tol would stop with ‖∇J‖ far from zero, since J − J* is quadratic in the error.)
/// Not converged when no step longer than tol·‖U‖ decreases J, or after <see cref="MaxSteps"/> steps (typically a far
/// trial φ of the optimiser, which its line search then rejects).
/// </summary>
internal static class GaussNewtonField
{
    /// <summary>The most Gauss–Newton steps.</summary>
    public const int MaxSteps = 20;

    /// <summary>The relative change of J taken as rounding: J sums terms of either sign, each to ~1e-16 relative.</summary>
    public const double Roundoff = 1e-14;

    private const double Armijo = 1e-4;

    /// <summary>The field that minimises J at the factors' φ, from <paramref name="initial"/> (or zero); the linear solves
    /// use <paramref name="tolerance"/> and at most <paramref name="maxIterations"/> CGLS iterations each.</summary>
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
        var trialGradient = new double[n];
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
            double full = RelativeStep(linear.Field, u);
            if (!(predicted > Roundoff * Math.Max(1, Math.Abs(j))) || full <= Math.Sqrt(tolerance))
            {
                // Converged: take the step unchecked, since J's rounding (UᵀK⁻¹U carries ε·κ(K)) hides its change and
                // comparing J values would be a coin toss; it still removes the last of ∂J/∂U.
                u = linear.Field;
                converged = true;
                break;
            }
            // Backtrack while the step stays longer than tol·‖U‖; no decrease by then is a failure.
            // Each trial's gradient comes with its J (one more transposed operator product), so the accepted one needs
            // no second evaluation.
            bool accepted = false;
            double trialJ = double.NaN;
            for (double t = 1; t * full > tolerance && !accepted; t /= 2)
            {
                for (int i = 0; i < n; i++)
                    trial[i] = u[i] + t * (linear.Field[i] - u[i]);
                trialJ = factors.Evaluate(trial, [], trialGradient).Total;
                accepted = trialJ <= j - Armijo * t * predicted;
            }
            if (!accepted)
                break;
            (u, trial) = (trial, u);
            (gradient, trialGradient) = (trialGradient, gradient);
            j = trialJ;
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
