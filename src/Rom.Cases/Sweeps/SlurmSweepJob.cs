namespace Rom.Cases.Sweeps;

/// <summary>The two scripts of a sharded sweep on Slurm and where they and their shards live.</summary>
/// <param name="Folder">The folder holding the scripts, the shard files and the logs.</param>
/// <param name="ArrayScript">The sbatch array script: task i solves shard i of n.</param>
/// <param name="MergeScript">The sbatch script that merges the n shards into the dataset (submitted afterok on the array).</param>
/// <param name="Shards">n.</param>
/// <param name="ShardPaths">The shard files, in order.</param>
public sealed record SlurmSweepJob(string Folder, string ArrayScript, string MergeScript, int Shards, IReadOnlyList<string> ShardPaths);
