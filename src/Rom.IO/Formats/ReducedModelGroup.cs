using Rom.IO.Hdf5;
using Rom.Parameters;
using Rom.Reduction;
using Rom.Reduction.Coercivity;
using Rom.Reduction.Interpolation;
using Rom.Reduction.Residuals;

namespace Rom.IO.Formats;

/// <summary>
/// A reduced model and its parameter space stored as an HDF5 group (see docs/case-format.md), so a results file
/// can be evaluated later without the full-order model: <c>rom eval RESULTS --set NAME=...</c>. It knows data only: the
/// model's arrays, its coefficient functionals and coercivity bound as the plain records they are (projections, constants,
/// the <see cref="InterpolationData"/> of EIM coefficients, <see cref="ShiftedMinimumCoercivity"/>, <see cref="ConstantCoercivity"/>),
/// and the residual data by their estimator's name; Rom turns records read back into objects.
/// </summary>
public static class ReducedModelGroup
{
    /// <summary>The group's attribute that says in words what X is, the matrix of the norm ‖·‖_X its bounds are in.</summary>
    public const string EnergyProductAttribute = "energy_product";

    /// <summary>Name of the group in a results file that holds the reduced model.</summary>
    public const string GroupName = "reduced_model";

    /// <summary>Loads the reduced model saved in a results file: <c>var (rom, space) = ReducedModelGroup.Load("results/thermal-block.h5");</c>.</summary>
    public static (ReducedModel Model, ParameterSpace Space) Load(string resultsPath) => Load(Hdf5File.Read(resultsPath), resultsPath);

    /// <summary>The reduced model of a results tree already read from <paramref name="resultsPath"/>.</summary>
    public static (ReducedModel Model, ParameterSpace Space) Load(DataGroup root, string resultsPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!root.TryGetGroup(GroupName, out var group))
            throw new DataFileException(resultsPath, "/" + GroupName, "missing: this file holds no reduced model (run a case with reduction.enabled=1)");
        var (data, space) = Read(group, resultsPath, "/" + GroupName);
        return (ReducedModel.FromData(data), space);
    }

    /// <summary>Stores the reduced model's data and the space its parameters must lie in.</summary>
    public static DataGroup Write(ReducedModelData data, ParameterSpace space)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(space);
        if (!CanWrite(data, out string why))
            throw new ArgumentException($"This reduced model cannot be stored: {why}.", nameof(data));
        int n = data.BasisSize, q = data.Coefficients.Count;
        var g = new DataGroup();
        if (data.Coercivity is ShiftedMinimumCoercivity shifted)
        {
            g.Attributes["coercivity"] = DataArray.Scalar("shifted-minimum");
            g.Attributes["coercivity_parameter"] = DataArray.Scalar(shifted.ParameterName);
            g.Attributes["coercivity_shift"] = DataArray.Scalar(shifted.Shift);
        }
        else if (data.Coercivity is ConstantCoercivity constant)
        {
            g.Attributes["coercivity"] = DataArray.Scalar("constant");
            g.Attributes["coercivity_value"] = DataArray.Scalar(constant.Value);
        }
        switch (Interpolation(data))
        {
            case BumpInterpolationData bump:
                var b = g.GetOrAddGroup("bump_interpolation");
                b.Datasets["points_x"] = DataArray.Of(bump.PointsX);
                b.Datasets["points_y"] = DataArray.Of(bump.PointsY);
                b.Datasets["restricted_basis"] = RestrictedBasis(bump.RestrictedBasis);
                break;
            case FormulaInterpolationData formula:
                var f = g.GetOrAddGroup("formula_interpolation");
                f.Attributes["conductivity"] = DataArray.Scalar(formula.Conductivity);
                f.Attributes["parameter_count"] = DataArray.Scalar((long)formula.ParameterCount);
                f.Datasets["centroids"] = PointTable.Of(formula.CentroidsX, formula.CentroidsY);
                f.Groups["magic_rows"] = CsrGroup.Write(formula.MagicRows);
                f.Datasets["restricted_basis"] = RestrictedBasis(formula.RestrictedBasis);
                break;
        }
        g.Attributes["dimension"] = DataArray.Scalar((long)data.Dimension);
        g.Attributes["basis_size"] = DataArray.Scalar((long)n);
        g.Attributes["reference_coercivity"] = DataArray.Scalar(data.ReferenceCoercivity);
        g.Attributes["estimator"] = DataArray.Scalar(data.Residual.Estimator);
        g.Attributes["interpolation_error"] = DataArray.Scalar(data.Residual.InterpolationError);
        g.Attributes["failure_probability"] = DataArray.Scalar(data.Residual.FailureProbability);
        g.Datasets["operators"] = DataArray.Of(data.Operators.SelectMany(Flatten).ToArray(), q, n, n);
        g.Datasets["rhs"] = DataArray.Of(data.RightHandSide);
        g.Datasets["residual_matrix"] = DataArray.Of(Flatten(data.Residual.Matrix), data.Residual.Matrix.GetLength(0), data.Residual.Matrix.GetLength(1));
        g.Datasets["basis"] = DataArray.Of(data.Basis, n, data.Dimension);

        var theta = g.GetOrAddGroup("coefficients");
        theta.Datasets["kind"] = DataArray.Of(data.Coefficients.Select(c => c switch
        {
            ProjectionFunctional => "projection",
            ConstantFunctional => "constant",
            _ => ((InterpolatedCoefficient)c).Data!.Kind,
        }).ToArray());
        theta.Datasets["name"] = DataArray.Of(data.Coefficients.Select(c => (c as ProjectionFunctional)?.Name ?? "").ToArray());
        theta.Datasets["index"] = DataArray.Of(data.Coefficients.Select(c => (long)(c switch
        {
            ProjectionFunctional p => p.Index,
            InterpolatedCoefficient e => e.Index,
            _ => 0,
        })).ToArray());
        theta.Datasets["value"] = DataArray.Of(data.Coefficients.Select(c => (c as ConstantFunctional)?.Value ?? 0).ToArray());

        var reference = g.GetOrAddGroup("reference_parameter");
        foreach (var name in data.ReferenceParameter.Names)
            reference.Attributes[name] = DataArray.Of(data.ReferenceParameter[name].ToArray());
        var spaceGroup = g.GetOrAddGroup("parameter_space");
        foreach (var r in space.Ranges)
            spaceGroup.Attributes[r.Name] = DataArray.Of(new[] { r.Dimension, r.Lower, r.Upper });
        var outputs = g.GetOrAddGroup("outputs");
        foreach (var o in data.Outputs)
        {
            var og = outputs.GetOrAddGroup(o.Name);
            og.Datasets["weights"] = DataArray.Of(o.Weights);
            og.Attributes["dual_norm"] = DataArray.Scalar(o.DualNorm);
            og.Attributes["compliant"] = DataArray.Scalar(o.Compliant ? 1L : 0L);
        }
        return g;
    }

    /// <summary>
    /// Whether <see cref="Write"/> can store the model: coefficients that are projections, constants or EIM coefficients
    /// of plain data (the bump's <see cref="BumpInterpolationData"/>, an operator EIM's <see cref="FormulaInterpolationData"/>),
    /// and the min-theta rule, a <see cref="ShiftedMinimumCoercivity"/> or a <see cref="ConstantCoercivity"/>.
    /// Models whose coefficients need the full-order data online (operator EIM reading carried matrices) cannot be.
    /// </summary>
    public static bool CanWrite(ReducedModelData data) => CanWrite(data, out _);

    private static bool CanWrite(ReducedModelData data, out string why)
    {
        ArgumentNullException.ThrowIfNull(data);
        why = data.Coercivity is null or ShiftedMinimumCoercivity or ConstantCoercivity ? "" : $"its coercivity bound {data.Coercivity.GetType().Name} is not plain data (only min-theta, a shifted minimum and a constant are)";
        var other = data.Coefficients.FirstOrDefault(c => c is not (ProjectionFunctional or ConstantFunctional or InterpolatedCoefficient { Data: BumpInterpolationData or FormulaInterpolationData }));
        if (other is not null)
            why = $"coefficient functional {other.GetType().Name} cannot be stored (only projections, constants and EIM coefficients of the bump or of a formula can)";
        else if (data.Coefficients.OfType<InterpolatedCoefficient>().Select(c => c.Data).Distinct().Count() > 1)
            why = "its EIM coefficients come from more than one interpolation";
        return why.Length == 0;
    }

    private static InterpolationData? Interpolation(ReducedModelData data) =>
        data.Coefficients.OfType<InterpolatedCoefficient>().Select(c => c.Data).FirstOrDefault();

    /// <summary>Reads a stored reduced model; <paramref name="objectPath"/> locates the group for error messages.</summary>
    public static (ReducedModelData Data, ParameterSpace Space) Read(DataGroup g, string filePath, string objectPath)
    {
        ArgumentNullException.ThrowIfNull(g);
        DataFileException Error(string member, string problem) => new(filePath, $"{objectPath}/{member}", problem);
        DataArray Dataset(DataGroup group, string name, string where, bool isFloat = true) =>
            group.Datasets.TryGetValue(name, out var a) && (isFloat ? a.IsFloat : a.IsString || a.IsInteger)
                ? a
                : throw Error(where + name, a is null ? "missing" : $"unexpected {a}");

        long Integer(string name) => g.Attributes.TryGetValue(name, out var a) && a.IsInteger && a.Count == 1
            ? a.AsLongs()[0] : throw Error("@" + name, "expected a scalar integer attribute");
        int n = (int)Integer("basis_size"), dimension = (int)Integer("dimension");
        double alpha = g.Attributes.TryGetValue("reference_coercivity", out var ra) && ra.IsFloat ? ra.AsDoubles()[0]
            : throw Error("@reference_coercivity", "expected a float attribute");
        string estimator = g.Attributes.TryGetValue("estimator", out var ea) && ea.IsString && ResidualEstimators.Find(ea.AsStrings()[0]) is not null
            ? ea.AsStrings()[0]
            : throw Error("@estimator", $"expected one of {string.Join(", ", ResidualEstimators.Names.Select(v => $"'{v}'"))}");
        // Older files carry no interpolation error; it is 0 for the exact estimators.
        double interpolationError = g.Attributes.TryGetValue("interpolation_error", out var ie) && ie.IsFloat ? ie.AsDoubles()[0] : 0;
        double failureProbability = g.Attributes.TryGetValue("failure_probability", out var fp) && fp.IsFloat ? fp.AsDoubles()[0] : 0;

        var operators = Dataset(g, "operators", "");
        if (operators.Shape is not [var q, var r, var c] || r != n || c != n)
            throw Error("operators", $"shape [{string.Join(", ", operators.Shape)}]; expected [Q, {n}, {n}]");
        var residual = Dataset(g, "residual_matrix", "");
        if (residual.Shape.Length != 2)
            throw Error("residual_matrix", "expected a 2-D dataset");
        var basis = Dataset(g, "basis", "");
        if (!g.TryGetGroup("coefficients", out var theta) || !g.TryGetGroup("reference_parameter", out var reference)
            || !g.TryGetGroup("parameter_space", out var spaceGroup) || !g.TryGetGroup("outputs", out var outputs))
            throw Error("", "expected groups coefficients, reference_parameter, parameter_space and outputs");

        var kinds = Dataset(theta, "kind", "coefficients/", isFloat: false).AsStrings();
        var names = Dataset(theta, "name", "coefficients/", isFloat: false).AsStrings();
        var indices = Dataset(theta, "index", "coefficients/", isFloat: false).AsLongs();
        var values = Dataset(theta, "value", "coefficients/").AsDoubles();
        // One model interpolates one thing: its EIM coefficients are all of one kind, read from that kind's group.
        string? eimKind = kinds.FirstOrDefault(k => k is BumpInterpolationData.KindName or FormulaInterpolationData.KindName);
        var eim = eimKind switch
        {
            BumpInterpolationData.KindName => ReadBump(g, Error),
            FormulaInterpolationData.KindName => ReadFormula(g, filePath, objectPath, Error),
            _ => [],
        };
        var coefficients = new ParameterFunctional[kinds.Length];
        for (int i = 0; i < kinds.Length; i++)
            coefficients[i] = kinds[i] switch
            {
                "projection" => new ProjectionFunctional(names[i], (int)indices[i]),
                "constant" => new ConstantFunctional(values[i]),
                _ when kinds[i] == eimKind && indices[i] >= 0 && indices[i] < eim.Length => eim[indices[i]],
                _ when kinds[i] == eimKind => throw Error("coefficients/index", $"entry {i} is {indices[i]}; expected an EIM term in 0..{eim.Length - 1}"),
                _ => throw Error("coefficients/kind", $"entry {i} is '{kinds[i]}'; expected 'projection', 'constant', '{BumpInterpolationData.KindName}' or '{FormulaInterpolationData.KindName}' (one EIM kind per model)"),
            };
        ICoercivityBound? coercivity = null;
        if (g.Attributes.TryGetValue("coercivity", out var ca))
            coercivity = ca.IsString && ca.AsStrings()[0] == "shifted-minimum"
                && g.Attributes.TryGetValue("coercivity_parameter", out var cp) && cp.IsString
                && g.Attributes.TryGetValue("coercivity_shift", out var cs) && cs.IsFloat
                ? new ShiftedMinimumCoercivity(cp.AsStrings()[0], cs.AsDoubles()[0])
                : ca.IsString && ca.AsStrings()[0] == "constant" && g.Attributes.TryGetValue("coercivity_value", out var cv) && cv.IsFloat
                ? new ConstantCoercivity(cv.AsDoubles()[0])
                : throw Error("@coercivity", "expected 'shifted-minimum' with @coercivity_parameter (string) and @coercivity_shift (float), or 'constant' with @coercivity_value (float)");

        var space = new ParameterSpace(spaceGroup.Attributes.Select(kv =>
        {
            var v = kv.Value.IsFloat && kv.Value.Count == 3 ? kv.Value.AsDoubles() : throw Error($"parameter_space@{kv.Key}", "expected [dimension, lower, upper]");
            return new ParameterRange(kv.Key, (int)v[0], v[1], v[2]);
        }));
        var referenceParameter = new Parameter(reference.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value.AsDoubles()));
        var reducedOutputs = outputs.Groups.Select(kv => new ReducedOutput(
            kv.Key,
            Dataset(kv.Value, "weights", $"outputs/{kv.Key}/").AsDoubles(),
            kv.Value.Attributes.TryGetValue("dual_norm", out var dn) ? dn.AsDoubles()[0] : throw Error($"outputs/{kv.Key}@dual_norm", "missing"),
            kv.Value.Attributes.TryGetValue("compliant", out var cp) && cp.AsLongs()[0] == 1)).ToArray();

        var data = new ReducedModelData(
            coefficients,
            Enumerable.Range(0, q).Select(i => Unflatten(operators.AsDoubles(), i * n * n, n, n)).ToArray(),
            Dataset(g, "rhs", "").AsDoubles(),
            reducedOutputs,
            referenceParameter,
            alpha,
            new ResidualNormData(estimator, Unflatten(residual.AsDoubles(), 0, residual.Shape[0], residual.Shape[1])) { InterpolationError = interpolationError, FailureProbability = failureProbability },
            dimension,
            basis.AsDoubles(),
            coercivity,
            space);
        try
        {
            data.Validate();
        }
        catch (ArgumentException e)
        {
            throw new DataFileException(filePath, objectPath, $"inconsistent reduced model: {e.Message}");
        }
        return (data, space);
    }

    /// <summary>The bump's EIM coefficient functionals from their data in the group bump_interpolation.</summary>
    private static ParameterFunctional[] ReadBump(DataGroup g, Func<string, string, DataFileException> error)
    {
        if (!g.TryGetGroup("bump_interpolation", out var b)
            || !b.Datasets.TryGetValue("points_x", out var x) || !x.IsFloat
            || !b.Datasets.TryGetValue("points_y", out var y) || !y.IsFloat
            || !b.Datasets.TryGetValue("restricted_basis", out var q) || !q.IsFloat || q.Shape.Length != 2)
            throw error("bump_interpolation", $"expected datasets points_x [M], points_y [M] and restricted_basis [M, M] for the '{BumpInterpolationData.KindName}' coefficients");
        try
        {
            return new BumpInterpolationData(x.AsDoubles(), y.AsDoubles(), Unflatten(q.AsDoubles(), 0, q.Shape[0], q.Shape[1])).Functionals();
        }
        catch (ArgumentException e)
        {
            throw error("bump_interpolation", e.Message);
        }
    }

    /// <summary>An operator EIM's coefficient functionals from their data in the group formula_interpolation.</summary>
    private static ParameterFunctional[] ReadFormula(DataGroup g, string filePath, string objectPath, Func<string, string, DataFileException> error)
    {
        if (!g.TryGetGroup("formula_interpolation", out var f)
            || !f.Attributes.TryGetValue("conductivity", out var text) || !text.IsString
            || !f.Attributes.TryGetValue("parameter_count", out var count) || !count.IsInteger
            || !f.Datasets.TryGetValue("centroids", out var c) || !c.IsFloat || c.Shape is not [_, 2]
            || !f.TryGetGroup("magic_rows", out var rows)
            || !f.Datasets.TryGetValue("restricted_basis", out var q) || !q.IsFloat || q.Shape.Length != 2)
            throw error("formula_interpolation", $"expected attributes conductivity (string) and parameter_count (integer), datasets centroids [E, 2] and restricted_basis [M, M] and a CSR group magic_rows [M, E] for the '{FormulaInterpolationData.KindName}' coefficients");
        var (x, y) = PointTable.Columns(c);
        try
        {
            return new FormulaInterpolationData(text.AsStrings()[0], (int)count.AsLongs()[0], x, y,
                CsrGroup.Read(rows, filePath, $"{objectPath}/formula_interpolation/magic_rows"), Unflatten(q.AsDoubles(), 0, q.Shape[0], q.Shape[1])).Functionals();
        }
        catch (ArgumentException e)
        {
            throw error("formula_interpolation", e.Message);
        }
    }

    private static DataArray RestrictedBasis(double[,] q) => DataArray.Of(Flatten(q), q.GetLength(0), q.GetLength(1));

    private static double[] Flatten(double[,] a)
    {
        var flat = new double[a.Length];
        Buffer.BlockCopy(a, 0, flat, 0, a.Length * sizeof(double));
        return flat;
    }

    private static double[,] Unflatten(double[] flat, int offset, int rows, int cols)
    {
        var a = new double[rows, cols];
        Buffer.BlockCopy(flat, offset * sizeof(double), a, 0, rows * cols * sizeof(double));
        return a;
    }
}
