namespace Rom.Cases.Sweeps;

/// <summary>What a Slurm cluster is asked for: partition, time limit and CPUs per task (null: the cluster's default).</summary>
/// <param name="Partition">sbatch --partition.</param>
/// <param name="Time">sbatch --time, e.g. 02:00:00.</param>
/// <param name="CpusPerTask">sbatch --cpus-per-task.</param>
public sealed record SlurmResources(string? Partition = null, string? Time = null, int? CpusPerTask = null);
