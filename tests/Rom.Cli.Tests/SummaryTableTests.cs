using Rom.Cli.Output;

namespace Rom.Cli.Tests;

/// <summary>One number format per table: 4 significant digits, E-notation only outside [10⁻³, 10⁶).</summary>
public class SummaryTableTests
{
    [TestCase(0.0247425, "0.02474")]
    [TestCase(130.248, "130.2")]
    [TestCase(1.24054, "1.241")]
    [TestCase(1.0, "1")]
    [TestCase(0.001, "0.001")]
    [TestCase(12345.6, "12,346")]
    [TestCase(-3.14159, "-3.142")]
    [TestCase(6.922e-6, "6.922E-06")]
    [TestCase(1e6, "1.000E+06")]
    [TestCase(0.0, "0")]
    public void RealsHaveFourSignificantDigits(double value, string expected) =>
        Assert.That(SummaryTable.Format(value), Is.EqualTo(expected));

    [Test]
    public void CountsFlagsAndUnits()
    {
        Assert.That(SummaryTable.Format(40045L), Is.EqualTo("40,045"));
        Assert.That(SummaryTable.Format(true), Is.EqualTo("yes"));
        Assert.That(SummaryTable.Format(0.51e-3, "s"), Is.EqualTo("5.100E-04 s"));
    }
}
