namespace Rom.IO.Tests.Hdf5;

/// <summary>Tables written a block of rows at a time (<see cref="StreamedRows"/>) and read a block at a time (<see cref="Hdf5RowReader"/>).</summary>
public class StreamedRowsTests
{
    private const string DebianPython = "/usr/bin/python3";

    private static double Value(int row, int column) => row * 1000.0 + column + 0.25;

    /// <summary>Rows [start, start + count) of the table Value(row, column) with <paramref name="columns"/> columns.</summary>
    private static double[] Rows(int start, int count, int columns)
    {
        var values = new double[count * columns];
        for (int r = 0; r < count; r++)
            for (int c = 0; c < columns; c++)
                values[r * columns + c] = Value(start + r, c);
        return values;
    }

    /// <summary>
    /// A table of 2.4 million values (three blocks of <see cref="StreamedRows.BlockValues"/>, the last one short) beside
    /// an ordinary tree: read back whole, by rows, and skipped by the partial read.
    /// </summary>
    [Test]
    public void StreamedTableReadsBackWholeAndByRows()
    {
        using var temp = new TempFolder();
        string path = temp.File("streamed.h5");
        const int rows = 3001, columns = 800;
        var root = new DataGroup();
        root.Attributes["kind"] = DataArray.Scalar("test");
        root.Datasets["small"] = DataArray.Of([1.0, 2.0]);
        var blocks = new List<(int, int)>();
        Hdf5File.Write(path, root, [new StreamedRows("group/table", rows, columns, (start, count) => { blocks.Add((start, count)); return Rows(start, count, columns); })]);

        Assert.That(blocks, Has.Count.EqualTo(3), "blocks of at most BlockValues values");
        var whole = Hdf5File.Read(path);
        Assert.That(whole.Groups["group"].Datasets["table"].Shape, Is.EqualTo(new[] { rows, columns }));
        Assert.That(whole.Groups["group"].Datasets["table"].AsDoubles(), Is.EqualTo(Rows(0, rows, columns)));
        Assert.That(whole.Datasets["small"].AsDoubles(), Is.EqualTo(new[] { 1.0, 2.0 }));

        var partial = Hdf5File.Read(path, skip: p => p == "/group/table");
        Assert.That(partial.Groups["group"].Datasets, Is.Empty);
        using var reader = Hdf5RowReader.Open(path);
        Assert.That(reader.Shape("/group/table"), Is.EqualTo((rows, columns)));
        Assert.That(reader.ReadRows("/group/table", 1310, 7), Is.EqualTo(Rows(1310, 7, columns)));
        Assert.That(() => reader.ReadRows("/group/table", 3000, 2), Throws.TypeOf<DataFileException>().With.Message.Contains("3000..3001"));
        Assert.That(() => reader.ReadRows("/small", 0, 1), Throws.TypeOf<DataFileException>().With.Message.Contains("2-D float64"));
    }

    /// <summary>A block of the wrong length fails the write and leaves no file (the write is atomic).</summary>
    [Test]
    public void ShortBlockFailsTheWriteAndLeavesNoFile()
    {
        using var temp = new TempFolder();
        string path = temp.File("short.h5");
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Write(path, new DataGroup(), [new StreamedRows("t", 4, 3, (s, c) => new double[c * 3 - 1])]));
        Assert.That(error!.Message, Does.Contain("/t").And.Contain("expected 4 × 3"));
        Assert.That(Directory.GetFiles(temp.Path), Is.Empty);
    }

    /// <summary>h5py (Debian's) reads the streamed table as the values written.</summary>
    [Test]
    public void StreamedTableIsReadByH5py()
    {
        if (!File.Exists(DebianPython))
            Assert.Ignore($"{DebianPython} is not available.");
        using var temp = new TempFolder();
        string path = temp.File("h5py.h5");
        Hdf5File.Write(path, new DataGroup(), [new StreamedRows("solutions", 1500, 1000, (s, c) => Rows(s, c, 1000))]);
        var start = new ProcessStartInfo(DebianPython, ["-c",
            "import sys, h5py, numpy as np; t = h5py.File(sys.argv[1], 'r')['solutions'][()]; r, c = np.meshgrid(np.arange(1500), np.arange(1000), indexing='ij'); print(t.shape, np.array_equal(t, r * 1000.0 + c + 0.25))",
            path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (output.Contains("No module named", StringComparison.Ordinal))
            Assert.Ignore("h5py is not installed for Debian's Python.");
        Assert.That(output.Trim(), Is.EqualTo("(1500, 1000) True"));
    }
}
