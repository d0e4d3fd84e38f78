namespace Rom.Reduction.Residuals;

/// <summary>
/// The residual estimators Rom knows, by name: what saved data name (<see cref="ResidualNormData.Estimator"/>) and what
/// the case setting <c>reduction.estimator</c> chooses from. A new estimator implements <see cref="IResidualEstimator"/>
/// and is added to <see cref="All"/>.
/// </summary>
public static class ResidualEstimators
{
    /// <summary>The stable estimator (the default).</summary>
    public static IResidualEstimator Stable { get; } = new StableResidualEstimator();

    /// <summary>The classical estimator.</summary>
    public static IResidualEstimator Classical { get; } = new ClassicalResidualEstimator();

    /// <summary>Every estimator, with default settings, in the order their names are listed.</summary>
    public static IReadOnlyList<IResidualEstimator> All { get; } = [Stable, Classical, new InterpolatedResidualEstimator(), new SketchedResidualEstimator()];

    /// <summary>The names of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(e => e.Name).ToArray();

    /// <summary>The estimator named <paramref name="name"/>, or null when there is none.</summary>
    public static IResidualEstimator? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}
