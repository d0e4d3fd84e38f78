namespace Rom.Cli.Commands;

/// <summary><c>rom info FILE</c>: describes any HDF5 file; for Rom case files also the effective settings, for model files the model.</summary>
public static class InfoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A Rom case, results or model file, or any HDF5 file." };
        var command = new Command("info", "Describe an HDF5 file: groups, attributes, datasets; settings of a case; architecture, normalisers and training of a model.") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetRequiredValue(file);
            var root = Hdf5File.Read(path);
            string format = root.Attributes.TryGetValue("format", out var f) && f.IsString ? f.AsStrings()[0] : "";
            context.Out.WriteLine(format switch
            {
                RomFileFormat.CaseFormat => $"{path}: Rom case file",
                RomFileFormat.ResultsFormat => $"{path}: Rom results file",
                RomFileFormat.ModelFormat => $"{path}: Rom model file",
                RomFileFormat.PredictionsFormat => $"{path}: Rom predictions file",
                _ => $"{path}: HDF5 file (not a Rom case or results file)",
            });
            context.Out.WriteLine();
            if (format == RomFileFormat.ModelFormat)
            {
                ModelInfo.Write(context.Out, root, path);
                context.Out.WriteLine();
            }
            context.Out.Write(DataTreeFormatter.Describe(root));
            if (format == RomFileFormat.CaseFormat)
            {
                var (document, settings) = CaseRunner.Prepare(path, []);
                context.Out.WriteLine();
                context.Out.WriteLine($"Effective settings of this {document.Kind.Name} case (file values, else defaults):");
                SummaryTable.Write(context.Out, settings.Describe().Select(s => (s.Key, s.Value)));
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
