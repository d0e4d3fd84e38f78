using Rom.Cases.Settings;
using Rom.IO.Hdf5;

namespace Rom.Cases.Tests.Settings;

public class CaseSettingsTests
{
    private static readonly IReadOnlyList<SettingDefinition> Definitions =
    [
        SettingDefinition.Integer("problem.size", 10, "Cells per side.", 2),
        SettingDefinition.Real("solver.tolerance", 1e-8, "Relative tolerance.", x => x > 0 && x < 1, "a number in (0, 1)"),
        SettingDefinition.Choice("solver.method", "cg", "Method.", "cg", "gmres"),
        SettingDefinition.Flag("output.plots", true, "Draw plots."),
        new("parameters.mu", SettingType.RealList, new[] { 0.5, 1.0 }, "Parameter values."),
    ];

    private static CaseSettings With(params string[] assignments)
    {
        var settings = CaseSettings.Defaults(Definitions);
        foreach (string assignment in assignments) settings.Override(assignment);
        return settings;
    }

    private static CaseInputException Rejects(params string[] assignments) =>
        Assert.Throws<CaseInputException>(() => With(assignments))!;

    [Test]
    public void DefaultsAreTheDefinitionsDefaults()
    {
        var settings = CaseSettings.Defaults(Definitions);
        Assert.That(settings.Integer("problem.size"), Is.EqualTo(10));
        Assert.That(settings.Real("solver.tolerance"), Is.EqualTo(1e-8));
        Assert.That(settings.Text("solver.method"), Is.EqualTo("cg"));
        Assert.That(settings.Integer("output.plots"), Is.EqualTo(1));
        Assert.That(settings.Reals("parameters.mu"), Is.EqualTo(new[] { 0.5, 1.0 }));
        Assert.That(settings.IsOverridden("problem.size"), Is.False);
    }

    [Test]
    public void SetParsesEveryTypeInTheInvariantCulture()
    {
        var settings = With("problem.size=12", "solver.tolerance=2.5e-6", "solver.method = gmres", "output.plots=0", "parameters.mu=[0.1, 0.2,0.3]");
        Assert.That(settings.Integer("problem.size"), Is.EqualTo(12));
        Assert.That(settings.Real("solver.tolerance"), Is.EqualTo(2.5e-6));
        Assert.That(settings.Text("solver.method"), Is.EqualTo("gmres"));
        Assert.That(settings.Integer("output.plots"), Is.Zero);
        Assert.That(settings.Reals("parameters.mu"), Is.EqualTo(new[] { 0.1, 0.2, 0.3 }));
        Assert.That(settings.IsOverridden("solver.method"), Is.True);
        Assert.That(settings.IsOverridden("output.plots") && !settings.IsOverridden("problem.dimension"));
    }

    [Test]
    public void AMisspeltKeyIsRejectedNamingItAndTheKnownKeys()
    {
        var e = Rejects("solver.tolerence=1e-6");
        Assert.That(e.Field, Is.EqualTo("--set solver.tolerence"));
        Assert.That(e.Value, Is.EqualTo("an unknown setting"));
        Assert.That(e.Expected, Does.Contain("solver.tolerance").And.Contain("problem.size"));
        var noEquals = Rejects("problem.size");
        Assert.That((noEquals.Field, noEquals.Value), Is.EqualTo(("--set", "'problem.size'")));
        Assert.That(noEquals.Expected, Does.StartWith("key=value"));
    }

    [TestCase("problem.size=lots", "--set problem.size", "'lots'", "a scalar integer")]
    [TestCase("problem.size=2.5", "--set problem.size", "'2.5'", "a scalar integer")]
    [TestCase("solver.tolerance=tight", "--set solver.tolerance", "'tight'", "a scalar number")]
    [TestCase("parameters.mu=1,x", "--set parameters.mu", "'1,x'", "a list of numbers (1-D)")]
    public void UnparsableValuesNameTheKeyTheTextAndTheType(string assignment, string field, string value, string expected)
    {
        var e = Rejects(assignment);
        Assert.That((e.Field, e.Value, e.Expected), Is.EqualTo((field, value, expected)));
    }

    [TestCase("problem.size=1", "problem.size", "1", "an integer ≥ 2")]
    [TestCase("solver.tolerance=2", "solver.tolerance", "2", "a number in (0, 1)")]
    [TestCase("solver.tolerance=NaN", "solver.tolerance", "NaN", "a number in (0, 1)")]
    [TestCase("solver.method=gmress", "solver.method", "'gmress'", "one of 'cg', 'gmres'")]
    [TestCase("output.plots=2", "output.plots", "2", "0 (off) or 1 (on)")]
    [TestCase("parameters.mu=1,Infinity", "parameters.mu", "[1, Infinity]", "finite numbers (no NaN or infinity)")]
    [TestCase("problem.size=4294967297", "problem.size", "4294967297", "an integer of at most 2,147,483,647 in size")]
    [TestCase("problem.size=-4294967296", "problem.size", "-4294967296", "an integer of at most 2,147,483,647 in size")]
    public void OutOfRangeValuesNameTheFieldTheValueAndTheExpectation(string assignment, string field, string value, string expected)
    {
        var e = Rejects(assignment);
        Assert.That((e.Field, e.Value, e.Expected), Is.EqualTo((field, value, expected)));
        Assert.That(e.Message, Is.EqualTo($"{field}: got {value}; expected {expected}."));
    }

    [Test]
    public void SettingsRoundTripThroughADataGroup()
    {
        var settings = With("problem.size=7", "solver.tolerance=1e-11", "solver.method=gmres", "output.plots=0", "parameters.mu=0.25,0.75,2");
        var root = new DataGroup();
        settings.WriteTo(root);
        Assert.That(root.Groups["problem"].Attributes["size"].AsLongs(), Is.EqualTo(new[] { 7L }));
        Assert.That(root.Groups["parameters"].Attributes["mu"].AsDoubles(), Is.EqualTo(new[] { 0.25, 0.75, 2.0 }));
        var read = CaseSettings.Read(root, Definitions);
        Assert.That(read.Describe(), Is.EqualTo(settings.Describe()));
        Assert.That(read.Real("solver.tolerance"), Is.EqualTo(1e-11));
        Assert.That(read.IsOverridden("problem.size"), Is.False, "read from the file, not the command line");
    }

    [Test]
    public void ReadRejectsUnknownAttributesAndWrongTypesInTheFile()
    {
        var root = new DataGroup();
        CaseSettings.Defaults(Definitions).WriteTo(root);
        root.Groups["solver"].Attributes["tolerence"] = DataArray.Scalar(1e-6);
        var unknown = Assert.Throws<CaseInputException>(() => CaseSettings.Read(root, Definitions))!;
        Assert.That(unknown.Field, Is.EqualTo("/solver/@tolerence"));
        Assert.That(unknown.Expected, Is.EqualTo("one of tolerance, method"));

        root.Groups["solver"].Attributes.Remove("tolerence");
        root.Groups["problem"].Attributes["size"] = DataArray.Scalar("ten");
        var wrongType = Assert.Throws<CaseInputException>(() => CaseSettings.Read(root, Definitions))!;
        Assert.That((wrongType.Field, wrongType.Expected), Is.EqualTo(("/problem/@size", "a scalar integer")));
    }

    [Test]
    public void MissingAttributesTakeTheirDefaults()
    {
        var root = new DataGroup();
        root.GetOrAddGroup("problem").Attributes["size"] = DataArray.Scalar(30L);
        var read = CaseSettings.Read(root, Definitions);
        Assert.That(read.Integer("problem.size"), Is.EqualTo(30));
        Assert.That(read.Text("solver.method"), Is.EqualTo("cg"));
    }
}
