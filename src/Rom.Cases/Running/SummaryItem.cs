namespace Rom.Cases.Running;

/// <summary>One line of a run's summary: a stable key (for JSON and validation), a label for people, and a value.</summary>
/// <param name="Key">Stable snake_case key, e.g. "iterations" or "output_mean".</param>
/// <param name="Label">Label for the printed table.</param>
/// <param name="Value">A double, long, long[] (e.g. grid points per dimension), bool or string.</param>
/// <param name="Unit">Optional unit shown after the value, e.g. "s".</param>
public sealed record SummaryItem(string Key, string Label, object Value, string Unit = "");
