namespace Rom.Formulas;

/// <summary>
/// A real formula f(x, y; μ) compiled once to a delegate: numbers (1, 2.5, 1e-3), + − * / and ^ (right-associative,
/// binding tighter than unary minus: -x^2 = −(x²)), unary ±, parentheses, the functions exp log sqrt sin cos tan tanh
/// abs (one argument) and min max pow (two), the constants pi and e, and the variables x, y and mu[0] … mu[P−1].
/// Evaluation does not re-parse. <c>Formula.Parse("exp(mu[0]*x + mu[1]*y)", 2).Evaluate(0.5, 0.5, [1, -1])</c>.
/// </summary>
public sealed class Formula
{
    private readonly Func<double, double, double[], double> _evaluate;

    private Formula(string text, int parameterCount, Func<double, double, double[], double> evaluate)
    {
        Text = text;
        ParameterCount = parameterCount;
        _evaluate = evaluate;
    }

    /// <summary>The text the formula was parsed from.</summary>
    public string Text { get; }

    /// <summary>Number P of parameter entries mu[0] … mu[P−1] it may use.</summary>
    public int ParameterCount { get; }

    /// <summary>Parses and compiles <paramref name="text"/>; a <see cref="FormulaException"/> says where and what was expected.</summary>
    public static Formula Parse(string text, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        return new Formula(text, parameterCount, FormulaParser.Compile(text, parameterCount));
    }

    /// <summary>f(x, y; μ); <paramref name="mu"/> holds the P entries.</summary>
    public double Evaluate(double x, double y, double[] mu)
    {
        ArgumentNullException.ThrowIfNull(mu);
        if (mu.Length != ParameterCount)
            throw new ArgumentException($"Got {mu.Length} parameter entries; the formula takes {ParameterCount}.", nameof(mu));
        return _evaluate(x, y, mu);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
