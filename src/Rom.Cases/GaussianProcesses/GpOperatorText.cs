using System.Text.RegularExpressions;
using Rom.GaussianProcesses;

namespace Rom.Cases.GaussianProcesses;

/// <summary>
/// Reads a linear operator written as a sum of derivative terms, e.g. "u_xx + u_yy" or "u_y + 200*u_x" or
/// "-0.01*u_xx + u_t"... with axes x, y, z (t is the last axis of the grid); every term an optional coefficient
/// and one pure derivative u_xx (order = number of letters). Orders above the kernel's derivatives, mixed
/// derivatives and axes the grid lacks are refused, naming the setting.
/// </summary>
public static partial class GpOperatorText
{
    [GeneratedRegex(@"^\s*([+-]?)\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)\s*\*\s*)?u_([a-z]+)\s*")]
    private static partial Regex Term();

    /// <summary>The operator <paramref name="text"/> means on a grid of <paramref name="dimensions"/> axes.</summary>
    /// <param name="text">The operator.</param>
    /// <param name="dimensions">Grid dimensions (x, y, z are axes 0, 1, 2; t is axis dimensions − 1).</param>
    /// <param name="field">The setting's name, for the error.</param>
    public static LinearPdeOperator Parse(string text, int dimensions, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<DerivativeTerm>();
        string rest = text;
        while (rest.Trim().Length > 0)
        {
            var match = Term().Match(rest);
            if (!match.Success || (terms.Count > 0 && match.Groups[1].Value.Length == 0))
                throw Bad(text, field, $"a sum of terms like 2*u_xx, -u_y; could not read '{rest.Trim()}'");
            string letters = match.Groups[3].Value;
            if (letters.Distinct().Count() != 1)
                throw Bad(text, field, $"pure derivatives only: u_{letters} is mixed (a product kernel cannot give mixed derivatives)");
            int axis = letters[0] switch { 'x' => 0, 'y' => 1, 'z' => 2, 't' => dimensions - 1, _ => -1 };
            if (axis < 0 || axis >= dimensions)
                throw Bad(text, field, $"derivatives along the grid's {dimensions} ax{(dimensions == 1 ? "is" : "es")} ({string.Join(", ", "xyz".Take(dimensions).Select(c => "u_" + c))}, or u_t for the last)");
            if (letters.Length > SpectralMixtureKernel.MaxOrder)
                throw Bad(text, field, $"derivatives of order ≤ {SpectralMixtureKernel.MaxOrder}: the kernel's derivatives cover u_{new string(letters[0], SpectralMixtureKernel.MaxOrder)}, not u_{letters}");
            double coefficient = match.Groups[2].Success ? double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
            terms.Add(new DerivativeTerm(axis, letters.Length, match.Groups[1].Value == "-" ? -coefficient : coefficient));
            rest = rest[match.Length..];
        }
        if (terms.Count == 0)
            throw Bad(text, field, "at least one derivative term, e.g. u_xx + u_yy");
        return new LinearPdeOperator(terms);
    }

    private static CaseInputException Bad(string text, string field, string expected) => new(field, $"'{text}'", expected);
}
