namespace Rom.IO;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one. A writer killed mid-write leaves its
/// hidden temporary file behind; the next write of the same path removes such leftovers (those no live writer holds).
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="path"/> through <paramref name="write"/> into a temporary file in the same folder,
    /// then renames it over <paramref name="path"/>; on any failure the temporary file is removed and an existing
    /// file is left untouched. The folder must exist.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        RemoveLeftovers(folder, Path.GetFileName(full));
    }

    // A live writer holds its temporary file open with a shared lock, so an exclusive open fails for it and succeeds
    // only for a file whose writer is gone.
    private static void RemoveLeftovers(string folder, string name)
    {
        foreach (string stale in Directory.EnumerateFiles(folder, $".{name}.*.tmp"))
        {
            try
            {
                using (new FileStream(stale, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }
                File.Delete(stale);
            }
            catch (IOException)
            {
                // Still being written by another process, or already gone.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to remove.
            }
        }
    }
}
