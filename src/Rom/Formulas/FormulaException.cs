namespace Rom.Formulas;

/// <summary>A formula that does not parse: where (a character position) and what was expected there.</summary>
public sealed class FormulaException : ArgumentException
{
    /// <summary>Creates the error; <paramref name="position"/> is 0-based, reported 1-based in the message.</summary>
    public FormulaException(int position, string problem)
        : base($"at character {position + 1}: {problem}")
    {
        Position = position;
        Problem = problem;
    }

    /// <summary>0-based index of the character where the problem lies (the text's length at its end).</summary>
    public int Position { get; }

    /// <summary>What is wrong there and what was expected, without the position.</summary>
    public string Problem { get; }
}
