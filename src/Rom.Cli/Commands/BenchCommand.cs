namespace Rom.Cli.Commands;

/// <summary><c>rom bench …</c>: benchmarks of Rom side by side with reference libraries (src/Rom.Bench).</summary>
public static class BenchCommand
{
    /// <summary>Builds the parent command with its subcommands.</summary>
    public static Command Create(CliContext context) =>
        new("bench", "Benchmarks: Rom side by side with reference libraries on the same inputs, in the same run; prints the ratios.")
        {
            BenchGpCommand.Create(context),
            BenchKrylovCommand.Create(context),
            BenchNeuralCommand.Create(context),
            BenchNsmCommand.Create(context),
            BenchSpectralCommand.Create(context),
        };
}
