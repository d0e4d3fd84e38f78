namespace Rom.Tests.Parameters;

public class ParameterSpaceTests
{
    private static readonly ParameterSpace Space = new([new ParameterRange("diffusion", 2, 0.1, 1)]);

    [Test]
    public void ValidateNamesTheComponentAndValue()
    {
        Space.Validate(Parameter.Of("diffusion", 0.1, 1));
        var ex = Assert.Throws<ArgumentException>(() => Space.Validate(Parameter.Of("diffusion", 0.5, 1.5)));
        Assert.That(ex!.Message, Does.Contain("'diffusion'[1]").And.Contain("1.5"));
        Assert.That(Assert.Throws<ArgumentException>(() => Space.Validate(Parameter.Of("diffusion", 0.5)))!.Message, Does.Contain("diffusion"));
        Assert.That(Assert.Throws<ArgumentException>(() => Space.Validate(Parameter.Of("source", 0.5)))!.Message, Does.Contain("diffusion"));
        Assert.That(Space.Contains(Parameter.Of("diffusion", double.NaN, 0.5)), Is.False);
        var extra = new Parameter(new Dictionary<string, double[]> { ["diffusion"] = [0.5, 0.5], ["extra"] = [1.0] });
        Assert.That(Assert.Throws<ArgumentException>(() => Space.Validate(extra))!.Message, Does.Contain("extra"));
    }

    [Test]
    public void VectorRoundTrip()
    {
        var mu = Parameter.Of("diffusion", 0.2, 0.7);
        Assert.That(Space.ToVector(Space.FromVector(Space.ToVector(mu))), Is.EqualTo(new[] { 0.2, 0.7 }));
        Assert.Throws<ArgumentException>(() => Space.FromVector([1.0]));
    }
}
