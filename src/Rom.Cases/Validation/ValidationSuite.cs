namespace Rom.Cases.Validation;

/// <summary>
/// Runs every case file of a folder that carries a /reference group and compares what it computes with the
/// reference: checks (/reference/checks/NAME with summary_key, value, relative_tolerance) and optionally a
/// reference solution (/reference/solution with attribute solution_relative_tolerance on /reference).
/// </summary>
public static class ValidationSuite
{
    /// <summary>Runs the suite; results and plots go to a temporary folder that is removed afterwards.</summary>
    public static IReadOnlyList<ValidationCheck> Run(string folder, IProgress<ProgressUpdate> progress)
    {
        if (!Directory.Exists(folder))
            throw new CaseInputException("validation folder", $"'{folder}'", "an existing folder of case files (*.h5)");
        var cases = Directory.GetFiles(folder, "*.h5").Order(StringComparer.Ordinal).ToArray();
        if (cases.Length == 0)
            throw new CaseInputException("validation folder", $"'{folder}' (no *.h5 files)", "at least one validation case");
        string scratch = Path.Combine(Path.GetTempPath(), "rom-validate-" + Guid.NewGuid().ToString("N"));
        var checks = new List<ValidationCheck>();
        try
        {
            for (int i = 0; i < cases.Length; i++)
            {
                progress.Report(new ProgressUpdate("validate", (double)i / cases.Length, Path.GetFileName(cases[i])));
                checks.AddRange(RunCase(cases[i], Path.Combine(scratch, $"{i}.h5"), progress));
            }
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
        }
        return checks;
    }

    private static IEnumerable<ValidationCheck> RunCase(string casePath, string resultsPath, IProgress<ProgressUpdate> progress)
    {
        string name = Path.GetFileName(casePath);
        RunReport report;
        try
        {
            report = CaseRunner.Run(casePath, ["output.plots=0"], resultsPath, progress);
        }
        catch (Exception e) when (e is CaseInputException or DataFileException)
        {
            return [new ValidationCheck(name, "run", 0, 0, double.NaN, 0, "", e.Message)];
        }
        if (!report.Document.Root.TryGetGroup("reference", out var reference))
            return [new ValidationCheck(name, "reference", 0, 0, double.NaN, 0, "", "the case has no /reference group")];
        string source = Text(reference, "source") ?? "(source not stated)";
        var checks = new List<ValidationCheck>();
        if (!report.Outcome.Succeeded)
            checks.Add(new ValidationCheck(name, "run", 0, 0, double.NaN, 0, source, report.Outcome.Message));
        if (reference.TryGetGroup("checks", out var group))
            foreach (var (check, attrs) in group.Groups)
                checks.Add(CompareSummary(name, check, attrs, report.Outcome, source));
        if (reference.TryGetDataset("solution", out var expected))
            checks.Add(CompareSolution(name, reference, expected, report.Outcome, source));
        if (checks.Count == 0)
            checks.Add(new ValidationCheck(name, "reference", 0, 0, double.NaN, 0, source, "/reference holds no checks and no solution"));
        return checks;
    }

    private static ValidationCheck CompareSummary(string name, string check, DataGroup attrs, CaseRunOutcome outcome, string source)
    {
        string? key = Text(attrs, "summary_key");
        double? expected = Number(attrs, "value"), tolerance = Number(attrs, "relative_tolerance");
        if (key is null || expected is null || tolerance is null)
            return new ValidationCheck(name, check, 0, 0, double.NaN, 0, source, $"/reference/checks/{check} needs summary_key, value and relative_tolerance");
        var item = outcome.Summary.FirstOrDefault(s => s.Key == key);
        if (item?.Value is not (double or long))
            return new ValidationCheck(name, check, expected.Value, double.NaN, double.NaN, tolerance.Value, source, $"the run reports no number '{key}'");
        double actual = Convert.ToDouble(item.Value);
        double error = Math.Abs(actual - expected.Value) / Math.Max(Math.Abs(expected.Value), double.Epsilon);
        return new ValidationCheck(name, key, expected.Value, actual, error, tolerance.Value, source);
    }

    private static ValidationCheck CompareSolution(string name, DataGroup reference, DataArray expected, CaseRunOutcome outcome, string source)
    {
        double tolerance = Number(reference, "solution_relative_tolerance") ?? 0;
        if (!outcome.Results.TryGetDataset("solution/u", out var computed) || computed.Count != expected.Count || !expected.IsFloat)
            return new ValidationCheck(name, "solution", 0, double.NaN, double.NaN, tolerance, source, "the run's /solution/u does not match /reference/solution in length or type");
        var u = computed.AsDoubles();
        var r = expected.AsDoubles();
        var diff = new double[u.Length];
        for (int i = 0; i < u.Length; i++) diff[i] = u[i] - r[i];
        double error = Vectors.Norm(diff) / Math.Max(Vectors.Norm(r), double.Epsilon);
        return new ValidationCheck(name, "solution (rel. 2-norm)", 0, error, error, tolerance, source);
    }

    private static string? Text(DataGroup g, string name) =>
        g.Attributes.TryGetValue(name, out var a) && a.IsString && a.Count == 1 ? a.AsStrings()[0] : null;

    private static double? Number(DataGroup g, string name) =>
        g.Attributes.TryGetValue(name, out var a) && (a.IsFloat || a.IsInteger) && a.Count == 1 ? a.AsDoubles()[0] : null;
}
