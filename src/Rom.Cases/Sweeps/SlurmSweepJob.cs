namespace Rom.Cases.Sweeps;

/// <summary>The scripts of a sharded sweep on Slurm and where they and their shards live.</summary>
/// <param name="Folder">The folder holding the scripts, the shard files, the partial merges and the logs.</param>
/// <param name="ArrayScript">The sbatch array script: task i solves shard i of n.</param>
/// <param name="MergeLevelScripts">The array scripts of the tree merge's levels, lowest first (none without <c>merge.group_size</c>):
/// each is submitted afterok on the one before, the first on the shards' array.</param>
/// <param name="MergeScript">The sbatch script of the final merge into the dataset (submitted afterok on the last job before it).</param>
/// <param name="Shards">n.</param>
/// <param name="ShardPaths">The shard files, in order.</param>
public sealed record SlurmSweepJob(string Folder, string ArrayScript, IReadOnlyList<string> MergeLevelScripts, string MergeScript, int Shards, IReadOnlyList<string> ShardPaths);
