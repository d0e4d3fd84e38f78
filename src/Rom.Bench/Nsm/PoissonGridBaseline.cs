using Rom.SpectralSolvers;
using Rom.Tensors;

namespace Rom.Bench.Nsm;

/// <summary>The periodic Poisson problem on a G × G grid (<see cref="PoissonGridLosses"/>).</summary>
internal sealed class PoissonGridBaseline(int modes) : IGridBaseline
{
    public int[] Shape(int grid) => [grid, grid];

    public Tensor<float> Inputs(Tensor<float> parameters, int grid) => PoissonGridLosses.Values(parameters, grid);

    public Variable<float> Constrain(Variable<float> network, Tensor<float> inputs, double scale) => PoissonGridLosses.PinOrigin(network, scale);

    public Variable<float> PinnLoss(Variable<float> solution, Tensor<float> inputs) => PoissonGridLosses.FiniteDifferenceResidualLoss(solution, inputs);

    public Tensor<float> Targets(double[][] references, int grid) =>
        PoissonGridLosses.Values(new Tensor<float>([references.Length, 1, modes, modes], [.. references.SelectMany(r => r.Select(v => (float)v))]), grid);

    public string PinnDescription => "periodic five-point residual";
}
