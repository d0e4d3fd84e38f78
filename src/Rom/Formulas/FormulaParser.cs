using System.Globalization;
using System.Linq.Expressions;

namespace Rom.Formulas;

/// <summary>
/// Recursive descent over the grammar of <see cref="Formula"/>, building an expression tree compiled once:
/// <code>
/// sum     = product { ("+" | "-") product }
/// product = unary { ("*" | "/") unary }
/// unary   = ("+" | "-") unary | power
/// power   = primary [ "^" unary ]          (right-associative; the exponent may carry a sign: 2^-1)
/// primary = number | "(" sum ")" | name "(" sum { "," sum } ")" | "mu" "[" integer "]" | "x" | "y" | "pi" | "e"
/// </code>
/// </summary>
internal sealed class FormulaParser
{
    /// <summary>Longest formula accepted: far beyond any hand-written one, short enough that its tree compiles safely.</summary>
    public const int MaxLength = 2000;

    /// <summary>Deepest nesting accepted (parentheses, function calls, signs and exponents, each one level).</summary>
    public const int MaxDepth = 64;

    private static readonly Dictionary<string, Func<double, double>> Unary = new()
    {
        ["exp"] = Math.Exp, ["log"] = Math.Log, ["sqrt"] = Math.Sqrt, ["sin"] = Math.Sin, ["cos"] = Math.Cos,
        ["tan"] = Math.Tan, ["tanh"] = Math.Tanh, ["abs"] = Math.Abs,
    };

    private static readonly Dictionary<string, Func<double, double, double>> Binary = new()
    {
        ["min"] = Math.Min, ["max"] = Math.Max, ["pow"] = Math.Pow,
    };

    private static readonly string FunctionNames = string.Join(", ", Unary.Keys.Concat(Binary.Keys));

    private readonly string _text;
    private readonly int _parameterCount;
    private readonly ParameterExpression _x = Expression.Parameter(typeof(double), "x");
    private readonly ParameterExpression _y = Expression.Parameter(typeof(double), "y");
    private readonly ParameterExpression _mu = Expression.Parameter(typeof(double[]), "mu");
    private int _position;
    private int _depth;

    private FormulaParser(string text, int parameterCount)
    {
        _text = text;
        _parameterCount = parameterCount;
    }

    /// <summary>Parses the whole text and compiles it to f(x, y, mu).</summary>
    public static Func<double, double, double[], double> Compile(string text, int parameterCount)
    {
        if (text.Length > MaxLength)
            throw new FormulaException(MaxLength, $"the formula has {text.Length:N0} characters; expected at most {MaxLength:N0}");
        var parser = new FormulaParser(text, parameterCount);
        var body = parser.Sum();
        parser.SkipSpace();
        if (parser._position < text.Length)
            throw parser.Expected("an operator (+ - * / ^) or the end of the formula");
        return Expression.Lambda<Func<double, double, double[], double>>(body, parser._x, parser._y, parser._mu).Compile();
    }

    private Expression Sum()
    {
        var left = Product();
        while (Accept('+') || Accept('-'))
            left = _text[_position - 1] == '+' ? Expression.Add(left, Product()) : Expression.Subtract(left, Product());
        return left;
    }

    private Expression Product()
    {
        var left = Signed();
        while (Accept('*') || Accept('/'))
            left = _text[_position - 1] == '*' ? Expression.Multiply(left, Signed()) : Expression.Divide(left, Signed());
        return left;
    }

    // Every level of nesting passes through here once, so the depth is counted here (a stack overflow cannot be caught).
    private Expression Signed()
    {
        if (++_depth > MaxDepth)
            throw new FormulaException(_position, $"the formula nests deeper than {MaxDepth} levels (parentheses, function calls, signs and exponents); expected a flatter one");
        try
        {
            if (Accept('-')) return Expression.Negate(Signed());
            if (Accept('+')) return Signed();
            var primary = Primary();
            return Accept('^') ? Call(Math.Pow, primary, Signed()) : primary;
        }
        finally
        {
            _depth--;
        }
    }

    private Expression Primary()
    {
        SkipSpace();
        if (_position >= _text.Length)
            throw Expected("a number, a variable (x, y, mu[i]), a constant (pi, e), a function or '('");
        char c = _text[_position];
        if (char.IsAsciiDigit(c) || c == '.')
            return Number();
        if (c == '(')
        {
            _position++;
            var inner = Sum();
            Require(')');
            return inner;
        }
        if (!char.IsAsciiLetter(c))
            throw Expected("a number, a variable (x, y, mu[i]), a constant (pi, e), a function or '('");
        int start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_')) _position++;
        string name = _text[start.._position];
        SkipSpace();
        if (_position < _text.Length && _text[_position] == '(')
            return Function(name, start);
        return name switch
        {
            "x" => _x,
            "y" => _y,
            "pi" => Expression.Constant(Math.PI),
            "e" => Expression.Constant(Math.E),
            "mu" => Parameter(),
            _ => throw new FormulaException(start, $"unknown variable '{name}'; expected x, y, {MuRange}, pi or e"),
        };
    }

    private Expression Function(string name, int start)
    {
        int arity = Unary.ContainsKey(name) ? 1 : Binary.ContainsKey(name) ? 2 : 0;
        if (arity == 0)
            throw new FormulaException(start, $"unknown function '{name}'; expected one of {FunctionNames}");
        Require('(');
        var arguments = new List<Expression> { Sum() };
        while (Accept(',')) arguments.Add(Sum());
        SkipSpace();
        if (arguments.Count != arity)
            throw new FormulaException(start, $"function '{name}' takes {arity} argument{(arity == 1 ? "" : "s")}, got {arguments.Count}");
        Require(')');
        return arity == 1 ? Call(Unary[name], arguments[0]) : Call(Binary[name], arguments[0], arguments[1]);
    }

    private Expression Parameter()
    {
        Require('[');
        SkipSpace();
        int start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position])) _position++;
        if (start == _position)
            throw Expected($"an index of mu ({MuRange})");
        if (!int.TryParse(_text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= _parameterCount)
            throw new FormulaException(start, $"mu[{_text[start.._position]}] is out of range; expected {MuRange} (P = {_parameterCount})");
        Require(']');
        return Expression.ArrayIndex(_mu, Expression.Constant(index));
    }

    private Expression Number()
    {
        int start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position])) _position++;
        if (_position < _text.Length && _text[_position] == '.')
            for (_position++; _position < _text.Length && char.IsAsciiDigit(_text[_position]); _position++) { }
        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            int exponent = _position + 1;
            if (exponent < _text.Length && _text[exponent] is '+' or '-') exponent++;
            if (exponent < _text.Length && char.IsAsciiDigit(_text[exponent]))
                for (_position = exponent; _position < _text.Length && char.IsAsciiDigit(_text[_position]); _position++) { }
        }
        string literal = _text[start.._position];
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new FormulaException(start, $"'{literal}' is not a number; expected digits such as 1, 2.5 or 1e-3");
        return Expression.Constant(value);
    }

    /// <summary>A call of a static Math method (the tables hold only those).</summary>
    private static MethodCallExpression Call(Delegate function, params Expression[] arguments) => Expression.Call(function.Method, arguments);

    private string MuRange => _parameterCount == 0 ? "no mu (P = 0)" : $"mu[0]..mu[{_parameterCount - 1}]";

    private bool Accept(char c)
    {
        SkipSpace();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }
        return false;
    }

    private void Require(char c)
    {
        if (!Accept(c))
            throw Expected($"'{c}'");
    }

    private FormulaException Expected(string what) =>
        new(_position, $"expected {what}, found {(_position < _text.Length ? $"'{_text[_position]}'" : "the end of the formula")}");

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }
}
