using Rom.LinearAlgebra;
using Rom.LinearAlgebra.Dense;

namespace Rom.Reduction;

/// <summary>Scratch buffers of one thread's <see cref="ReducedModel.Solve"/>, allocated once.</summary>
internal sealed class ReducedWorkspace(int basisSize, int terms, int residualWork)
{
    public double[] Theta { get; } = new double[terms];
    public AlignedArray<double> Matrix { get; } = new(DenseCholesky.StorageLength(basisSize));
    public RefinedCholesky Solver { get; } = new(basisSize);
    public double[] Solution { get; } = new double[basisSize];
    public AlignedArray<double> ResidualCoefficients { get; } = new(1 + terms * basisSize);
    public double[] ResidualWork { get; } = new double[residualWork];
}
