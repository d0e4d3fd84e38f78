using Rom.Cases.Sweeps;

namespace Rom.Cli.Tests;

/// <summary>
/// rom slurm sweep's scripts, checked without a cluster: run by bash with the variables Slurm sets, they write the
/// dataset a serial rom sweep writes. (validation/slurm/ runs them on a real Slurm.)
/// </summary>
public class SlurmCommandTests : TempFolderTest
{
    private string SmallCase() =>
        Cli.New("sweep", PathOf("sweep.h5"), "--set", "problem.family=darcy-spd", "--set", "problem.grid_size=14", "--set", "problem.count=6",
            "--set", "sweep.method=cg", "--set", "sweep.preconditioner=ic0", "--set", "output.plots=0");

    [Test]
    public void TheScriptsRunByBashWriteWhatASerialSweepWrites()
    {
        string casePath = SmallCase(), data = PathOf("out/data.h5");
        string rom = $"dotnet exec {Path.Combine(TestContext.CurrentContext.TestDirectory, "Rom.Cli.dll")}";
        var job = SlurmSweepScripts.Write(rom, casePath, ["sweep.relative_tolerance=1e-9"], data, 3, new SlurmResources("short", "00:05:00", 2));

        string script = File.ReadAllText(job.ArrayScript);
        Assert.That(script, Does.Contain("#SBATCH --array=1-3").And.Contain("#SBATCH --partition=short").And.Contain("#SBATCH --time=00:05:00")
            .And.Contain("#SBATCH --cpus-per-task=2").And.Contain("--shard \"$i/3\"").And.Contain("--set sweep.relative_tolerance=1e-9"));
        for (int i = 1; i <= 3; i++)
            Bash(job.ArrayScript, ("SLURM_ARRAY_TASK_ID", i.ToString()));
        Bash(job.MergeScript);

        var b = Hdf5File.Read(data);
        Assert.That(b.Attributes["systems"].AsLongs()[0], Is.EqualTo(6));
        var tight = PathOf("tight.h5");
        Assert.That(Cli.Run("sweep", casePath, "--out", tight, "--set", "sweep.relative_tolerance=1e-9").ExitCode, Is.EqualTo(0));
        foreach (string name in new[] { "inputs", "solutions", "iterations" })
            Assert.That(b.Dataset(name).Values, Is.EqualTo(Hdf5File.Read(tight).Dataset(name).Values), $"{name}: sharded on 'Slurm' = serial, bit for bit (CG is independent per system)");
    }

    /// <summary>
    /// merge.group_size = 2 over 5 shards: two levels of partial merges (groups 1-2, 3-4, 5; then 1-4, 5) before the
    /// final merge, each an array script whose task j joins group j; run by bash in order they write the serial dataset.
    /// </summary>
    [Test]
    public void TreeMergeScriptsRunByBashWriteWhatASerialSweepWrites()
    {
        string casePath = SmallCase(), data = PathOf("tree/data.h5");
        string rom = $"dotnet exec {Path.Combine(TestContext.CurrentContext.TestDirectory, "Rom.Cli.dll")}";
        string[] sets = ["problem.count=5", "merge.group_size=2"];
        var job = SlurmSweepScripts.Write(rom, casePath, sets, data, 5, new SlurmResources(null, null, null));

        Assert.That(job.MergeLevelScripts.Select(Path.GetFileName), Is.EqualTo(new[] { "merge-1.sbatch", "merge-2.sbatch" }));
        string first = File.ReadAllText(job.MergeLevelScripts[0]), second = File.ReadAllText(job.MergeLevelScripts[1]);
        Assert.That(first, Does.Contain("#SBATCH --array=1-3").And.Contain("--partial --out").And.Contain("data.merge-5-5-of-5.h5"));
        Assert.That(second, Does.Contain("#SBATCH --array=1-2").And.Contain("data.merge-1-4-of-5.h5"));
        Assert.That(File.ReadAllText(job.MergeScript), Does.Contain("data.merge-1-4-of-5.h5").And.Contain("data.merge-5-5-of-5.h5"));
        for (int i = 1; i <= 5; i++)
            Bash(job.ArrayScript, ("SLURM_ARRAY_TASK_ID", i.ToString()));
        for (int j = 1; j <= 3; j++)
            Bash(job.MergeLevelScripts[0], ("SLURM_ARRAY_TASK_ID", j.ToString()));
        for (int j = 1; j <= 2; j++)
            Bash(job.MergeLevelScripts[1], ("SLURM_ARRAY_TASK_ID", j.ToString()));
        Bash(job.MergeScript);

        string serial = PathOf("serial.h5");
        Assert.That(Cli.Run(["sweep", casePath, "--out", serial, .. sets.SelectMany(x => new[] { "--set", x })]).ExitCode, Is.EqualTo(0));
        var (a, b) = (Hdf5File.Read(data), Hdf5File.Read(serial));
        foreach (string name in new[] { "indices", "inputs", "solutions", "iterations" })
            Assert.That(a.Dataset(name).Values, Is.EqualTo(b.Dataset(name).Values), name);
    }

    [Test]
    public void BadInputIsRefusedBeforeAnyScriptIsWritten()
    {
        string casePath = SmallCase();
        var many = Cli.Run("slurm", "sweep", casePath, "--shards", "7", "--out", PathOf("d.h5"));
        Assert.That(many.ExitCode, Is.EqualTo(2), many.ToString());
        Assert.That(many.Error, Does.Contain("--shards").And.Contain("7").And.Contain("6 systems"));
        Assert.That(Directory.Exists(PathOf("d.h5.slurm")), Is.False);
        var setting = Cli.Run("slurm", "sweep", casePath, "--shards", "2", "--out", PathOf("d.h5"), "--set", "sweep.method=frobnicate");
        Assert.That((setting.ExitCode, setting.Error.Contains("sweep.method")), Is.EqualTo((2, true)), setting.ToString());
        var group = Cli.Run("slurm", "sweep", casePath, "--shards", "2", "--out", PathOf("d.h5"), "--set", "merge.group_size=1");
        Assert.That((group.ExitCode, group.Error.Contains("merge.group_size")), Is.EqualTo((2, true)), group.ToString());
        // A method the family cannot take is found here, not on the cluster.
        var spd = Cli.Run("slurm", "sweep", casePath, "--shards", "2", "--out", PathOf("d.h5"), "--set", "problem.family=skr-darcy");
        Assert.That((spd.ExitCode, spd.Error.Contains("not declared SPD")), Is.EqualTo((2, true)), spd.ToString());
        string thermal = Cli.New("thermal-block", PathOf("tb.h5"));
        Assert.That(Cli.Run("slurm", "sweep", thermal, "--shards", "2", "--out", PathOf("d.h5")).Error, Does.Contain("'sweep'"));
    }

    [Test]
    public void SubmitWithoutSbatchSaysSoAndKeepsTheScripts()
    {
        string casePath = SmallCase(), path = Environment.GetEnvironmentVariable("PATH") ?? "";
        Environment.SetEnvironmentVariable("PATH", Dir); // no sbatch here
        try
        {
            var run = Cli.Run("slurm", "sweep", casePath, "--shards", "2", "--out", PathOf("d.h5"), "--submit");
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Error, Does.Contain("--submit").And.Contain("sbatch").And.Contain("sweep.sbatch"));
            Assert.That(File.Exists(PathOf("d.h5.slurm/sweep.sbatch")) && File.Exists(PathOf("d.h5.slurm/merge.sbatch")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    private void Bash(string script, params (string Name, string Value)[] variables)
    {
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Dir };
        foreach (var (name, value) in variables)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"{script}: {error.Result}");
    }
}
