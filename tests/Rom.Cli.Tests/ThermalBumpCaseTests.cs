namespace Rom.Cli.Tests;

public class ThermalBumpCaseTests : TempFolderTest
{
    [Test]
    public void ShippedCaseIsCertifiedAgainstTheEimTruthAndTheTrueModel()
    {
        var root = Cli.Json("run", Path.Combine(Cli.RepoRoot, "cases", "thermal-bump.h5"), "--out", PathOf("r.h5"), "--json", "--set", "output.plots=0");
        double Get(string key) => root.GetProperty(key).GetDouble();
        Assert.That(Get("eim_terms"), Is.GreaterThan(10), "the bump is not affine: EIM needs many terms");
        Assert.That(Get("eim_max_test_error"), Is.LessThanOrEqualTo(Get("eim_training_error")), "the training supremum covers the test parameters");
        Assert.That(Get("min_effectivity"), Is.GreaterThanOrEqualTo(1), "Δ bounds the error against the EIM-affine truth");
        Assert.That(Get("max_true_rel_error"), Is.LessThanOrEqualTo(Get("max_true_bound")), "Δ + EIM part bounds the error against the true model");
        Assert.That(Get("max_true_rel_error"), Is.GreaterThanOrEqualTo(Get("max_rel_error") * 0.5), "the two errors are of one size: EIM is not the dominant error");
    }
}
