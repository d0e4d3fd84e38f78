namespace Rom.Cli;

/// <summary>Exit codes of the <c>rom</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done and succeeded.</summary>
    public const int Success = 0;

    /// <summary>The input was fine but the computation failed (e.g. no convergence, a failed validation check).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unknown option or setting, unreadable or invalid case file.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted (SIGINT, Ctrl+C) after saving what resumes the work: 128 + 2, the shell's convention.</summary>
    public const int Interrupted = 130;
}
