using Rom.Krylov;

namespace Rom.Cases.Settings;

/// <summary>
/// The settings that choose a solver and a preconditioner by name: their choices and help texts come from
/// <see cref="KrylovSolvers"/>, so a method added there is offered everywhere without copying its name.
/// </summary>
internal static class SolverChoices
{
    /// <summary>A text setting choosing one of <paramref name="methods"/>; the help reads "lead: 'a' (what), … or 'z' (what).".</summary>
    public static SettingDefinition Method(string key, string defaultValue, string lead, IEnumerable<KrylovMethod> methods) =>
        Choice(key, defaultValue, lead, methods.Select(m => (m.Name, m.Description)).ToList());

    /// <summary>A text setting choosing one of <paramref name="kinds"/>; the help reads "lead: 'a' (what), … or 'z' (what).".</summary>
    public static SettingDefinition Preconditioner(string key, string defaultValue, string lead, IEnumerable<PreconditionerKind> kinds) =>
        Choice(key, defaultValue, lead, kinds.Select(p => (p.Name, p.Description)).ToList());

    private static SettingDefinition Choice(string key, string defaultValue, string lead, IReadOnlyList<(string Name, string Description)> entries)
    {
        var items = entries.Select(e => $"'{e.Name}' ({e.Description})").ToList();
        string list = items.Count < 2 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";
        return SettingDefinition.Choice(key, defaultValue, $"{lead}: {list}.", [.. entries.Select(e => e.Name)]);
    }
}
