using System.Collections;
using Rom.Sweeps;

namespace Rom.Cases.Sweeps;

/// <summary>
/// The shard a Slurm array task solves when <c>rom sweep</c> runs without <c>--shard</c> inside an array job: task IDs
/// MIN, MIN + STEP, … are shards 1, 2, … of SLURM_ARRAY_TASK_COUNT. A script that may resubmit a single task (whose
/// array then has one task) passes <c>--shard</c> itself, as <c>rom slurm sweep</c>'s does.
/// </summary>
public static class SlurmArray
{
    /// <summary>The variables read, in the order they are checked.</summary>
    public static IReadOnlyList<string> Variables { get; } =
        ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP"];

    /// <summary>
    /// The shard of this array task, or null outside an array job (no SLURM_ARRAY_TASK_ID); inconsistent variables are
    /// bad input naming the variable.
    /// </summary>
    public static SweepShard? Shard(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment["SLURM_ARRAY_TASK_ID"] is not string)
            return null;
        long Read(string name, long? fallback)
        {
            if (environment[name] is string text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
                return value;
            return fallback ?? throw new CaseInputException(name, environment[name] is string t ? $"'{t}'" : "unset", "an integer (rom sweep runs in a Slurm array job; or give --shard i/n)");
        }
        long id = Read("SLURM_ARRAY_TASK_ID", null), count = Read("SLURM_ARRAY_TASK_COUNT", null);
        long min = Read("SLURM_ARRAY_TASK_MIN", 0), step = Read("SLURM_ARRAY_TASK_STEP", 1);
        if (count < 1 || count > int.MaxValue)
            throw new CaseInputException("SLURM_ARRAY_TASK_COUNT", count.ToString(CultureInfo.InvariantCulture), "a task count ≥ 1");
        if (step < 1 || id < min || (id - min) % step != 0 || (id - min) / step >= count)
            throw new CaseInputException("SLURM_ARRAY_TASK_ID", id.ToString(CultureInfo.InvariantCulture),
                $"one of the array's {count} task IDs {min}, {min + step}, … {min + (count - 1) * step} (SLURM_ARRAY_TASK_MIN, _STEP, _COUNT)");
        return new SweepShard((int)((id - min) / step) + 1, (int)count);
    }
}
