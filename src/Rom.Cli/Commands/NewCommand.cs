namespace Rom.Cli.Commands;

/// <summary><c>rom new KIND [--out FILE] [--set key=value ...]</c>: writes a case file of a kind (default KIND.h5) with its default settings, or the ones given.</summary>
public static class NewCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind")
        {
            Description = "Case kind: " + string.Join(", ", CaseKinds.All.Select(k => $"{k.Name} ({k.Summary})")),
        };
        var output = new Option<string?>("--out") { Description = "Path of the case file to write (default: KIND.h5 in the current folder)." };
        var title = new Option<string?>("--title") { Description = "Title stored in the file (default: the kind's own)." };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists (without it, an existing file is refused)." };
        var set = CommandOptions.Set("problem.family=fno-darcy");
        var command = new Command("new", "Write a new case file of a kind with its default settings, or others given by --set.") { kind, output, title, force, set };
        command.SetAction(parse =>
        {
            string name = parse.GetRequiredValue(kind);
            var caseKind = CaseKinds.Find(name)
                ?? throw new CaseInputException("KIND", $"'{name}'", "one of " + string.Join(", ", CaseKinds.All.Select(k => $"'{k.Name}'")));
            string path = OutputFile.Prepare(parse.GetValue(output) ?? caseKind.Name + ".h5", overwrite: parse.GetValue(force), overwriteHint: "add --force to overwrite it");
            Hdf5File.Write(path, CaseDocument.Create(caseKind, parse.GetValue(title), parse.GetValue(set)));
            context.Out.WriteLine($"wrote {path} ({caseKind.Name}); {(caseKind is FnoKind or NsmKind ? "train" : "run")} it with: rom {(caseKind is FnoKind or NsmKind ? $"train {path} --out MODEL.h5" : $"run {path}")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
