namespace Rom.Bench.Krylov;

/// <summary>What <see cref="KrylovBenchmark"/> runs.</summary>
/// <param name="Families">Any of <see cref="FamilyNames"/>.</param>
/// <param name="Count">Systems per family at the smaller sizes (SKR n = 10⁴, and every family with <paramref name="Small"/>).</param>
/// <param name="LargeCount">Systems per family at the larger sizes (SKR n = 4·10⁴, Darcy SPD 48³).</param>
/// <param name="Small">Tiny sizes for a smoke test (SKR n = 32², Darcy SPD 12³) instead of the issue's sizes.</param>
/// <param name="DirectSubset">SciPy's spsolve runs on the first this many systems of a 3-D family only (it is slow there).</param>
/// <param name="WorkFolder">Folder for the HDF5 files and the script handed to SciPy.</param>
/// <param name="Python">The Python interpreter with SciPy and h5py (Debian's /usr/bin/python3).</param>
public sealed record KrylovBenchOptions(
    IReadOnlyList<string> Families,
    int Count,
    int LargeCount,
    bool Small,
    int DirectSubset,
    string WorkFolder,
    string Python)
{
    /// <summary>The family names: 'skr-darcy', 'skr-helmholtz', 'darcy-spd' (3-D).</summary>
    public static IReadOnlyList<string> FamilyNames { get; } = ["skr-darcy", "skr-helmholtz", "darcy-spd"];

    /// <summary>Relative tolerance of every solve (the issue's 1e-8).</summary>
    public const double Tolerance = 1e-8;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting, its value and what was expected.</summary>
    public void Validate()
    {
        foreach (var family in Families)
            if (!FamilyNames.Contains(family))
                throw new ArgumentException($"Family is '{family}'; expected one of {string.Join(", ", FamilyNames)}.", nameof(Families));
        if (Families.Count == 0)
            throw new ArgumentException("Families is empty; expected at least one of " + string.Join(", ", FamilyNames) + ".", nameof(Families));
        AtLeast(Count, 1, nameof(Count), "The count must be at least 1.");
        AtLeast(LargeCount, 1, nameof(LargeCount), "The large count must be at least 1.");
        AtLeast(DirectSubset, 0, nameof(DirectSubset), "The direct subset must be at least 0.");
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> for <paramref name="name"/> when its value is below <paramref name="minimum"/>.</summary>
    private static void AtLeast(int value, int minimum, string name, string message)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(name, value, message);
    }
}
