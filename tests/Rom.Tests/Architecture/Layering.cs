using System.Text;
using System.Text.RegularExpressions;

namespace Rom.Tests.Architecture;

/// <summary>One wing of the Rom library: a namespace prefix, its rank, and (where rank alone is not enough) the only
/// wings it may reference besides itself.</summary>
public sealed record Wing(string Prefix, int Rank, string[]? MayReference = null)
{
    /// <summary>Whether <paramref name="name"/> (a namespace, or a namespace followed by type names) lies in this wing.
    /// The root namespace <c>Rom</c> holds only itself; the others hold their sub-namespaces, on a segment boundary
    /// (<c>Rom.SpectralSolvers</c> is not in <c>Rom.Spectral</c>).</summary>
    public bool Holds(string name) =>
        name == Prefix || (Prefix != Layering.Root && name.StartsWith(Prefix + ".", StringComparison.Ordinal));
}

/// <summary>A reference that breaks the layering: where it is, which namespace makes it, what it names, and the rule.</summary>
public sealed record LayerViolation(string File, int Line, string Source, string Target, string Rule)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}: {Source} references {Target}: {Rule}";
}

/// <summary>The layering of the namespaces inside src/Rom (docs/architecture.md, "Layers" and "Where the new wings go"),
/// the rule on one reference, and the scan of C# sources that finds the references.</summary>
public static class Layering
{
    /// <summary>The root namespace.</summary>
    public const string Root = "Rom";

    private static readonly string[] Bottom = [Root, "Rom.LinearAlgebra", "Rom.Parameters", "Rom.Formulas", "Rom.Spectral"];

    /// <summary>
    /// The table. A wing references itself, a wing of lower rank, or (rank 0 only) another bottom wing; where it lists
    /// <see cref="Wing.MayReference"/>, only those. Wings of equal rank above the bottom do not reference each other
    /// (Krylov and Tensors; Models and Neural; Sweeps, Reduction, SpectralSolvers and GaussianProcesses).
    /// Tensors, Neural, SpectralSolvers and GaussianProcesses are reserved: they do not exist yet and are accepted
    /// when they land.
    /// </summary>
    public static readonly IReadOnlyList<Wing> Table =
    [
        // 0: the bottom layer; its wings may reference each other (LinearAlgebra uses Parameters).
        new(Root, 0),
        new("Rom.LinearAlgebra", 0),
        new("Rom.Parameters", 0),
        new("Rom.Formulas", 0),
        new("Rom.Spectral", 0),
        // 1
        new("Rom.Krylov", 1),
        new("Rom.Tensors", 1, ["Rom.LinearAlgebra", "Rom.Spectral"]),
        // 2
        new("Rom.Models", 2),
        new("Rom.Neural", 2, [.. Bottom, "Rom.Tensors"]),
        // 3: Sweeps and Reduction use Models; neither references the other.
        new("Rom.Sweeps", 3),
        new("Rom.Reduction", 3),
        new("Rom.SpectralSolvers", 3, [.. Bottom, "Rom.Tensors", "Rom.Neural"]),
        new("Rom.GaussianProcesses", 3, ["Rom.LinearAlgebra", "Rom.Spectral", "Rom.Tensors", "Rom.Krylov"]),
    ];

    /// <summary>The wing that holds <paramref name="name"/> (the longest matching prefix), or null.</summary>
    public static Wing? WingOf(string name) =>
        Table.Where(w => w.Holds(name)).MaxBy(w => w.Prefix.Length);

    /// <summary>
    /// The rule on one reference: null when code in namespace <paramref name="source"/> may reference
    /// <paramref name="target"/> (a namespace, or a namespace followed by type names), else the rule it breaks.
    /// </summary>
    public static string? Violation(string source, string target)
    {
        var from = WingOf(source);
        if (from is null)
            return Unknown(source);
        var to = WingOf(target);
        if (to is null)
            return Unknown(target);
        if (from == to)
            return null;
        if (from.MayReference is not null)
            return from.MayReference.Contains(to.Prefix)
                ? null
                : $"{from.Prefix} may reference only {string.Join(", ", from.MayReference)} (and itself), not {to.Prefix}";
        if (to.Rank < from.Rank || (from.Rank == 0 && to.Rank == 0))
            return null;
        return to.Rank == from.Rank
            ? $"wings of the same rank do not reference each other: {from.Prefix} and {to.Prefix} are both rank {from.Rank}"
            : $"references point down: {from.Prefix} (rank {from.Rank}) may not reference {to.Prefix} (rank {to.Rank})";
    }

    private static string Unknown(string name) =>
        $"namespace {name} is not in the layering table: add it (prefix, rank, allowed references) to Layering.Table " +
        "in tests/Rom.Tests/Architecture/Layering.cs and to docs/architecture.md";

    private static readonly Regex NamespaceDeclaration =
        new(@"\bnamespace\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)", RegexOptions.Compiled);

    private static readonly Regex RomReference = new(@"\bRom(?:\.[A-Z]\w*)+", RegexOptions.Compiled);

    private static readonly Regex TypeDeclaration =
        new(@"\b(?:class|struct|interface|enum|record)\s+([A-Za-z_]\w*)", RegexOptions.Compiled);

    /// <summary>The C# sources under <paramref name="folder"/> (bin/ and obj/ left out), with paths relative to
    /// <paramref name="repositoryRoot"/> written with '/'.</summary>
    public static IEnumerable<(string Path, string Text)> Sources(string repositoryRoot, string folder) =>
        Directory.EnumerateFiles(Path.Combine(repositoryRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(Path.Combine(repositoryRoot, path))));

    /// <summary>
    /// Every violation in <paramref name="files"/>: each file's namespaces (file-scoped or block) must be in the table,
    /// and every Rom namespace a file names (<c>using</c>, <c>using static</c>, aliases, <c>global using</c>, fully
    /// qualified names in code) must be one its namespace may reference. Comments (doc comments included), strings and
    /// character literals are blanked first, so prose naming a namespace is no reference; interpolation holes go with
    /// their strings. Names written relative to an enclosing namespace (<c>Models.X</c> inside <c>Rom.Sweeps</c>) are
    /// not seen.
    /// </summary>
    public static IReadOnlyList<LayerViolation> Check(IEnumerable<(string Path, string Text)> files)
    {
        var parsed = files.Select(f => (f.Path, Code: BlankCommentsAndStrings(f.Text))).ToList();

        // Types of the root namespace, so that Rom.SomeType resolves to Rom rather than to an unknown namespace.
        var rootTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, code) in parsed)
            foreach (var (name, start) in Namespaces(code))
                if (name == Root)
                    foreach (Match m in TypeDeclaration.Matches(code, start))
                        rootTypes.Add(m.Groups[1].Value);

        var violations = new List<LayerViolation>();
        foreach (var (path, code) in parsed)
        {
            var namespaces = Namespaces(code);
            if (namespaces.Count == 0)
            {
                violations.Add(new(path, 1, "(global namespace)", "-",
                    "every file under src/Rom declares a namespace in the layering table"));
                continue;
            }
            foreach (var (name, start) in namespaces)
                if (Violation(name, name) is { } rule)
                    violations.Add(new(path, LineOf(code, start), name, name, rule));

            foreach (Match m in RomReference.Matches(code))
            {
                if (namespaces.Any(n => m.Index >= n.Start && m.Index < n.Start + n.Name.Length))
                    continue; // the declaration's own name
                string source = namespaces.LastOrDefault(n => n.Start < m.Index, namespaces[0]).Name;
                string target = m.Value;
                string[] parts = target.Split('.');
                if (WingOf(target) is null && rootTypes.Contains(parts[1]))
                    target = Root + "." + parts[1];
                if (Violation(source, target) is { } rule)
                    violations.Add(new(path, LineOf(code, m.Index), source, target, rule));
            }
        }
        return violations.Distinct().ToList();
    }

    private static List<(string Name, int Start)> Namespaces(string code) =>
        NamespaceDeclaration.Matches(code).Select(m => (m.Groups[1].Value, m.Groups[1].Index)).ToList();

    private static int LineOf(string text, int index)
    {
        int line = 1;
        for (int i = 0; i < index; i++)
            if (text[i] == '\n')
                line++;
        return line;
    }

    /// <summary>The text with every character of comments, string and character literals replaced by a space, line
    /// breaks kept, so positions and line numbers stay those of the original.</summary>
    public static string BlankCommentsAndStrings(string text)
    {
        var s = new StringBuilder(text);
        int i = 0;
        void Blank(int from, int to)
        {
            for (int k = from; k < to && k < s.Length; k++)
                if (s[k] != '\n' && s[k] != '\r')
                    s[k] = ' ';
        }
        int Find(string what, int from)
        {
            int at = text.IndexOf(what, from, StringComparison.Ordinal);
            return at < 0 ? text.Length : at;
        }
        while (i < text.Length)
        {
            char c = text[i];
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                int end = Find("\n", i);
                Blank(i, end);
                i = end;
            }
            else if (c == '/' && next == '*')
            {
                int end = Math.Min(text.Length, Find("*/", i + 2) + 2);
                Blank(i, end);
                i = end;
            }
            else if (c == '"')
            {
                int quotes = 0;
                while (i + quotes < text.Length && text[i + quotes] == '"')
                    quotes++;
                int end;
                if (quotes >= 3)
                {
                    // Raw string literal: ends at the same number of quotes.
                    end = Math.Min(text.Length, Find(new string('"', quotes), i + quotes) + quotes);
                }
                else
                {
                    bool verbatim = (i >= 1 && text[i - 1] == '@') || (i >= 2 && text[i - 1] == '$' && text[i - 2] == '@');
                    end = i + 1;
                    while (end < text.Length)
                    {
                        if (verbatim && text[end] == '"' && end + 1 < text.Length && text[end + 1] == '"')
                            end += 2;
                        else if (!verbatim && text[end] == '\\')
                            end += 2;
                        else if (text[end] == '"')
                        {
                            end++;
                            break;
                        }
                        else if (!verbatim && text[end] == '\n')
                            break;
                        else
                            end++;
                    }
                }
                Blank(i, end);
                i = end;
            }
            else if (c == '\'')
            {
                int end = i + 1;
                while (end < text.Length && text[end] != '\'' && text[end] != '\n')
                    end += text[end] == '\\' ? 2 : 1;
                end = Math.Min(text.Length, end + 1);
                Blank(i, end);
                i = end;
            }
            else
                i++;
        }
        return s.ToString();
    }
}
