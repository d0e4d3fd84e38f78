namespace Rom.Cases;

/// <summary>
/// Checks a path that a command will write before any computation starts, so that a run never computes for minutes
/// and then fails to save: the path must not name a folder, its folder is created when missing (one rule for every
/// command), and the folder must accept a new file. Errors name the option (<c>--out</c>) and the reason.
/// </summary>
public static class OutputFile
{
    /// <summary>
    /// Makes <paramref name="path"/> ready to be written and returns it; with <paramref name="overwrite"/> false an
    /// existing file is refused too (the caller offers a way to overwrite it, named in <paramref name="overwriteHint"/>).
    /// </summary>
    /// <exception cref="CaseInputException">The path is empty, names a folder or an existing file not to be overwritten, or its folder cannot be created or written.</exception>
    public static string Prepare(string path, string option = "--out", bool overwrite = true, string? overwriteHint = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
            throw new CaseInputException(option, "an empty path", "the path of a file to write");
        if (Directory.Exists(path))
            throw new CaseInputException(option, path, "the path of a file to write; it names a folder");
        if (!overwrite && File.Exists(path))
            throw new CaseInputException(option, path, $"a path where no file exists yet{(overwriteHint is null ? "" : $" ({overwriteHint})")}");
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? full;
        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.probe");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CaseInputException(option, path, $"a path in a folder this user can create and write ({folder}: {e.Message.TrimEnd('.')})");
        }
        return path;
    }
}
