using Rom.SpectralSolvers;
using Rom.Tensors;

namespace Rom.Bench.Nsm;

/// <summary>
/// A time-dependent problem on T equispaced times × G points per space axis (<see cref="SpaceTimeGrids"/>): the initial
/// condition imposed as NSM imposes it, the problem's PINN loss, and targets taken from the classical solutions on the
/// evaluation grid (T × E per axis), so G must divide E.
/// </summary>
/// <param name="times">T, the evaluation grid's times.</param>
/// <param name="evaluationPoints">E, the evaluation grid's points per space axis.</param>
/// <param name="spaceAxes">Space axes (1 or 2).</param>
/// <param name="pinnLoss">The PINN loss of grid values (B, 1, T, G…) on a G-point grid.</param>
/// <param name="pinnDescription">The PINN loss in words.</param>
internal sealed class SpaceTimeGridBaseline(int times, int evaluationPoints, int spaceAxes, Func<Variable<float>, int, Variable<float>> pinnLoss, string pinnDescription)
    : IGridBaseline
{
    public int[] Shape(int grid) => evaluationPoints % grid == 0 ? [times, .. Enumerable.Repeat(grid, spaceAxes)]
        : throw new ArgumentException($"grid {grid} must divide the evaluation grid's {evaluationPoints} points.", nameof(grid));

    public Tensor<float> Inputs(Tensor<float> parameters, int grid) => SpaceTimeGrids.Values(parameters, times, Shape(grid)[1]);

    public Variable<float> Constrain(Variable<float> network, Tensor<float> inputs, double scale) => SpaceTimeGrids.ImposeInitialCondition(network, inputs, scale);

    public Variable<float> PinnLoss(Variable<float> solution, Tensor<float> inputs) => pinnLoss(solution, solution.Value.Extent(3));

    public Tensor<float> Targets(double[][] references, int grid)
    {
        int[] shape = Shape(grid);
        int every = evaluationPoints / grid, perTime = (int)Math.Pow(grid, spaceAxes), evaluationPerTime = (int)Math.Pow(evaluationPoints, spaceAxes);
        var t = Tensor<float>.Zeros([references.Length, 1, .. shape]);
        for (int b = 0; b < references.Length; b++)
            for (int i = 0; i < times; i++)
                for (int p = 0; p < perTime; p++)
                {
                    // p's digits in base G are the space indices (last axis first); on the evaluation grid they are `every` times larger.
                    int source = 0;
                    for (int a = 0, rest = p; a < spaceAxes; a++, rest /= grid)
                        source += rest % grid * every * (int)Math.Pow(evaluationPoints, a);
                    t.Data[(b * times + i) * perTime + p] = (float)references[b][i * evaluationPerTime + source];
                }
        return t;
    }

    public double? PinnFloor(Tensor<float> test, double[][] references, int grid) => null;

    public string PinnDescription => pinnDescription;
}
