using System.Text;

namespace Rom.IO.Tests.Hdf5;

/// <summary>HDF5 metadata checksums (Jenkins lookup3) verified before a file is parsed, as libhdf5 does.</summary>
public class Hdf5ChecksumTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name);

    /// <summary>The known answers printed by the driver of Jenkins' lookup3.c.</summary>
    [TestCase("", 0u, 0xdeadbeefu)]
    [TestCase("", 0xdeadbeefu, 0xbd5b7ddeu)]
    [TestCase("Four score and seven years ago", 0u, 0x17770551u)]
    [TestCase("Four score and seven years ago", 1u, 0xcd628161u)]
    public void Lookup3_GivesJenkinsKnownAnswers(string text, uint initial, uint expected) =>
        Assert.That(Lookup3.Hash(Encoding.ASCII.GetBytes(text), initial), Is.EqualTo(expected).Using<uint>((a, b) => a == b));

    /// <summary>
    /// A file of numeric attributes keeps all of them in checksummed object headers, so flipping any bit of it either
    /// is refused as damaged or leaves what is read unchanged (a flip in unused bytes); never a silently changed value.
    /// </summary>
    [Test]
    public void EveryBitFlipInARomFile_IsRefusedOrHarmless()
    {
        using var temp = new TempFolder();
        var root = new DataGroup();
        root.Attributes["restart"] = DataArray.Scalar(40L);
        root.GetOrAddGroup("solver").Attributes["tolerance"] = DataArray.Scalar(1e-8);
        root.GetOrAddGroup("solver/inner").Attributes["sizes"] = DataArray.Of(new long[] { 3, 5, 8 });
        string path = temp.File("case.h5");
        Hdf5File.Write(path, root);
        var original = File.ReadAllBytes(path);
        string expected = DataTreeFormatter.Describe(Hdf5File.Read(path));
        string mutant = temp.File("mutant.h5");
        int refused = 0, silent = 0;
        for (int at = 0; at < original.Length; at++)
        {
            var bytes = (byte[])original.Clone();
            bytes[at] ^= (byte)(1 << (at % 8));
            File.WriteAllBytes(mutant, bytes);
            try
            {
                if (DataTreeFormatter.Describe(Hdf5File.Read(mutant)) != expected)
                    silent++;
            }
            catch (DataFileException)
            {
                refused++;
            }
        }
        Assert.Multiple(() =>
        {
            Assert.That(silent, Is.Zero, "bit flips read as different values");
            Assert.That(refused, Is.GreaterThan(original.Length / 2), "bit flips refused");
        });
    }

    /// <summary>h5py's newest format: read in full, and a flip in a dense group's heap header or block, or B-tree header, is refused.</summary>
    [TestCase("FRHP")]
    [TestCase("FHDB")] // fuzz seed 4, mutant 3954: a flip in a dense group's heap block named two links 'g05'
    [TestCase("BTHD")]
    [TestCase("OHDR")]
    public void H5pyLatestFormat_IsReadAndItsDamagedHeadersAreRefused(string signature)
    {
        var root = Hdf5File.Read(Fixture("h5py-latest.h5"));
        Assert.That(root.Groups, Has.Count.EqualTo(12));
        Assert.That(root.Groups["g00"].Attributes, Has.Count.EqualTo(11));
        Assert.That(root.Groups["g01"].Datasets["values"].AsDoubles()[99], Is.EqualTo(33.0));

        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(Fixture("h5py-latest.h5"));
        int at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(signature));
        Assert.That(at, Is.GreaterThan(0), signature + " in the fixture");
        bytes[at + 8] ^= 0x10;
        string path = temp.File("damaged.h5");
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<DataFileException>(() => Hdf5File.Read(path));
        Assert.That(error!.Message, Does.Contain("damaged HDF5 file").And.Contain($"byte {at}"));
    }
}
