using System.Text.Json;

namespace Rom.IO.Tests.Hdf5;

/// <summary>Files written by h5py read in Rom, and files written by Rom read by h5py and h5dump.</summary>
public class Hdf5InteropTests
{
    private const string DebianPython = "/usr/bin/python3";

    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name);

    [Test]
    public void H5pyFixture_MatchesItsJsonSidecar()
    {
        var root = Hdf5File.Read(Fixture("h5py-written.h5"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("h5py-written.json")));

        Assert.Multiple(() =>
        {
            foreach (var attribute in expected.RootElement.GetProperty("attributes").EnumerateObject())
            {
                string[] parts = attribute.Name.Split('@');
                Assert.That(root.TryGetGroup(parts[0], out var owner), Is.True, attribute.Name);
                Assert.That(owner!.Attributes.TryGetValue(parts[1], out var actual), Is.True, attribute.Name);
                var values = attribute.Value.ValueKind == JsonValueKind.Array ? attribute.Value.EnumerateArray().ToArray() : [attribute.Value];
                Assert.That(actual!.IsScalar, Is.EqualTo(attribute.Value.ValueKind != JsonValueKind.Array), attribute.Name + " scalar");
                AssertValues(actual, values, attribute.Name);
            }
            foreach (var dataset in expected.RootElement.GetProperty("datasets").EnumerateObject())
            {
                Assert.That(root.TryGetDataset(dataset.Name, out var actual), Is.True, dataset.Name);
                Assert.That(actual!.Type.ToString(), Is.EqualTo(dataset.Value.GetProperty("dtype").GetString()), dataset.Name + " dtype");
                Assert.That(actual.Shape, Is.EqualTo(dataset.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32())), dataset.Name + " shape");
                AssertValues(actual, dataset.Value.GetProperty("values").EnumerateArray().ToArray(), dataset.Name);
            }
        });
    }

    private static void AssertValues(DataArray actual, JsonElement[] expected, string what)
    {
        if (actual.IsString)
            Assert.That(actual.AsStrings(), Is.EqualTo(expected.Select(e => e.GetString())), what);
        else if (actual.IsInteger)
            Assert.That(actual.AsLongs(), Is.EqualTo(expected.Select(e => e.GetInt64())), what);
        else
            Assert.That(actual.AsDoubles(), Is.EqualTo(expected.Select(e => e.GetDouble())), what);
    }

    [Test]
    public void RomFile_IsReadByH5py()
    {
        if (!File.Exists(DebianPython) || Run(DebianPython, "-c \"import h5py, numpy\"").ExitCode != 0)
            Assert.Ignore($"{DebianPython} with h5py and numpy is not available, so the h5py read-back cannot be checked.");
        using var temp = new TempFolder();
        string path = WriteRomFile(temp);
        const string script = """
            import json, sys, h5py
            out = {}
            def visit(name, obj):
                for key, value in obj.attrs.items():
                    out["/" + name + "@" + key] = value.tolist() if hasattr(value, "tolist") else value
                if isinstance(obj, h5py.Dataset):
                    if obj.dtype.kind == "O":
                        out["/" + name] = [str(obj.dtype), list(obj.shape), obj.asstr()[()].tolist()]
                    else:
                        out["/" + name] = [str(obj.dtype), list(obj.shape), obj[()].tolist(), obj.compression]
            with h5py.File(sys.argv[1], "r") as f:
                visit("", f)
                f.visititems(visit)
            print(json.dumps(out, ensure_ascii=True, separators=(",", ":")))
            """;
        string scriptPath = temp.File("read.py");
        File.WriteAllText(scriptPath, script);

        var (exitCode, output) = Run(DebianPython, $"\"{scriptPath}\" \"{path}\"");

        Assert.That(exitCode, Is.EqualTo(0), output);
        using var read = JsonDocument.Parse(output);
        var r = read.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(r.GetProperty("/@title").GetString(), Is.EqualTo("Rom résultats ∑"));
            Assert.That(r.GetProperty("/@names").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "a", "β" }));
            Assert.That(r.GetProperty("/@version").GetInt64(), Is.EqualTo(2));
            Assert.That(r.GetProperty("/data/matrix").ToString(), Is.EqualTo("""["float64",[2,3],[[1.0,2.0,3.0],[4.0,5.0,6.5]],null]"""));
            Assert.That(r.GetProperty("/data/f32").ToString(), Is.EqualTo("""["float32",[2],[0.5,-2.0],null]"""));
            Assert.That(r.GetProperty("/data/u8").ToString(), Is.EqualTo("""["uint8",[3],[0,7,255],null]"""));
            Assert.That(r.GetProperty("/data/i16").ToString(), Is.EqualTo("""["int16",[],-3,null]"""));
            Assert.That(r.GetProperty("/data/labels").ToString(), Is.EqualTo("""["object",[2],["x","\u00fc"]]"""));
            Assert.That(r.GetProperty("/data/big")[3].GetString(), Is.EqualTo("gzip"));
            Assert.That(r.GetProperty("/data/big")[1].ToString(), Is.EqualTo("[50,40]"));
            Assert.That(r.GetProperty("/data/matrix@unit").GetString(), Is.EqualTo("K"));
        });
    }

    [Test]
    public void RomFile_IsReadByH5dump()
    {
        const string h5dump = "/usr/bin/h5dump";
        if (!File.Exists(h5dump))
            Assert.Ignore($"{h5dump} (package hdf5-tools) is not installed, so the h5dump check cannot run.");
        using var temp = new TempFolder();
        var (exitCode, output) = Run(h5dump, $"\"{WriteRomFile(temp)}\"");
        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("DATASET \"matrix\"").And.Contain("(1,0): 4, 5, 6.5")); // h5dump escapes non-ASCII text
    }

    /// <summary>Writes a small, compressed Rom file with every kind of content into <paramref name="folder"/>.</summary>
    private static string WriteRomFile(TempFolder folder)
    {
        var root = new DataGroup();
        root.Attributes["title"] = DataArray.Scalar("Rom résultats ∑");
        root.Attributes["names"] = DataArray.Of(new[] { "a", "β" });
        root.Attributes["version"] = DataArray.Scalar(2L);
        var data = root.GetOrAddGroup("data");
        data.Datasets["matrix"] = DataArray.Of(new[] { 1.0, 2, 3, 4, 5, 6.5 }, 2, 3);
        data.AttributesOf("matrix")["unit"] = DataArray.Scalar("K");
        data.Datasets["f32"] = DataArray.Create(DataType.Float32, new[] { 0.5, -2.0 }, [2]);
        data.Datasets["u8"] = DataArray.Create(DataType.UInt8, new long[] { 0, 7, 255 }, [3]);
        data.Datasets["i16"] = DataArray.Create(DataType.Int16, new long[] { -3 }, []);
        data.Datasets["labels"] = DataArray.Of(new[] { "x", "ü" });
        data.Datasets["big"] = DataArray.Of(Enumerable.Range(0, 2000).Select(i => i * 0.5).ToArray(), 50, 40);
        string path = folder.File("rom-written.h5");
        Hdf5File.Write(path, root, new Hdf5WriteOptions(Compress: true));
        return path;
    }

    private static (int ExitCode, string Output) Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
