namespace Rom.Cases.Neural;

/// <summary>The trained model on one further test file, e.g. the test set at another resolution.</summary>
/// <param name="File">The data file.</param>
/// <param name="Resolution">Its points per axis, e.g. [32, 32].</param>
/// <param name="Samples">Its samples.</param>
/// <param name="RelativeL2">The mean relative L2 error over the samples.</param>
/// <param name="RelativeH1">The mean relative H¹ error over the samples.</param>
public sealed record ResolutionTest(string File, IReadOnlyList<int> Resolution, int Samples, double RelativeL2, double RelativeH1)
{
    /// <summary>The resolution written as 32×32.</summary>
    public string ResolutionText => string.Join("×", Resolution);
}
