using System.Globalization;

namespace Rom.IO;

/// <summary>
/// How much memory one run may plan to use: the memory available to this process (what the GC reports, which honours
/// container limits), or the environment variable <c>ROM_MEMORY_LIMIT_GB</c> when it is set (to raise or lower it).
/// Inputs whose estimated size exceeds it are refused before anything is allocated, with the estimate in the message.
/// </summary>
public static class MemoryBudget
{
    /// <summary>The environment variable that replaces the available memory as the limit, in GB (10⁹ bytes).</summary>
    public const string Variable = "ROM_MEMORY_LIMIT_GB";

    /// <summary>The limit in bytes.</summary>
    public static long Bytes
    {
        get
        {
            string? text = Environment.GetEnvironmentVariable(Variable);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double gb) && gb > 0)
                return (long)Math.Min(gb * 1e9, long.MaxValue);
            return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        }
    }

    /// <summary>Null when <paramref name="bytes"/> fits the limit, else why not ("needs about 5.2 GB; 3.1 GB is available …").</summary>
    public static string? Refusal(double bytes)
    {
        long limit = Bytes;
        return bytes <= limit ? null : $"needs about {Text(bytes)}, more than the {Text(limit)} available (set {Variable} to change the limit)";
    }

    /// <summary>A byte count for people: 1.2 GB, 340 MB, 12 kB.</summary>
    public static string Text(double bytes) => bytes switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:G3} GB"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:G3} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:G3} kB"),
    };
}
