namespace Rom.Cases.Running;

/// <summary>
/// Writes a run's main file (results or model) together with its plots, named &lt;file name&gt;-&lt;plot&gt;.svg/.png
/// beside it, so that no plot is ever seen beside a file it does not belong to: the plots the previous run into the
/// same path listed are removed first, the new plots are drawn into a hidden staging folder, the main file is written
/// (atomically), and only then are the plots moved in and listed in a hidden manifest <c>.&lt;file name&gt;.plots</c>.
/// A run killed part-way leaves no stale plots; its staging folder is removed by the next run into the same path.
/// </summary>
public static class PlotFiles
{
    /// <summary>
    /// Removes the previous run's plots of <paramref name="path"/>, draws <paramref name="plots"/>, calls
    /// <paramref name="writeMain"/> to write the main file, moves the plots in, and returns their paths.
    /// </summary>
    public static IReadOnlyList<string> Write(string path, IReadOnlyList<PlotRequest> plots, Action writeMain)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(plots);
        ArgumentNullException.ThrowIfNull(writeMain);
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!, name = Path.GetFileNameWithoutExtension(path);
        string manifest = Path.Combine(folder, $".{Path.GetFileName(path)}.plots");
        RemovePrevious(folder, Path.GetFileName(path), name, manifest);
        string staging = Path.Combine(folder, $".{Path.GetFileName(path)}.plots.{Guid.NewGuid():N}");
        try
        {
            var drawn = new List<string>();
            if (plots.Count > 0)
            {
                Directory.CreateDirectory(staging);
                foreach (var plot in plots)
                    drawn.AddRange(plot.WriteTo(Path.Combine(staging, $"{name}-{plot.Name}")));
            }
            writeMain();
            var names = drawn.Select(Path.GetFileName).ToList();
            foreach (string file in drawn)
                File.Move(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
            if (names.Count > 0)
                File.WriteAllLines(manifest, names!);
            string shown = Path.GetDirectoryName(path) ?? "";
            return [.. names.Select(n => Path.Combine(shown, n!))];
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    // The files the manifest lists (only plain names of this output's plots, never a path elsewhere) and any staging
    // folder a killed run left.
    private static void RemovePrevious(string folder, string fileName, string name, string manifest)
    {
        if (File.Exists(manifest))
        {
            foreach (string line in File.ReadAllLines(manifest))
            {
                string file = line.Trim();
                if (file.StartsWith(name + "-", StringComparison.Ordinal) && file == Path.GetFileName(file) && File.Exists(Path.Combine(folder, file)))
                    File.Delete(Path.Combine(folder, file));
            }
            File.Delete(manifest);
        }
        foreach (string stale in Directory.EnumerateDirectories(folder, $".{fileName}.plots.*"))
            Directory.Delete(stale, recursive: true);
    }
}
