namespace Rom.IO.Tests.Hdf5;

public class DataGroupTests
{
    [Test]
    public void GetOrAddGroup_CreatesNestedGroupsOnce()
    {
        var root = new DataGroup();
        var c = root.GetOrAddGroup("a/b/c");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetOrAddGroup("/a/b/c/"), Is.SameAs(c));
            Assert.That(root.TryGetGroup("a/b", out var b) && b.Groups["c"] == c, Is.True);
            Assert.That(root.TryGetGroup("", out var self) && self == root, Is.True);
            Assert.That(root.TryGetGroup("a/x", out _), Is.False);
        });
    }

    [Test]
    public void TryGetDataset_FollowsThePath()
    {
        var root = new DataGroup();
        var array = DataArray.Of(new[] { 1.0 });
        root.GetOrAddGroup("data/operator").Datasets["indptr"] = array;
        Assert.Multiple(() =>
        {
            Assert.That(root.TryGetDataset("data/operator/indptr", out var found) && found == array, Is.True);
            Assert.That(root.TryGetDataset("data/operator/missing", out _), Is.False);
            Assert.That(root.TryGetDataset("nope/indptr", out _), Is.False);
        });
    }

    [Test]
    public void Paths_RejectEmptySegmentsAndDatasetClashes()
    {
        var root = new DataGroup();
        root.Datasets["x"] = DataArray.Scalar(1.0);
        Assert.Throws<ArgumentException>(() => root.GetOrAddGroup("a//b"));
        Assert.Throws<ArgumentException>(() => root.GetOrAddGroup("x/y"));
        Assert.Throws<KeyNotFoundException>(() => root.AttributesOf("missing"));
    }

    [Test]
    public void Members_KeepInsertionOrder()
    {
        var root = new DataGroup();
        foreach (string name in new[] { "zeta", "alpha", "mid" })
            root.Datasets[name] = DataArray.Scalar(0.0);
        Assert.That(root.Datasets.Keys, Is.EqualTo(new[] { "zeta", "alpha", "mid" }));
    }
}
