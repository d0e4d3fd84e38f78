namespace Rom.Krylov;

/// <summary>
/// What the settings of every Krylov method with settings of its own hold: its <see cref="ConvergenceTest"/>.
/// Derived records (<see cref="GmresOptions"/>, GCRO-DR's, deflated CG's) add the method's own settings.
/// </summary>
public abstract record KrylovOptions
{
    /// <summary>When the method stops (default: <see cref="ConvergenceTest"/>'s defaults).</summary>
    public ConvergenceTest Stopping { get; init; } = new();

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting when a value is unusable.</summary>
    public virtual void Validate()
    {
        if (Stopping is null)
            throw new ArgumentNullException(nameof(Stopping), "The convergence test is missing.");
        Stopping.Validate();
    }

    /// <summary>Returns <paramref name="options"/> once they are known to be usable (the solvers' constructors call this).</summary>
    internal static T Checked<T>(T options) where T : KrylovOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
