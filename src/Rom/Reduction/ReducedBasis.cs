using Rom.Models;
using Rom.Parameters;
using Rom.Reduction.Greedy;

namespace Rom.Reduction;

/// <summary>
/// One call from a coercive affine model to a certified reduced model: reductor + weak greedy on the error
/// bound. <c>var rb = ReducedBasis.Build(model, options); var s = rb.Model.Solve(mu); double bound = s.ErrorBound;</c>
/// </summary>
public static class ReducedBasis
{
    /// <summary>Builds the reduced basis by the weak greedy and returns the reduced model with the greedy's diagnostics.</summary>
    public static ReducedBasisResult Build(IAffineModel model, ReducedBasisOptions options, Action<GreedyStep>? monitor = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TrainingSet is null && options.TrainingSize < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.TrainingSize, "TrainingSize must be at least 1 when no training set is given.");
        var reductor = new CoerciveReductor(model,
            new CoerciveReductorOptions(options.Solver, options.ReferenceParameter, options.ReferenceCoercivity, options.Estimator,
                Coercivity: options.Coercivity));
        var surrogate = new RbGreedySurrogate(reductor, new RbGreedySurrogateOptions(options.Solver, options.RelativeErrors));
        var training = options.TrainingSet ?? ParameterSampling.LatinHypercube(model.ParameterSpace, options.TrainingSize, options.Seed);
        var greedy = WeakGreedy.Run(surrogate, training, options.Greedy ?? new GreedyOptions(RelativeTolerance: 1e-10), monitor);
        return new ReducedBasisResult(reductor.ReduceWithEstimator(training), greedy, reductor);
    }
}
