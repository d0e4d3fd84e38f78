using Rom.SpectralSolvers;
using Rom.Tensors;

namespace Rom.Bench.Nsm;

/// <summary>The periodic Poisson problem on a G × G grid (<see cref="PoissonGridLosses"/>).</summary>
internal sealed class PoissonGridBaseline(PoissonSourceProblem problem) : IGridBaseline
{
    private readonly int modes = problem.Modes[0];

    public int[] Shape(int grid) => [grid, grid];

    public Tensor<float> Inputs(Tensor<float> parameters, int grid) => PoissonGridLosses.Values(parameters, grid);

    public Variable<float> Constrain(Variable<float> network, Tensor<float> inputs, double scale) => PoissonGridLosses.PinOrigin(network, scale);

    public Variable<float> PinnLoss(Variable<float> solution, Tensor<float> inputs) => PoissonGridLosses.FiniteDifferenceResidualLoss(solution, inputs);

    public Tensor<float> Targets(double[][] references, int grid) =>
        PoissonGridLosses.Values(new Tensor<float>([references.Length, 1, modes, modes], [.. references.SelectMany(r => r.Select(v => (float)v))]), grid);

    /// <summary>The mean distance of the finite-difference solutions (<see cref="PoissonGridLosses.FiniteDifferenceSolution"/>) from the FFT ones.</summary>
    public double? PinnFloor(Tensor<float> test, double[][] references, int grid)
    {
        if (2 * RealFourierBasis.WaveNumbers(modes).Max() >= grid)
            return null;
        int size = modes * modes;
        return Enumerable.Range(0, references.Length).Average(b =>
        {
            double[] source = [.. test.Data.AsSpan(b * size, size).ToArray().Select(v => (double)v)];
            return problem.RelativeL2([.. PoissonGridLosses.FiniteDifferenceSolution(source, grid).Select(v => (float)v)], references[b]);
        });
    }

    public string PinnDescription => "periodic five-point residual";
}
