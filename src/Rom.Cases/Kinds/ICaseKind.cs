namespace Rom.Cases.Kinds;

/// <summary>A kind of case: the settings it understands, how to make a default one, and how to run it.</summary>
public interface ICaseKind
{
    /// <summary>The name stored in the case file's <c>kind</c> attribute, e.g. "thermal-block".</summary>
    string Name { get; }

    /// <summary>One line saying what the case computes.</summary>
    string Summary { get; }

    /// <summary>Title of the case <c>rom new</c> writes.</summary>
    string DefaultTitle { get; }

    /// <summary>The settings this kind reads, with their defaults.</summary>
    IReadOnlyList<SettingDefinition> Settings { get; }

    /// <summary>A default case tree without the envelope, for <c>rom new</c>: every setting at its default; kinds that need data add it.</summary>
    DataGroup CreateDefault()
    {
        var root = new DataGroup();
        CaseSettings.Defaults(Settings).WriteTo(root);
        return root;
    }

    /// <summary>Runs the case and returns what to save, plot and show.</summary>
    CaseRunOutcome Run(CaseRun run);
}
