namespace Rom.Cli;

/// <summary>Where a command writes: results and tables to <see cref="Out"/>, progress and errors to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output (tables, JSON).</param>
/// <param name="Error">Standard error (progress, error lines).</param>
/// <param name="ErrorIsTerminal">True when standard error is an interactive terminal, so progress may redraw one line.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>
    /// Cancels long commands that can stop cleanly (<c>rom train</c> saves its checkpoint and exits with
    /// <see cref="ExitCodes.Interrupted"/>), besides Ctrl+C; lets a host or a test stop them in-process.
    /// </summary>
    public CancellationToken Cancellation { get; init; }
}
