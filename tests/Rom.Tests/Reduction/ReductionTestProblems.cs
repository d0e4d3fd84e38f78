namespace Rom.Tests.Reduction;

/// <summary>Small thermal blocks and the measurements the reduction tests share.</summary>
internal static class ReductionTestProblems
{
    public static ThermalBlockModel SmallBlock(int blocks = 2, int squares = 12) =>
        new(new ThermalBlockOptions(blocks, blocks, squares, TriangleSplit.Two));

    public static Parameter Ones(ThermalBlockModel model) =>
        Parameter.Of(ThermalBlockModel.ParameterName, Enumerable.Repeat(1.0, model.ParameterSpace.TotalDimension).ToArray());

    public static CoerciveReductorOptions ReductorOptions(ThermalBlockModel model,
        IResidualEstimator? estimator = null, SpdSolverFactory? solver = null) =>
        new(solver ?? DenseCholeskyInverse.Factory, Ones(model), Estimator: estimator);

    /// <summary>The exact full-order solution by dense Cholesky.</summary>
    public static double[] Solve(ThermalBlockModel model, Parameter mu, SpdSolverFactory? solver = null)
    {
        var u = new double[model.Dimension];
        (solver ?? DenseCholeskyInverse.Factory)((CsrMatrix)model.Operator(mu)).Solve(model.RightHandSide(mu), u);
        return u;
    }

    /// <summary>‖x − y‖_X in the model's energy product.</summary>
    public static double EnergyDistance(ThermalBlockModel model, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var e = new double[x.Length];
        for (int i = 0; i < e.Length; i++) e[i] = x[i] - y[i];
        return EnergyNorm(model, e);
    }

    /// <summary>
    /// The reduced solution at each test parameter with its error ‖u − u_N‖_X and error bound, both relative to the
    /// full solution's norm: <paramref name="solutions"/> and <paramref name="norms"/> hold u and ‖u‖_X there.
    /// </summary>
    public static (ReducedSolution Solution, double Error, double Bound)[] RelativeErrorsAndBounds(ThermalBlockModel model,
        ReducedModel rom, IReadOnlyList<Parameter> test, double[][] solutions, double[] norms) =>
        [.. test.Select((mu, i) =>
        {
            var solution = rom.Solve(mu);
            double error = EnergyDistance(model, solutions[i], rom.Reconstruct(solution.Coefficients)) / norms[i];
            return (solution, error, solution.ErrorBound / norms[i]);
        })];

    /// <summary>‖x‖_X in the model's energy product.</summary>
    public static double EnergyNorm(ThermalBlockModel model, ReadOnlySpan<double> x)
    {
        var xx = new double[x.Length];
        model.EnergyProduct.Apply(x, xx);
        return Math.Sqrt(Vectors.Dot(x, xx));
    }
}
