namespace Rom.Krylov.Recycling;

/// <summary>
/// What the settings of a recycling method hold besides its <see cref="KrylovOptions.Stopping"/>: how many vectors it
/// carries from one solve to the next. <see cref="GcroDrOptions"/> and <see cref="DeflatedCgOptions"/> add their own.
/// </summary>
/// <param name="RecycleSize">Number k of vectors kept across cycles and systems; at least 1.</param>
public abstract record RecyclingOptions(int RecycleSize) : KrylovOptions
{
    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require.AtLeast(RecycleSize, 1, "The recycle size k must be at least 1.");
    }
}
