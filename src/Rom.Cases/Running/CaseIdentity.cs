using System.Security.Cryptography;
using System.Text;

namespace Rom.Cases.Running;

/// <summary>
/// What a run computes, as one hash: hex SHA-256 of the case file's hash and every setting that changes the result
/// (all but <c>output.*</c>). Two runs with the same identity compute the same thing, so one may continue the other's
/// checkpoint (<c>rom sweep</c>'s DATA.partial, <c>rom train</c>'s MODEL.h5.partial) and sweep shards may be merged.
/// </summary>
public static class CaseIdentity
{
    /// <summary>The identity of running <paramref name="document"/> with <paramref name="settings"/>.</summary>
    public static string Of(CaseDocument document, CaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder(document.Sha256);
        foreach (var (key, value) in settings.Describe().Where(d => !d.Key.StartsWith("output.", StringComparison.Ordinal)))
            text.Append('\n').Append(key).Append('=').Append(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
