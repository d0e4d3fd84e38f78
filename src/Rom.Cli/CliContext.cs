namespace Rom.Cli;

/// <summary>Where a command writes: results and tables to <see cref="Out"/>, progress and errors to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output (tables, JSON).</param>
/// <param name="Error">Standard error (progress, error lines).</param>
/// <param name="ErrorIsTerminal">True when standard error is an interactive terminal, so progress may redraw one line.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool ErrorIsTerminal);
