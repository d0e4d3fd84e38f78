using System.Runtime.CompilerServices;

namespace Rom;

/// <summary>
/// Argument checks shared by the library: the range checks of the settings records' <c>Validate</c> methods, each
/// throwing an <see cref="ArgumentOutOfRangeException"/> that names the setting (the expression passed as the value),
/// carries its value and says the record's own message, and the check that a list argument is given and not empty.
/// </summary>
internal static class Require
{
    /// <summary>Throws unless <paramref name="holds"/>.</summary>
    public static void That<T>(bool holds, T value, string message, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!holds)
            throw new ArgumentOutOfRangeException(name, value, message);
    }

    /// <summary>Throws unless <paramref name="value"/> ≥ <paramref name="minimum"/>.</summary>
    public static void AtLeast(int value, int minimum, string message, [CallerArgumentExpression(nameof(value))] string name = "") =>
        That(value >= minimum, value, message, name);

    /// <summary>Throws unless <paramref name="value"/> is positive and finite.</summary>
    public static void PositiveFinite(double value, string message, [CallerArgumentExpression(nameof(value))] string name = "") =>
        That(value > 0 && double.IsFinite(value), value, message, name);

    /// <summary>Throws unless <paramref name="value"/> lies in the open interval (0, 1).</summary>
    public static void Fraction(double value, string message, [CallerArgumentExpression(nameof(value))] string name = "") =>
        That(value > 0 && value < 1, value, message, name);

    /// <summary>Throws unless <paramref name="value"/> is a named member of its enum.</summary>
    public static void Defined<TEnum>(TEnum value, string message, [CallerArgumentExpression(nameof(value))] string name = "")
        where TEnum : struct, Enum =>
        That(Enum.IsDefined(value), value, message, name);

    /// <summary>
    /// Throws an <see cref="ArgumentNullException"/> when <paramref name="items"/> is null and an
    /// <see cref="ArgumentException"/> saying <paramref name="message"/> when it is empty, both naming the argument.
    /// </summary>
    public static void NotEmpty<T>(IReadOnlyCollection<T> items, string message, [CallerArgumentExpression(nameof(items))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(items, name);
        if (items.Count == 0)
            throw new ArgumentException(message, name);
    }
}
