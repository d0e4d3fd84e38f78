using System.Collections;
using Rom.Cases.Sweeps;
using Rom.Sweeps;

namespace Rom.Cases.Tests.Sweeps;

public class SlurmArrayTests
{
    private static SweepShard? Shard(params (string Name, string Value)[] variables) =>
        SlurmArray.Shard(new Hashtable(variables.ToDictionary(v => v.Name, v => v.Value)));

    [Test]
    public void OutsideAnArrayJobThereIsNoShard() =>
        Assert.That(Shard(("SLURM_JOB_ID", "17")), Is.Null);

    [TestCase("0", "4", "0", null, 1, 4)]
    [TestCase("3", "4", "0", null, 4, 4)]
    [TestCase("5", "4", "4", null, 2, 4)]        // --array=4-7
    [TestCase("7", "3", "1", "3", 3, 3)]         // --array=1-7:3: IDs 1, 4, 7
    [TestCase("2", "1", null, null, 1, 1)]       // --array=2, one task resubmitted: 1 of 1 (so scripts that resubmit pass --shard)
    public void TheTaskIndexPicksTheShard(string id, string count, string? min, string? step, int number, int total)
    {
        var variables = new List<(string, string)> { ("SLURM_ARRAY_TASK_ID", id), ("SLURM_ARRAY_TASK_COUNT", count) };
        variables.Add(("SLURM_ARRAY_TASK_MIN", min ?? id)); // Slurm sets MIN; a lone task is its own minimum
        if (step is not null) variables.Add(("SLURM_ARRAY_TASK_STEP", step));
        Assert.That(Shard([.. variables]), Is.EqualTo(new SweepShard(number, total)));
    }

    [Test]
    public void InconsistentVariablesAreBadInputNamingTheVariable()
    {
        var outside = Assert.Throws<CaseInputException>(() => Shard(("SLURM_ARRAY_TASK_ID", "9"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "0")))!;
        Assert.That(outside.Message, Does.Contain("SLURM_ARRAY_TASK_ID").And.Contain("9").And.Contain("0, 1, … 3"));
        var missing = Assert.Throws<CaseInputException>(() => Shard(("SLURM_ARRAY_TASK_ID", "1")))!;
        Assert.That(missing.Message, Does.Contain("SLURM_ARRAY_TASK_COUNT").And.Contain("unset"));
        var text = Assert.Throws<CaseInputException>(() => Shard(("SLURM_ARRAY_TASK_ID", "x"), ("SLURM_ARRAY_TASK_COUNT", "4")))!;
        Assert.That(text.Message, Does.Contain("'x'"));
    }
}
