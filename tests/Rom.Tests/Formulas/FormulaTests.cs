using Rom.Formulas;

namespace Rom.Tests.Formulas;

public class FormulaTests
{
    private const double X = 0.3, Y = -0.7;
    private static readonly double[] Mu = [1.5, -0.25];

    /// <summary>Each formula next to the same expression written in C# with Math, at (x, y, mu) = (0.3, −0.7, [1.5, −0.25]).</summary>
    private static readonly (string Text, double Expected)[] Cases =
    [
        ("1", 1),
        ("2.5", 2.5),
        ("1e-3", 1e-3),
        ("1.5E+2", 150),
        (".5", 0.5),
        ("x", X),
        ("y", Y),
        ("mu[0]", Mu[0]),
        ("mu[1]", Mu[1]),
        ("pi", Math.PI),
        ("e", Math.E),
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),
        ("64 / 8 / 2", 4),
        ("2 * 3 / 4", 1.5),
        ("2 ^ 3 ^ 2", 512),
        ("(2 ^ 3) ^ 2", 64),
        ("-x^2", -(X * X)),
        ("-2^2", -4),
        ("(-2)^2", 4),
        ("2^-1", 0.5),
        ("- -x", X),
        ("+x", X),
        ("2 * -x", -2 * X),
        ("x - -y", X + Y),
        ("3 * x^2 + 2*y", 3 * X * X + 2 * Y),
        ("2^x*3", Math.Pow(2, X) * 3),
        ("exp(mu[0]*x + mu[1]*y)", Math.Exp(Mu[0] * X + Mu[1] * Y)),
        ("log(2.5)", Math.Log(2.5)),
        ("sqrt(x + 1)", Math.Sqrt(X + 1)),
        ("sin(pi * x)", Math.Sin(Math.PI * X)),
        ("cos(y) * sin(x)", Math.Cos(Y) * Math.Sin(X)),
        ("tan(x)", Math.Tan(X)),
        ("tanh(3*y)", Math.Tanh(3 * Y)),
        ("abs(y)", Math.Abs(Y)),
        ("min(x, y)", Math.Min(X, Y)),
        ("max(x, y)", Math.Max(X, Y)),
        ("pow(2, 10)", 1024),
        ("pow(x + 1, mu[0])", Math.Pow(X + 1, Mu[0])),
        ("1 + 0.5*tanh(10*(x - 0.5))", 1 + 0.5 * Math.Tanh(10 * (X - 0.5))),
        ("exp(-((x-0.5)^2 + (y-0.5)^2)/0.1^2)", Math.Exp(-(Math.Pow(X - 0.5, 2) + Math.Pow(Y - 0.5, 2)) / Math.Pow(0.1, 2))),
        ("e^x", Math.Exp(X)),
        ("  x*y  ", X * Y),
        ("max(min(x, 0.1), -1) / (1 + abs(mu[1]))", Math.Max(Math.Min(X, 0.1), -1) / (1 + Math.Abs(Mu[1]))),
        ("sqrt(-1)", double.NaN),
        ("1/0", double.PositiveInfinity),
    ];

    [Test]
    public void AgreesWithMathOnEveryCase()
    {
        foreach (var (text, expected) in Cases)
        {
            double value = Formula.Parse(text, 2).Evaluate(X, Y, Mu);
            Assert.That(value, double.IsFinite(expected) ? Is.EqualTo(expected).Within(1e-14 * Math.Max(1, Math.Abs(expected))) : Is.EqualTo(expected), text);
        }
    }

    [Test]
    public void CompiledOnceEvaluatesAtManyPoints()
    {
        var f = Formula.Parse("exp(mu[0]*x + mu[1]*y)", 2);
        for (int i = 0; i < 100; i++)
        {
            double x = i / 99.0, y = 1 - x;
            Assert.That(f.Evaluate(x, y, [x, -y]), Is.EqualTo(Math.Exp(x * x - y * y)).Within(1e-15));
        }
        Assert.That(f.Text, Is.EqualTo("exp(mu[0]*x + mu[1]*y)"));
        Assert.That(f.ParameterCount, Is.EqualTo(2));
    }

    [TestCase("x +", 4, "expected a number, a variable (x, y, mu[i]), a constant (pi, e), a function or '(', found the end of the formula")]
    [TestCase("(x + 1", 7, "expected ')', found the end of the formula")]
    [TestCase("x 2", 3, "expected an operator (+ - * / ^) or the end of the formula, found '2'")]
    [TestCase("2 * z", 5, "unknown variable 'z'; expected x, y, mu[0]..mu[1], pi or e")]
    [TestCase("foo(x)", 1, "unknown function 'foo'; expected one of exp, log, sqrt, sin, cos, tan, tanh, abs, min, max, pow")]
    [TestCase("min(x)", 1, "function 'min' takes 2 arguments, got 1")]
    [TestCase("exp(x, y)", 1, "function 'exp' takes 1 argument, got 2")]
    [TestCase("mu[2]", 4, "mu[2] is out of range; expected mu[0]..mu[1] (P = 2)")]
    [TestCase("mu", 3, "expected '[', found the end of the formula")]
    [TestCase("mu[x]", 4, "expected an index of mu (mu[0]..mu[1]), found 'x'")]
    [TestCase("x * # 2", 5, "expected a number, a variable (x, y, mu[i]), a constant (pi, e), a function or '(', found '#'")]
    [TestCase("", 1, "expected a number, a variable (x, y, mu[i]), a constant (pi, e), a function or '(', found the end of the formula")]
    [TestCase("1.2.3", 4, "expected an operator (+ - * / ^) or the end of the formula, found '.'")]
    public void ErrorsSayWhereAndWhatWasExpected(string text, int character, string problem)
    {
        var error = Assert.Throws<FormulaException>(() => Formula.Parse(text, 2))!;
        Assert.That(error.Problem, Is.EqualTo(problem));
        Assert.That(error.Position + 1, Is.EqualTo(character));
        Assert.That(error.Message, Is.EqualTo($"at character {character}: {problem}"));
    }

    [Test]
    public void EvaluationChecksTheParameterCount() =>
        Assert.Throws<ArgumentException>(() => Formula.Parse("mu[0]", 2).Evaluate(0, 0, [1]));
    // Hostile case files: before these limits, 20,000 nested parentheses or 200,000 signs killed the process with a
    // stack overflow, and 100,000 chained powers failed to compile with an InvalidProgramException.
    [TestCase(20_000, "(", ")", "characters; expected at most")]
    [TestCase(200_000, "-", "", "characters; expected at most")]
    [TestCase(100_000, "x^", "", "characters; expected at most")]
    [TestCase(100, "(", ")", "nests deeper than 64 levels")]
    [TestCase(100, "-", "", "nests deeper than 64 levels")]
    [TestCase(100, "x^", "", "nests deeper than 64 levels")]
    [TestCase(100, "sin(", ")", "nests deeper than 64 levels")]
    public void HostileFormulasAreRefusedWithAReason(int count, string open, string close, string problem)
    {
        string text = string.Concat(Enumerable.Repeat(open, count)) + "x" + string.Concat(Enumerable.Repeat(close, count));
        var error = Assert.Throws<FormulaException>(() => Formula.Parse(text, 2))!;
        Assert.That(error.Problem, Does.Contain(problem));
    }

    [Test]
    public void TheLongestAcceptedChainsCompileAndEvaluate()
    {
        // 999 terms: the longest sum within the length limit, a left-deep tree of that depth.
        string sum = string.Join("+", Enumerable.Repeat("x", 999));
        Assert.That(Formula.Parse(sum, 0).Evaluate(X, Y, []), Is.EqualTo(999 * X).Within(1e-11));
        string nested = new string('(', 60) + "x" + new string(')', 60);
        Assert.That(Formula.Parse(nested, 0).Evaluate(X, Y, []), Is.EqualTo(X));
    }
}
