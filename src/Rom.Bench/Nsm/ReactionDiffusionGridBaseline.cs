using Rom.SpectralSolvers;
using Rom.Tensors;

namespace Rom.Bench.Nsm;

/// <summary>
/// The reaction–diffusion problem on the evaluation grid's 65 times × G points (<see cref="ReactionDiffusionGridLosses"/>);
/// G divides the evaluation grid's 128 points, so targets are its columns.
/// </summary>
internal sealed class ReactionDiffusionGridBaseline(ReactionDiffusionProblem problem) : IGridBaseline
{
    private const int Times = ReactionDiffusionProblem.EvaluationTimes, Points = ReactionDiffusionProblem.EvaluationPoints;

    public int[] Shape(int grid) => Points % grid == 0 ? [Times, grid]
        : throw new ArgumentException($"grid {grid} must divide the evaluation grid's {Points} points.", nameof(grid));

    public Tensor<float> Inputs(Tensor<float> parameters, int grid) => ReactionDiffusionGridLosses.Values(parameters, Times, Shape(grid)[1]);

    public Variable<float> Constrain(Variable<float> network, Tensor<float> inputs, double scale) =>
        ReactionDiffusionGridLosses.ImposeInitialCondition(network, inputs, scale);

    public Variable<float> PinnLoss(Variable<float> solution, Tensor<float> inputs) =>
        ReactionDiffusionGridLosses.FiniteDifferenceResidualLoss(solution, problem.Diffusion, problem.Reaction);

    public Tensor<float> Targets(double[][] references, int grid)
    {
        int every = Points / Shape(grid)[1];
        var t = Tensor<float>.Zeros([references.Length, 1, Times, grid]);
        for (int b = 0; b < references.Length; b++)
            for (int i = 0; i < Times; i++)
                for (int j = 0; j < grid; j++)
                    t.Data[(b * Times + i) * grid + j] = (float)references[b][i * Points + j * every];
        return t;
    }

    public double? PinnFloor(Tensor<float> test, double[][] references, int grid) => null;

    public string PinnDescription => "second-order finite-difference residual (central in t inside, one-sided at the ends; periodic u_xx)";
}
