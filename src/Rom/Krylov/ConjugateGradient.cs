using Rom.LinearAlgebra;

namespace Rom.Krylov;

/// <summary>
/// Preconditioned conjugate gradient method for symmetric positive definite systems A x = b
/// (Saad, Iterative Methods for Sparse Linear Systems, 2nd ed., Algorithm 9.1). A solve stops when the convergence test
/// passes on the recurrence residual ‖r‖/‖b‖; a non-positive-definite operator or preconditioner and non-finite numbers
/// are reported in the result, never thrown.
/// </summary>
/// <param name="stopping">When the solver stops.</param>
public sealed class ConjugateGradient(ConvergenceTest stopping) : IterativeSolver("CG", stopping)
{
    /// <inheritdoc />
    private protected override KrylovResult Iterate(KrylovRun run, ReadOnlySpan<double> b, double bNorm,
        IPreconditioner? preconditioner, IterationMonitor? monitor)
    {
        int n = run.N;
        var x = run.X;
        KrylovResult Stop(StopReason reason, int iterations, string message) => run.Stop(reason, iterations, message);

        // r₀ = b − A x₀, z₀ = M⁻¹ r₀, p₀ = z₀.
        var r = new double[n];
        var p = new double[n];
        var ap = new double[n];
        var z = preconditioner is null ? r : new double[n];
        run.InitialResidual(b, r);

        double previousRz = 0;
        for (int j = 0; ; j++)
        {
            if (run.Record(j, Vectors.Norm(r) / bNorm, monitor) is { } stop)
                return stop;

            preconditioner?.Apply(r, z);
            double rz = Vectors.Dot(r, z);
            if (!double.IsFinite(rz))
                return Stop(StopReason.NonFinite, j, $"the preconditioned residual became non-finite at iteration {j}");
            if (rz <= 0)
                return Stop(StopReason.IndefiniteOperator, j, $"rᵀM⁻¹r = {KrylovRun.Format(rz)} ≤ 0 at iteration {j}: the preconditioner is not positive definite");

            // p_j = z_j + β_{j−1} p_{j−1}, β_{j−1} = (r_j, z_j)/(r_{j−1}, z_{j−1}).
            Vectors.Xpby(z, j == 0 ? 0 : rz / previousRz, p);
            previousRz = rz;

            run.Multiply(p, ap);
            double pap = Vectors.Dot(p, ap);
            if (!double.IsFinite(pap))
                return Stop(StopReason.NonFinite, j, $"pᵀAp became non-finite at iteration {j}");
            if (pap <= 0)
                return Stop(StopReason.IndefiniteOperator, j, $"pᵀAp = {KrylovRun.Format(pap)} ≤ 0 at iteration {j}: the operator is not positive definite");

            // α_j = (r_j, z_j)/(A p_j, p_j); x_{j+1} = x_j + α_j p_j; r_{j+1} = r_j − α_j A p_j.
            double alpha = rz / pap;
            Vectors.Axpy(alpha, p, x);
            Vectors.Axpy(-alpha, ap, r);
        }
    }
}
