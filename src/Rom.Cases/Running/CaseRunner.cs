using System.Reflection;

namespace Rom.Cases.Running;

/// <summary>Runs a case file end to end: read, apply overrides, run its kind, write the results file and plots.</summary>
public static class CaseRunner
{
    /// <summary>The version string recorded in results files.</summary>
    public static string RomVersion { get; } =
        typeof(CaseRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Where results go when no path is given: results/&lt;case name&gt;.h5 under the current folder.</summary>
    public static string DefaultResultsPath(string casePath) =>
        Path.Combine("results", Path.GetFileNameWithoutExtension(casePath) + ".h5");

    /// <summary>Reads the case and its settings with <c>--set</c> overrides applied, without running anything.</summary>
    public static (CaseDocument Document, CaseSettings Settings) Prepare(string casePath, IReadOnlyList<string> overrides)
    {
        var document = CaseDocument.Load(casePath);
        CaseSettings settings;
        try
        {
            settings = CaseSettings.Read(document.Root, document.Kind.Settings);
        }
        catch (CaseInputException e)
        {
            throw e.InFile(casePath);
        }
        foreach (var assignment in overrides)
            settings.Override(assignment);
        return (document, settings);
    }

    /// <summary>
    /// Runs the case at <paramref name="casePath"/> and writes results (atomically) to <paramref name="resultsPath"/>
    /// or the default path, with plots beside it named &lt;results name&gt;-&lt;plot&gt;.svg/.png.
    /// </summary>
    public static RunReport Run(string casePath, IReadOnlyList<string> overrides, string? resultsPath, IProgress<ProgressUpdate> progress)
    {
        var clock = Stopwatch.StartNew();
        var (document, settings) = Prepare(casePath, overrides);
        resultsPath = OutputFile.Prepare(resultsPath ?? DefaultResultsPath(casePath));
        var outcome = Blame(settings, casePath, () => document.Kind.Run(new CaseRun(document, settings, progress)));
        var plots = settings.Integer("output.plots") == 1 ? outcome.Plots : [];
        if (plots.Count > 0)
            progress.Report(new ProgressUpdate("plots", null, $"{plots.Count} plots"));
        double total = 0;
        var plotFiles = PlotFiles.Write(resultsPath, plots, () =>
        {
            total = clock.Elapsed.TotalSeconds;
            progress.Report(new ProgressUpdate("write", null, resultsPath));
            Hdf5File.Write(resultsPath, ResultsTree(document, settings, outcome, total));
        });
        return new RunReport(document, outcome, resultsPath, plotFiles, total, settings.Changes());
    }

    /// <summary>
    /// Runs <paramref name="action"/>; an input error it raises is attributed to the case file, or to <c>--set</c>
    /// when the setting came from the command line.
    /// </summary>
    internal static T Blame<T>(CaseSettings settings, string casePath, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (CaseInputException e) when (!settings.IsOverridden(e.SettingKey))
        {
            throw e.InFile(casePath);
        }
        catch (CaseInputException e)
        {
            throw new CaseInputException("--set " + e.Field, e.Value, e.Expected);
        }
    }

    /// <summary>The results file's tree: the outcome's results with the envelope, provenance, settings, timings and summary.</summary>
    internal static DataGroup ResultsTree(CaseDocument document, CaseSettings settings, CaseRunOutcome outcome, double totalSeconds)
    {
        var root = outcome.Results;
        root.Attributes["format"] = DataArray.Scalar(RomFileFormat.ResultsFormat);
        root.Attributes["format_version"] = DataArray.Scalar(RomFileFormat.Version);
        root.Attributes["kind"] = DataArray.Scalar(document.Kind.Name);
        root.Attributes["title"] = DataArray.Scalar(document.Title);
        root.Attributes["succeeded"] = DataArray.Scalar(outcome.Succeeded ? 1L : 0L);
        root.Attributes["message"] = DataArray.Scalar(outcome.Message);
        root.Attributes["rom_version"] = DataArray.Scalar(RomVersion);
        root.Attributes["case_file"] = DataArray.Scalar(Path.GetFullPath(document.Path));
        root.Attributes["case_sha256"] = DataArray.Scalar(document.Sha256);
        root.Attributes["created_utc"] = DataArray.Scalar(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        settings.WriteTo(root.GetOrAddGroup("case"));
        root.GetOrAddGroup("timings").Attributes["total_seconds"] = DataArray.Scalar(totalSeconds);
        WriteSummary(root, outcome.Summary);
        return root;
    }

    /// <summary>Stores the summary items as attributes of /summary (flags as 0/1).</summary>
    internal static void WriteSummary(DataGroup root, IEnumerable<SummaryItem> items)
    {
        var summary = root.GetOrAddGroup("summary");
        foreach (var item in items)
            summary.Attributes[item.Key] = item.Value switch
            {
                double d => DataArray.Scalar(d),
                long l => DataArray.Scalar(l),
                long[] list => DataArray.Of(list),
                bool b => DataArray.Scalar(b ? 1L : 0L),
                var other => DataArray.Scalar(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
            };
    }
}
