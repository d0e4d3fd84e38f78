using Rom.Tensors;

namespace Rom.Bench.Nsm;

/// <summary>
/// A problem's grid form for the FNO baselines of neural spectral methods: the network sees the parameters' grid values
/// and predicts the solution's, trained on the PINN loss (a finite-difference residual) or on solver data.
/// </summary>
internal interface IGridBaseline
{
    /// <summary>The grid's extents for a resolution G (G × G, or times × G).</summary>
    int[] Shape(int grid);

    /// <summary>The parameters' grid values (B, 1, shape…), the network's input.</summary>
    Tensor<float> Inputs(Tensor<float> parameters, int grid);

    /// <summary>The solution from the network's output scaled by <paramref name="scale"/>, with the problem's conditions imposed as NSM imposes them.</summary>
    Variable<float> Constrain(Variable<float> network, Tensor<float> inputs, double scale);

    /// <summary>Σ_b of the grid's mean squared finite-difference residual.</summary>
    Variable<float> PinnLoss(Variable<float> solution, Tensor<float> inputs);

    /// <summary>The classical solutions (from <see cref="SpectralSolvers.ISpectralProblem.Solve"/>) as grid values (B, 1, shape…).</summary>
    Tensor<float> Targets(double[][] references, int grid);

    /// <summary>
    /// The mean relative L2 error of the PINN loss's exact minimiser (the finite-difference solution) on the test set, the
    /// floor no PINN-loss training can go below; null where it is not known in closed form.
    /// </summary>
    double? PinnFloor(Tensor<float> test, double[][] references, int grid);

    /// <summary>The PINN loss in words.</summary>
    string PinnDescription { get; }
}
