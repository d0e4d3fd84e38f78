using Rom.Reduction.Snapshots;

namespace Rom.Tests.Reduction.Snapshots;

/// <summary>
/// The distributed HAPOD against the POD of all snapshots at once: its mean projection error meets ε*, and every mode
/// of the full POD lies in its span to the bound that ε* implies.
/// </summary>
public class HapodTests
{
    private const int N = 200, M = 96;

    /// <summary>s(μ)_k = 1/(1 + μ·x_k) + 0.1·sin(μ·π·x_k) on [0, 1]: a smooth family of slowly decaying singular values.</summary>
    private static double[][] Snapshots() => Enumerable.Range(0, M).Select(j =>
    {
        double mu = 0.1 + 9.9 * j / (M - 1);
        return Enumerable.Range(0, N).Select(k =>
        {
            double x = k / (N - 1.0);
            return 1 / (1 + mu * x) + 0.1 * Math.Sin(mu * Math.PI * x);
        }).ToArray();
    }).ToArray();

    /// <summary>X = diag(1 + k/N): an inner product other than the Euclidean one.</summary>
    private static CsrMatrix Product() => CsrMatrix.FromTriplets(N, N, [.. Enumerable.Range(0, N)], [.. Enumerable.Range(0, N)],
        [.. Enumerable.Range(0, N).Select(k => 1 + (double)k / N)]);

    private static double Dot(double[] a, double[] b, CsrMatrix? x)
    {
        var xb = new double[b.Length];
        if (x is null) b.CopyTo(xb, 0); else x.Apply(b, xb);
        return Vectors.Dot(a, xb);
    }

    /// <summary>‖s − P s‖_X² for the X-orthonormal modes.</summary>
    private static double ProjectionError(double[] s, IReadOnlyList<double[]> modes, CsrMatrix? x)
    {
        var r = (double[])s.Clone();
        foreach (var mode in modes)
            Vectors.Axpy(-Dot(mode, s, x), mode, r);
        return Dot(r, r, x);
    }

    [TestCase(1e-3, 4, false)]
    [TestCase(1e-5, 4, false)]
    [TestCase(1e-5, 8, true)]
    [TestCase(1e-7, 3, true)]
    public void MeetsTheMeanErrorAndHoldsTheFullPodsModes(double meanError, int slices, bool weighted)
    {
        var snapshots = Snapshots();
        var x = weighted ? Product() : null;
        int size = (M + slices - 1) / slices;
        var parts = Enumerable.Range(0, slices).Select(i => (IReadOnlyList<double[]>)snapshots.Skip(i * size).Take(size).ToArray()).ToArray();

        var hapod = Hapod.Compute(parts, meanError, 0.95, x);
        double mean = snapshots.Average(s => ProjectionError(s, hapod.Modes, x));
        Assert.That(mean, Is.LessThanOrEqualTo(meanError * meanError), "(1/m) Σ ‖s − P s‖² ≤ ε*²");

        // The POD of all snapshots at once with the same budget m·ε*².
        var full = Pod.Compute(snapshots, new PodOptions(RelativeEnergyTolerance: 1, AbsoluteErrorTolerance: Math.Sqrt(M) * meanError), x);
        Assert.That(hapod.Modes.Count, Is.InRange(full.Modes.Count, full.Modes.Count + 3), "about as many modes as the full POD");
        // φ_i = S v_i/σ_i, so ‖(I − P)φ_i‖ ≤ ‖(I − P)S‖₂/σ_i ≤ √m·ε*/σ_i.
        for (int i = 0; i < full.Modes.Count; i++)
            Assert.That(Math.Sqrt(ProjectionError(full.Modes[i], hapod.Modes, x)), Is.LessThanOrEqualTo(Math.Sqrt(M) * meanError / full.SingularValues[i] * (1 + 1e-6)), $"full POD mode {i}");
    }

    /// <summary>
    /// A tree of depth 3 (eight slices, inner nodes over groups of three, then the root), as a tree merge of shards
    /// builds it: the root's modes still meet ε*, with the budget split over L − 1 = 2 levels below the root, and with
    /// about as many modes as the POD of all snapshots at once.
    /// </summary>
    [TestCase(1e-3, false)]
    [TestCase(1e-5, true)]
    public void TreeOfDepthThreeMeetsTheMeanError(double meanError, bool weighted)
    {
        var snapshots = Snapshots();
        var x = weighted ? Product() : null;
        var leaves = snapshots.Chunk(M / 8).Select(part => Hapod.Local(part, meanError, 0.95, x, depth: 3)).ToArray();
        var nodes = leaves.Chunk(3).Select(group => Hapod.Node(group, meanError, 0.95, x, depth: 3)).ToArray();
        var root = Hapod.Combine(nodes, meanError, 0.95, x);

        Assert.That(nodes.Sum(n => n.Snapshots), Is.EqualTo(M));
        double mean = snapshots.Average(s => ProjectionError(s, root.Modes, x));
        Assert.That(mean, Is.LessThanOrEqualTo(meanError * meanError));
        var full = Pod.Compute(snapshots, new PodOptions(RelativeEnergyTolerance: 1, AbsoluteErrorTolerance: Math.Sqrt(M) * meanError), x);
        Assert.That(root.Modes.Count, Is.InRange(full.Modes.Count, full.Modes.Count + 3));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Hapod.Node(leaves, meanError, depth: 2))!.ParamName, Is.EqualTo("depth"));
    }

    [Test]
    public void BadArgumentsAreNamed()
    {
        var parts = new IReadOnlyList<double[]>[] { Snapshots() };
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Hapod.Compute(parts, 0))!.ParamName, Is.EqualTo("meanError"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Hapod.Compute(parts, 1e-3, 1))!.ParamName, Is.EqualTo("omega"));
        Assert.That(Assert.Throws<ArgumentException>(() => Hapod.Combine([], 1e-3))!.ParamName, Is.EqualTo("slices"));
    }
}
