using Rom.Cases.Sweeps;
using Rom.Krylov;
using Rom.Models.Darcy;
using Rom.Sweeps;

namespace Rom.Cases.Tests.Sweeps;

public class SweepCheckpointTests : TempFolderTest
{
    private static SweepSolver Solver(SweepShard? shard = null) =>
        new(new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 14, Count: 6, Seed: 2)),
            new SweepOptions(new SolverSettings("gcro-dr", Restart: 20, RecycleSize: 6), WarmStart: true), shard);

    private static List<SweepSample> SolveRest(SweepSolver solver)
    {
        var samples = new List<SweepSample>();
        while (!solver.IsFinished) samples.Add(solver.SolveNext());
        return samples;
    }

    [Test]
    public void ChunksWrittenAndReadBackResumeTheSweepBitForBit()
    {
        string folder = PathOf("data.h5.partial");
        var first = Solver();
        var checkpoint = SweepCheckpoint.Open(folder, "sweep-1", first, out var none);
        Assert.That(none, Is.Empty);
        var chunk1 = new List<SweepSample> { first.SolveNext(), first.SolveNext() };
        checkpoint.Save(chunk1, first.SaveState());
        var chunk2 = new List<SweepSample> { first.SolveNext() };
        checkpoint.Save(chunk2, first.SaveState());
        var uninterrupted = SolveRest(first);

        var second = Solver();
        SweepCheckpoint.Open(folder, "sweep-1", second, out var restored);
        Assert.That(second.NextPosition, Is.EqualTo(3));
        Assert.That(restored.Select(s => (s.Index, s.Position, s.Iterations, s.MatrixVectorProducts, s.Reason, s.WarmStartFrom)),
            Is.EqualTo(chunk1.Concat(chunk2).Select(s => (s.Index, s.Position, s.Iterations, s.MatrixVectorProducts, s.Reason, s.WarmStartFrom))));
        for (int k = 0; k < 3; k++)
            Assert.That(restored[k].Solution, Is.EqualTo(chunk1.Concat(chunk2).ElementAt(k).Solution), $"sample {k}");
        var resumed = SolveRest(second);
        Assert.That(resumed, Has.Count.EqualTo(3));
        for (int k = 0; k < resumed.Count; k++)
        {
            Assert.That(resumed[k].Solution, Is.EqualTo(uninterrupted[k].Solution), "recycle space and warm starts restored exactly");
            Assert.That(resumed[k].Iterations, Is.EqualTo(uninterrupted[k].Iterations));
        }
    }

    [Test]
    public void ChunksOfAFamilyWithAStoredGridHoldItsRowsAndTheFineRecycleSpace()
    {
        string folder = PathOf("data.h5.partial");
        SweepSolver Fno() => new(new FnoDarcyFamily(new FnoDarcyOptions(GridSize: 17, OutputSize: 5, Count: 4, Seed: 3)),
            new SweepOptions(new SolverSettings("deflated-cg", "jacobi", RecycleSize: 4)));
        var first = Fno();
        var checkpoint = SweepCheckpoint.Open(folder, "fno", first, out _);
        var saved = new List<SweepSample> { first.SolveNext(), first.SolveNext() };
        checkpoint.Save(saved, first.SaveState());
        var uninterrupted = SolveRest(first);

        var chunk = Rom.IO.Hdf5.Hdf5File.Read(Directory.GetFiles(folder, "chunk-*.h5").Single());
        Assert.That(chunk.Datasets["solutions"].Shape, Is.EqualTo(new[] { 2, 25 }), "rows on the 5 × 5 stored grid");
        Assert.That(chunk.Groups["state"].Datasets["recycle_space"].Shape, Is.EqualTo(new[] { 4, 225 }), "the recycle space on the 15² fine unknowns");
        var second = Fno();
        SweepCheckpoint.Open(folder, "fno", second, out var restored);
        Assert.That(restored.Select(r => r.Solution), Is.EqualTo(saved.Select(r => r.Solution)));
        Assert.That(SolveRest(second).Select(r => r.Solution), Is.EqualTo(uninterrupted.Select(r => r.Solution)), "resumed bit for bit");
    }

    [Test]
    public void ACheckpointOfOtherSettingsOrAnotherShardIsRefused()
    {
        string folder = PathOf("data.h5.partial");
        var solver = Solver();
        SweepCheckpoint.Open(folder, "sweep-1", solver, out _).Save([solver.SolveNext()], solver.SaveState());

        var other = Assert.Throws<CaseInputException>(() => SweepCheckpoint.Open(folder, "sweep-2", Solver(), out _))!;
        Assert.That(other.Field, Is.EqualTo("--out"));
        Assert.That(other.Value, Does.Contain(folder).And.Contain("another case or other settings"));
        Assert.That(other.Expected, Does.Contain("the same case, settings and --shard"));

        var shard = Assert.Throws<CaseInputException>(() => SweepCheckpoint.Open(folder, "sweep-1", Solver(new SweepShard(2, 2)), out _))!;
        Assert.That(shard.Value, Does.Contain("shard 1/1"));
        Assert.That(Directory.GetFiles(folder, "chunk-*.h5"), Has.Length.EqualTo(1), "the refused runs wrote nothing");
    }

    [Test]
    public void ChunkFilesAreWholeOrAbsent()
    {
        string folder = PathOf("data.h5.partial");
        var solver = Solver();
        var checkpoint = SweepCheckpoint.Open(folder, "sweep-1", solver, out _);
        var saved = solver.SolveNext();
        checkpoint.Save([saved], solver.SaveState());
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "sweep.h5", "chunk-000000000.h5" }),
            "no temporary file is left behind");

        // A run killed while writing its next chunk leaves only the temporary file of Hdf5File.Write, half written.
        File.WriteAllBytes(Path.Combine(folder, ".chunk-000000001.h5.0123456789abcdef.tmp"), new byte[100]);
        var resumed = Solver();
        SweepCheckpoint.Open(folder, "sweep-1", resumed, out var restored);
        Assert.That(restored.Select(s => s.Index), Is.EqualTo(new[] { saved.Index }));
        Assert.That(resumed.NextPosition, Is.EqualTo(1), "the half-written chunk is not read");
        checkpoint.Delete();
        Assert.That(Directory.Exists(folder), Is.False);
    }
}
