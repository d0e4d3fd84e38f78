using Rom.Reduction.Snapshots;

namespace Rom.Tests.Reduction.Snapshots;

public class PodTests
{
    /// <summary>m snapshots in Rⁿ of exact rank r with singular values spread over the given decades.</summary>
    private static double[][] Snapshots(int seed, int n, int m, int rank, double decades = 4)
    {
        var random = new Random(seed);
        var left = Matrix<double>.Build.Dense(n, rank, (_, _) => 2 * random.NextDouble() - 1).QR().Q.SubMatrix(0, n, 0, rank);
        var right = Matrix<double>.Build.Dense(m, rank, (_, _) => 2 * random.NextDouble() - 1).QR().Q.SubMatrix(0, m, 0, rank);
        var sigma = Matrix<double>.Build.DiagonalOfDiagonalArray(Enumerable.Range(0, rank).Select(i => Math.Pow(10, -decades * i / rank)).ToArray());
        var s = left * sigma * right.Transpose();
        return Enumerable.Range(0, m).Select(j => s.Column(j).ToArray()).ToArray();
    }

    /// <summary>‖P_A − P_B‖₂ for the X-orthogonal projectors onto the spans of two X-orthonormal sets (the sine of the largest angle).</summary>
    private static double SubspaceDistance(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b, Matrix<double> x)
    {
        var ma = Matrix<double>.Build.DenseOfColumnArrays(a);
        var mb = Matrix<double>.Build.DenseOfColumnArrays(b);
        var pa = ma * ma.Transpose() * x;
        var pb = mb * mb.Transpose() * x;
        return (pa - pb).L2Norm();
    }

    [TestCase(1, 60, 15, 8)]
    [TestCase(2, 10, 25, 6)] // fewer rows than snapshots: no thin QR
    public void EuclideanPodMatchesTheSvdOfTheSnapshotMatrix(int seed, int n, int m, int rank)
    {
        var snapshots = Snapshots(seed, n, m, rank);
        var pod = Pod.Compute(snapshots, new PodOptions(RelativeEnergyTolerance: 0, RankTolerance: 1e-12));

        var svd = Matrix<double>.Build.DenseOfColumnArrays(snapshots).Svd(true);
        Assert.That(pod.SingularValues, Has.Length.EqualTo(rank));
        for (int i = 0; i < rank; i++)
        {
            Assert.That(pod.SingularValues[i], Is.EqualTo(svd.S[i]).Within(1e-12 * svd.S[0]));
            // Distinct singular values: each mode equals the SVD's left singular vector up to sign.
            double cosine = Math.Abs(Vectors.Dot(pod.Modes[i], svd.U.Column(i).ToArray()));
            Assert.That(cosine, Is.EqualTo(1).Within(1e-8), $"mode {i}");
        }
    }

    [Test]
    public void MethodOfSnapshotsIsTheSvdOfXHalfS()
    {
        var random = new Random(4);
        int n = 40;
        var x = TestMatrices.RandomSpd(random, n, 0.1);
        var snapshots = Snapshots(4, n, 12, 5);
        var pod = Pod.Compute(snapshots, new PodOptions(RelativeEnergyTolerance: 0), x);

        // X = LLᵀ; the POD in X is the SVD of Lᵀ S mapped back by L⁻ᵀ.
        var xd = Matrix<double>.Build.DenseOfMatrix(x.ToMathNet());
        var l = xd.Cholesky().Factor;
        var svd = (l.Transpose() * Matrix<double>.Build.DenseOfColumnArrays(snapshots)).Svd(true);
        var modes = Matrix<double>.Build.DenseOfColumnArrays(pod.Modes);
        Assert.That((modes.Transpose() * xd * modes - Matrix<double>.Build.DenseIdentity(5)).L2Norm(), Is.LessThan(1e-10), "X-orthonormal");
        for (int i = 0; i < 5; i++)
            Assert.That(pod.SingularValues[i], Is.EqualTo(svd.S[i]).Within(1e-10 * svd.S[0]));
        var expected = Enumerable.Range(0, 5).Select(i => l.Transpose().Solve(svd.U.Column(i)).ToArray()).ToArray();
        Assert.That(SubspaceDistance(pod.Modes, expected, xd), Is.LessThan(1e-8));
    }

    [Test]
    public void TruncationRulesPickTheSmallestBasisThatMeetsThem()
    {
        var snapshots = Snapshots(5, 50, 20, 10);
        var all = Pod.Compute(snapshots, new PodOptions(RelativeEnergyTolerance: 0, RankTolerance: 1e-12));
        double total = all.SingularValues.Sum(s => s * s);
        double Tail(int r) => all.SingularValues.Skip(r).Sum(s => s * s);

        var relative = Pod.Compute(snapshots, new PodOptions(RelativeEnergyTolerance: 1e-3));
        int r = relative.Modes.Count;
        Assert.That(Tail(r) / total, Is.LessThanOrEqualTo(1e-3));
        Assert.That(Tail(r - 1) / total, Is.GreaterThan(1e-3));
        Assert.That(relative.DiscardedEnergy, Is.EqualTo(Tail(r)).Within(1e-12 * total));

        var absolute = Pod.Compute(snapshots, new PodOptions(RelativeEnergyTolerance: 0.5, AbsoluteErrorTolerance: 1e-2, RankTolerance: 1e-12));
        int ra = absolute.Modes.Count;
        Assert.That(Math.Sqrt(Tail(ra)), Is.LessThanOrEqualTo(1e-2));
        Assert.That(Math.Sqrt(Tail(ra - 1)), Is.GreaterThan(1e-2));

        Assert.That(Pod.Compute(snapshots, new PodOptions(MaxModes: 3)).Modes, Has.Count.EqualTo(3));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void IncrementalPodSpansTheSameSubspaceAsBatchPod(bool weighted)
    {
        int n = 45;
        var x = weighted ? TestMatrices.RandomSpd(new Random(7), n, 0.1) : null;
        // Two decades: the method of snapshots (for X) resolves a mode to about ε σ_max²/σ_i², so 1e-10 needs σ_i ≳ 1e-3 σ_max.
        var snapshots = Snapshots(6, n, 30, 9, decades: 2);
        // The default rank tolerance (√ε-level) keeps the nine true modes and drops the noise of the method of snapshots.
        var options = new PodOptions(RelativeEnergyTolerance: 0);
        var batch = Pod.Compute(snapshots, options, x);

        var incremental = new IncrementalPod(options, x);
        foreach (var chunk in snapshots.Chunk(7)) incremental.Add(chunk);

        Assert.That(incremental.SnapshotCount, Is.EqualTo(30));
        Assert.That(incremental.Current.Modes, Has.Count.EqualTo(batch.Modes.Count));
        Assert.That(incremental.Current.SingularValues, Is.EqualTo(batch.SingularValues).Within(1e-10 * batch.SingularValues[0]));
        var product = x is null ? Matrix<double>.Build.DenseIdentity(n) : Matrix<double>.Build.DenseOfMatrix(x.ToMathNet());
        Assert.That(SubspaceDistance(incremental.Current.Modes, batch.Modes, product), Is.LessThan(1e-10));
    }

    [Test]
    public void BadInputIsRejectedWithTheParameterName()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => Pod.Compute([]))!.ParamName, Is.EqualTo("snapshots"));
        Assert.That(Assert.Throws<ArgumentException>(() => Pod.Compute([new double[3], new double[4]]))!.Message, Does.Contain("Snapshot 1"));
        Assert.That(Assert.Throws<ArgumentException>(() => Pod.Compute([new double[3]], null, CsrMatrix.Identity(4)))!.ParamName, Is.EqualTo("product"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => Pod.Compute([new double[3]], new PodOptions(RelativeEnergyTolerance: 1.5)))!.ParamName,
            Is.EqualTo("RelativeEnergyTolerance"));
        Assert.Throws<ArgumentException>(() => new IncrementalPod().Add([]));
    }
}
