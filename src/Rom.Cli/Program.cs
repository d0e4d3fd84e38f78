using Rom.Cli;

return RomApp.Run(args, new CliContext(Console.Out, Console.Error, !Console.IsErrorRedirected));
