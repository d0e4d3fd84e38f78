namespace Rom.IO.Tests.Neural;

/// <summary>Runs the scripts of src/Rom.Bench/Scripts (torch_fno.py, torch_nsm.py) with Debian's Python (python3-torch, python3-h5py) for the PyTorch reference tests.</summary>
internal static class TorchScript
{
    private const string DebianPython = "/usr/bin/python3";

    /// <summary>Ignores the calling test when Debian's Python lacks torch or h5py.</summary>
    public static void RequireTorch()
    {
        if (!File.Exists(DebianPython) || Python("-c \"import torch, h5py, scipy\"") != 0)
            Assert.Ignore($"{DebianPython} with torch, h5py and scipy (python3-torch, python3-h5py, python3-scipy) is not available.");
    }

    /// <summary>Runs the script <paramref name="script"/> with <paramref name="arguments"/> and asserts that it succeeded.</summary>
    public static void Run(string arguments, string script = "torch_fno.py")
    {
        string path = Path.Combine(RepositoryRoot(), "src", "Rom.Bench", "Scripts", script);
        Assert.That(Python($"\"{path}\" {arguments}"), Is.Zero, $"{script} {arguments} failed");
    }

    /// <summary>Runs Python code with Debian's interpreter and asserts that it succeeded.</summary>
    public static void RunCode(string code) =>
        Assert.That(Python($"-c \"{code.Replace("\"", "\\\"")}\""), Is.Zero, $"python3 -c {code} failed");

    /// <summary>A stored array as a real float tensor of its shape.</summary>
    public static Tensor<float> FloatTensor(DataArray array) =>
        new(array.Shape, [.. array.AsDoubles().Select(v => (float)v)]);

    private static int Python(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(DebianPython, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            TestContext.Out.WriteLine(error);
        return process.ExitCode;
    }

    private static string RepositoryRoot()
    {
        string? folder = TestContext.CurrentContext.TestDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Rom.sln")))
            folder = Path.GetDirectoryName(folder);
        return folder ?? throw new InvalidOperationException("Rom.sln not found above the test folder.");
    }
}
