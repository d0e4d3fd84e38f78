namespace Rom.Cases.Running;

/// <summary>Output settings every case kind has (the runner reads them).</summary>
public static class OutputSettings
{
    /// <summary>output.plots: write SVG and PNG plots beside the results file.</summary>
    public static SettingDefinition Plots { get; } = SettingDefinition.Flag("output.plots", true, "Write SVG and PNG plots beside the results file.");
}
