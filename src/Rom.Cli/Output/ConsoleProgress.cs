using System.Diagnostics;

namespace Rom.Cli.Output;

/// <summary>
/// Shows progress on standard error: a redrawn bar on a terminal, plain lines otherwise (logs, CI), never more
/// than a few per second so progress costs nothing next to the computation.
/// </summary>
public sealed class ConsoleProgress : IProgress<ProgressUpdate>
{
    private const int BarWidth = 24;
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.MinValue;
    private string? _stage;
    private int _drawnLength;

    /// <summary>Creates the progress display on a writer; <paramref name="interactive"/> selects the redrawn bar.</summary>
    public ConsoleProgress(TextWriter writer, bool interactive)
    {
        _writer = writer;
        _interactive = interactive;
    }

    /// <inheritdoc />
    public void Report(ProgressUpdate value)
    {
        bool newStage = value.Stage != _stage;
        bool done = value.Fraction is >= 1;
        var now = _clock.Elapsed;
        if (!newStage && !done && now - _last < (_interactive ? TerminalInterval : PlainInterval))
            return;
        Show(value);
    }

    /// <summary>Shows <paramref name="value"/> now, whatever the pace: a milestone such as the end of an epoch.</summary>
    public void Show(ProgressUpdate value)
    {
        bool newStage = value.Stage != _stage;
        _last = _clock.Elapsed;
        if (_interactive)
            Draw(value, newStage);
        else
            _writer.WriteLine($"[{value.Stage}] {Percent(value.Fraction)}{value.Detail}");
        _stage = value.Stage;
    }

    /// <summary>Ends the bar's line so later output starts on a fresh line.</summary>
    public void Finish()
    {
        if (_interactive && _drawnLength > 0)
            _writer.WriteLine();
        _drawnLength = 0;
        _stage = null;
    }

    private void Draw(ProgressUpdate value, bool newStage)
    {
        if (newStage && _drawnLength > 0)
            _writer.WriteLine();
        string bar = value.Fraction is { } f
            ? "[" + new string('#', (int)Math.Round(f * BarWidth)).PadRight(BarWidth, '-') + "] "
            : "";
        string line = $"{value.Stage,-9} {bar}{Percent(value.Fraction)}{value.Detail}";
        _writer.Write("\r" + line.PadRight(_drawnLength));
        _drawnLength = line.Length;
        _writer.Flush();
    }

    private static string Percent(double? fraction) => fraction is { } f ? $"{f * 100,3:F0}%  " : "";
}
