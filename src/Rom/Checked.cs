using System.Runtime.CompilerServices;

namespace Rom;

/// <summary>Argument checks that hand the value back, so that a constructor can check a setting where it stores it (<see cref="Require"/> holds the checks of a settings record's Validate).</summary>
internal static class Checked
{
    /// <summary><paramref name="value"/>, which must be at least <paramref name="minimum"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value below the minimum.</exception>
    public static int AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, minimum, name);
        return value;
    }

    /// <summary><paramref name="value"/>, when <paramref name="ok"/> says it lies in the range <paramref name="expected"/> describes.</summary>
    /// <exception cref="ArgumentException">A value out of range: "name = value, expected …".</exception>
    public static double Setting(double value, bool ok, string expected, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!ok)
            throw new ArgumentException($"{name} = {value}, expected {expected}.", name);
        return value;
    }
}
