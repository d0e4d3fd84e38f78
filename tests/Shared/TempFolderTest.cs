namespace Rom.TestSupport;

/// <summary>Base of test fixtures that need a fresh temporary folder per test, removed afterwards.</summary>
public abstract class TempFolderTest
{
    private TempFolder? _folder;

    /// <summary>The current test's folder.</summary>
    protected string Dir => _folder?.Path ?? throw new InvalidOperationException("No test is running.");

    /// <summary>A path inside the current test's folder.</summary>
    protected string PathOf(string name) => Path.Combine(Dir, name);

    [SetUp]
    public void CreateTempFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteTempFolder() => _folder?.Dispose();
}
