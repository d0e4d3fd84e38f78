namespace Rom.Reduction;

/// <summary>Scratch buffers of one thread's <see cref="ReducedModel.Solve"/>, allocated once.</summary>
internal sealed class ReducedWorkspace(int basisSize, int terms, int residualWork)
{
    public double[] Theta { get; } = new double[terms];
    public double[] Matrix { get; } = new double[DenseCholesky.PackedLength(basisSize)];
    public double[] Solution { get; } = new double[basisSize];
    public double[] ResidualCoefficients { get; } = new double[1 + terms * basisSize];
    public double[] ResidualWork { get; } = new double[residualWork];
}
