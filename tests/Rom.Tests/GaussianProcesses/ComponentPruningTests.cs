namespace Rom.Tests.GaussianProcesses;

public class ComponentPruningTests
{
    // Two axes of Q = 3: θ_d = (log w₁..₃, log ℓ₁..₃, f₁..₃), then log τ and log v.
    private static readonly double[] Phi =
    [
        0.0, -8.0, -2.0, 0.1, 0.2, 0.3, 1.0, 2.0, 3.0, // axis 0: weights 1, 3.4e-4, 0.14
        -9.0, -3.0, -3.5, 0.4, 0.5, 0.6, 4.0, 5.0, 6.0, // axis 1: weights 1.2e-4, 5.0e-2, 3.0e-2
        7.0, 8.0,
    ];

    [Test]
    public void PrunesEachAxisAgainstItsOwnLargestWeight()
    {
        var pruned = ComponentPruning.Prune(Phi, 3, 2, 1e-2)!;
        // Axis 0 keeps w = 1 and 0.14 (drops 3.4e-4 < 1e-2); axis 1's largest is 5.0e-2, so 1.2e-4 < 5e-4 goes, 3.0e-2 stays.
        Assert.That(pruned.Select(double.IsNegativeInfinity).ToArray(), Is.EqualTo(Phi.Select((_, i) => i is 1 or 9).ToArray()));
        Assert.That(pruned.Where((_, i) => i is not (1 or 9)), Is.EqualTo(Phi.Where((_, i) => i is not (1 or 9))));
        Assert.That(ComponentPruning.Prune(pruned, 3, 2, 1e-2), Is.Null, "nothing left below the ratio");
    }

    [Test]
    public void ActiveParametersSkipEveryParameterOfAPrunedComponentAndTheNoises()
    {
        Assert.That(ComponentPruning.ActiveParameters(Phi, 3, 2), Is.EqualTo(Enumerable.Range(0, 18)));
        var pruned = ComponentPruning.Prune(Phi, 3, 2, 1e-2)!;
        Assert.That(ComponentPruning.ActiveParameters(pruned, 3, 2), Is.EqualTo(new[] { 0, 2, 3, 5, 6, 8, 10, 11, 13, 14, 16, 17 }));
    }
}
