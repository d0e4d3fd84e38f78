namespace Rom.Tests.Reduction.Greedy;

public class WeakGreedyTests
{
    /// <summary>Error e_i · decay^k after k extensions; candidate i is "dependent" once chosen.</summary>
    private sealed class FakeSurrogate(double[] initial, double decay) : IGreedySurrogate
    {
        private readonly HashSet<int> _chosen = [];
        private int _extensions;
        public IReadOnlyList<Parameter>? Training { get; set; }
        public bool RejectRepeats { get; init; }

        public double[] Evaluate(IReadOnlyList<Parameter> mus) =>
            initial.Select((_, i) => _chosen.Contains(i) && !RejectRepeats ? 0 : initial[i] * Math.Pow(decay, _extensions)).ToArray();

        public bool Extend(Parameter mu)
        {
            int index = Training!.ToList().IndexOf(mu);
            if (!_chosen.Add(index) && RejectRepeats) return false;
            _extensions++;
            return true;
        }
    }

    private static readonly IReadOnlyList<Parameter> Training = Enumerable.Range(0, 5).Select(i => Parameter.Of("p", i)).ToArray();

    private static GreedyResult Run(FakeSurrogate s, GreedyOptions options, List<GreedyStep>? steps = null)
    {
        s.Training = Training;
        return WeakGreedy.Run(s, Training, options, steps is null ? null : steps.Add);
    }

    [Test]
    public void PicksTheLargestEstimateAndStopsAtTheAbsoluteTolerance()
    {
        var steps = new List<GreedyStep>();
        var result = Run(new FakeSurrogate([1, 4, 3, 4, 2], 0.5), new GreedyOptions(AbsoluteTolerance: 0.4), steps);
        // Maxima: 4 (first of the tied), 4·½ = 2 (index 3), 3·¼, 2·⅛ = 0.25 ≤ 0.4.
        Assert.That(result.ChosenParameters.Select(p => p["p"][0]), Is.EqualTo(new[] { 1.0, 3, 2 }));
        Assert.That(result.MaxErrors, Is.EqualTo(new[] { 4, 2, 0.75, 0.25 }).Within(1e-15));
        Assert.That(result.StopReason, Is.EqualTo(GreedyStopReason.AbsoluteToleranceReached));
        Assert.That(steps.Select(s => s.Extension), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(result.Extensions, Is.EqualTo(3));
    }

    [Test]
    public void StopsAtTheRelativeToleranceAndTheExtensionCap()
    {
        var relative = Run(new FakeSurrogate([1, 4, 3, 4, 2], 0.5), new GreedyOptions(RelativeTolerance: 0.2));
        Assert.That(relative.StopReason, Is.EqualTo(GreedyStopReason.RelativeToleranceReached));
        Assert.That(relative.MaxErrors[^1], Is.LessThanOrEqualTo(0.2 * 4));
        Assert.That(relative.MaxErrors[^2], Is.GreaterThan(0.2 * 4));

        var capped = Run(new FakeSurrogate([1, 4, 3, 4, 2], 0.5), new GreedyOptions(MaxExtensions: 2));
        Assert.That((capped.StopReason, capped.Extensions, capped.MaxErrors.Count), Is.EqualTo((GreedyStopReason.MaxExtensionsReached, 2, 3)));
    }

    [Test]
    public void StopsAndSaysSoWhenTheSurrogateCannotExtend()
    {
        // The estimate never drops, so the same candidate is chosen again and rejected.
        var result = Run(new FakeSurrogate([1, 4, 3, 4, 2], 1) { RejectRepeats = true }, new GreedyOptions(AbsoluteTolerance: 0.1));
        Assert.That(result.StopReason, Is.EqualTo(GreedyStopReason.LinearlyDependent));
        Assert.That(result.Extensions, Is.EqualTo(1));
    }

    [Test]
    public void BadInputIsRejected()
    {
        var s = new FakeSurrogate([1], 0.5);
        Assert.That(Assert.Throws<ArgumentException>(() => WeakGreedy.Run(s, [], new GreedyOptions()))!.ParamName, Is.EqualTo("trainingSet"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => WeakGreedy.Run(s, Training, new GreedyOptions(MaxExtensions: -1)))!.ParamName,
            Is.EqualTo("MaxExtensions"));
        Assert.Throws<InvalidOperationException>(() => WeakGreedy.Run(s, Training, new GreedyOptions()), "one estimate for five candidates");
    }
}
