namespace Rom.Cli.Output;

/// <summary>How every <c>rom bench</c> command ends: the table written to FILE and the JSON array beside it (FILE.json) when a file is given, and one of them printed.</summary>
internal static class BenchOutput
{
    /// <summary>Writes the files (creating the folder) when <paramref name="path"/> is given, prints the table or the JSON, returns success.</summary>
    public static int Finish(CliContext context, string table, string jsonArray, string? path, bool printJson)
    {
        if (path is not null)
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
                Directory.CreateDirectory(folder);
            File.WriteAllText(path, table);
            File.WriteAllText(Path.ChangeExtension(path, ".json"), jsonArray + Environment.NewLine);
        }
        context.Out.Write(printJson ? jsonArray + Environment.NewLine : table);
        return ExitCodes.Success;
    }
}
