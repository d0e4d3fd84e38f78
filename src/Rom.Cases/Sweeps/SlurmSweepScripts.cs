using System.Text;
using Rom.Cases.Kinds;
using Rom.Sweeps;

namespace Rom.Cases.Sweeps;

/// <summary>
/// <c>rom slurm sweep</c>: writes an sbatch array script whose task i runs <c>rom sweep CASE --shard i/n</c> into its
/// own shard file, and a merge script that joins the shards into DATA; with <c>merge.group_size</c> = g, before it one
/// array script per level of a tree merge, whose task j joins the j-th group of g files of the level below with
/// <c>rom sweep merge --partial</c>. Every option is a visible line of the scripts;
/// paths are absolute, so the jobs may start in any folder (one that every node sees: the folders must be shared).
/// A task re-submitted alone (<c>sbatch --array=i</c>) resumes from its shard's checkpoint, since --shard is explicit.
/// </summary>
public static class SlurmSweepScripts
{
    /// <summary>
    /// Checks the case and settings as <c>rom sweep</c> would (so a job never fails on bad input), refuses more shards
    /// than systems, and writes the scripts to DATA.slurm/ beside <paramref name="dataPath"/>.
    /// </summary>
    /// <param name="rom">The command that runs rom on the nodes, e.g. "/opt/rom/rom" or "dotnet /opt/rom/Rom.Cli.dll".</param>
    /// <param name="casePath">The sweep case.</param>
    /// <param name="overrides">--set assignments, passed to every task.</param>
    /// <param name="dataPath">The merged dataset.</param>
    /// <param name="shards">n, the array's task count.</param>
    /// <param name="resources">What each task asks the cluster for.</param>
    public static SlurmSweepJob Write(string rom, string casePath, IReadOnlyList<string> overrides, string dataPath, int shards, SlurmResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var (document, settings) = CaseRunner.Prepare(casePath, overrides);
        if (document.Kind is not SweepKind)
            throw new CaseInputException("/@kind", $"'{document.Kind.Name}'", "'sweep' (rom slurm sweep runs sweep cases)", casePath);
        int systems = SweepCase.Check(document, settings, SweepShard.All).Count;
        if (shards < 1 || shards > systems)
            throw new CaseInputException("--shards", shards.ToString(CultureInfo.InvariantCulture), $"a count in 1..{systems:N0}: each shard solves at least one of the case's {systems:N0} systems");
        if (resources.CpusPerTask is < 1)
            throw new CaseInputException("--cpus-per-task", resources.CpusPerTask.Value.ToString(CultureInfo.InvariantCulture), "a count ≥ 1");

        dataPath = Path.GetFullPath(OutputFile.Prepare(dataPath));
        string folder = dataPath + ".slurm", name = Path.GetFileNameWithoutExtension(dataPath);
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        var shardPaths = Enumerable.Range(1, shards).Select(i => Path.Combine(folder, $"{name}.shard-{i}-of-{shards}.h5")).ToArray();
        string sets = string.Concat(overrides.Select(o => " --set " + Quote(o)));
        string fullCase = Path.GetFullPath(casePath);
        string arrayScript = Path.Combine(folder, "sweep.sbatch"), mergeScript = Path.Combine(folder, "merge.sbatch");

        var array = Header($"rom-sweep-{name}", Path.Combine(folder, "logs", "shard-%a.out"), resources)
            .AppendLine($"#SBATCH --array=1-{shards}")
            .AppendLine()
            .AppendLine($"# Task i solves shard i of {shards} of {fullCase} into {name}.shard-i-of-{shards}.h5 beside this script.")
            .AppendLine("# A failed or cancelled task re-submitted alone resumes from its checkpoint: sbatch --array=i " + Quote(arrayScript))
            .AppendLine("set -euo pipefail")
            .AppendLine($"i=$SLURM_ARRAY_TASK_ID")
            .AppendLine($"exec {rom} sweep {Quote(fullCase)} --shard \"$i/{shards}\" --out {Quote(Path.Combine(folder, name))}.shard-\"$i\"-of-{shards}.h5{sets}");
        // The tree merge: level k joins groups of g files of level k − 1 (level 0: the shards) into files of shards a..b.
        int group = (int)settings.Integer("merge.group_size"), levels = SweepMerge.Levels(settings, shards);
        var files = shardPaths.Select((path, i) => (Path: path, First: i + 1, Last: i + 1)).ToList();
        var levelScripts = new List<string>();
        for (int level = 1; level <= levels; level++)
        {
            var groups = files.Chunk(group).Select(g => (Inputs: g, Path: Path.Combine(folder, $"{name}.merge-{g[0].First}-{g[^1].Last}-of-{shards}.h5"), First: g[0].First, Last: g[^1].Last)).ToList();
            string script = Path.Combine(folder, $"merge-{level}.sbatch");
            var text = Header($"rom-merge{level}-{name}", Path.Combine(folder, "logs", $"merge-{level}-%a.out"), resources)
                .AppendLine($"#SBATCH --array=1-{groups.Count}")
                .AppendLine()
                .AppendLine($"# Level {level} of {levels} of the tree merge (merge.group_size = {group}): task j joins the j-th group of {group} files of the level below")
                .AppendLine($"# into one file of their shards a..b; rom slurm sweep --submit submits it with --dependency=afterok on the level below.")
                .AppendLine("set -euo pipefail")
                .AppendLine("case \"$SLURM_ARRAY_TASK_ID\" in");
            foreach (var (g, j) in groups.Select((g, j) => (g, j + 1)))
                text.AppendLine($"  {j}) exec {rom} sweep merge {string.Join(" ", g.Inputs.Select(f => Quote(f.Path)))} --partial --out {Quote(g.Path)} ;;");
            text.AppendLine("esac").AppendLine("echo \"no group $SLURM_ARRAY_TASK_ID at this level\" >&2; exit 2");
            File.WriteAllText(script, text.ToString());
            levelScripts.Add(script);
            files = [.. groups.Select(g => (g.Path, g.First, g.Last))];
        }
        var merge = Header($"rom-merge-{name}", Path.Combine(folder, "logs", "merge.out"), resources)
            .AppendLine()
            .AppendLine($"# Joins {(levels == 0 ? $"the {shards} shards" : $"the {files.Count} files of the last level of the tree merge")} into {dataPath}; rom slurm sweep --submit submits it")
            .AppendLine($"# with --dependency=afterok on {(levels == 0 ? "the array" : "that level")}, and rom sweep merge names any shard that is missing.")
            .AppendLine("set -euo pipefail")
            .AppendLine($"exec {rom} sweep merge {string.Join(" ", files.Select(f => Quote(f.Path)))} --out {Quote(dataPath)}");
        File.WriteAllText(arrayScript, array.ToString());
        File.WriteAllText(mergeScript, merge.ToString());
        return new SlurmSweepJob(folder, arrayScript, levelScripts, mergeScript, shards, shardPaths);
    }

    private static StringBuilder Header(string jobName, string log, SlurmResources resources)
    {
        var script = new StringBuilder()
            .AppendLine("#!/bin/bash")
            .AppendLine($"#SBATCH --job-name={jobName}")
            .AppendLine($"#SBATCH --output={log}");
        if (resources.Partition is { } partition) script.AppendLine($"#SBATCH --partition={partition}");
        if (resources.Time is { } time) script.AppendLine($"#SBATCH --time={time}");
        if (resources.CpusPerTask is { } cpus) script.AppendLine($"#SBATCH --cpus-per-task={cpus}");
        return script;
    }

    /// <summary>A word for bash: single-quoted unless it is plain.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-=,:+@%".Contains(c)) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
