using System.Runtime.InteropServices;

namespace Rom.Cli;

/// <summary>
/// What a long command that can stop cleanly watches: the context's <see cref="CliContext.Cancellation"/> or the first
/// Ctrl+C (SIGINT), which it takes over so the command can stop at its next checkpoint; a second Ctrl+C ends the
/// process as usual.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource cancel;
    private readonly PosixSignalRegistration signal;

    /// <summary>Starts watching <paramref name="cancellation"/> and Ctrl+C.</summary>
    public Interruption(CancellationToken cancellation)
    {
        cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        signal = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (cancel.IsCancellationRequested) return;
            context.Cancel = true;
            cancel.Cancel();
        });
    }

    /// <summary>Cancelled by the context's token or the first Ctrl+C.</summary>
    public CancellationToken Token => cancel.Token;

    /// <summary>Stops watching Ctrl+C.</summary>
    public void Dispose()
    {
        signal.Dispose();
        cancel.Dispose();
    }
}
