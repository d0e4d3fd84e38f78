using Rom.Reduction.Interpolation;

namespace Rom.Cases.Running;

/// <summary>
/// The reduced model a results file holds, with what its bounds mean: the norm they are in and, for a model reduced
/// from an operator-EIM surrogate, the sampled EIM term that bounds the distance to the true family.
/// </summary>
/// <param name="Model">The reduced model.</param>
/// <param name="Space">Its parameter space.</param>
/// <param name="EnergyProduct">What X of ‖·‖_X is, in words.</param>
/// <param name="Eim">The operator EIM's error ε̂ and sampled coercivity α_S, or null for a model of the exact operator.</param>
public sealed record SavedReducedModel(ReducedModel Model, ParameterSpace Space, string EnergyProduct, SampledEimError? Eim)
{
    /// <summary>Reads the model of a results file written by <c>rom run</c> with reduction.enabled=1.</summary>
    /// <exception cref="DataFileException">The file is unreadable or holds no reduced model.</exception>
    public static SavedReducedModel Load(string resultsPath)
    {
        var root = Hdf5File.Read(resultsPath);
        var (model, space) = ReducedModelGroup.Load(root, resultsPath);
        string product = root.Groups[ReducedModelGroup.GroupName].Attributes.TryGetValue(ReducedModelGroup.EnergyProductAttribute, out var x) && x.IsString
            ? x.AsStrings()[0]
            : "the energy product the model was built with";
        SampledEimError? eim = null;
        if (root.TryGetGroup("eim", out var g) && g.Attributes.TryGetValue("error_bound", out var e) && g.Attributes.TryGetValue("sampled_coercivity", out var a))
            eim = new SampledEimError(e.AsDoubles()[0], a.AsDoubles()[0]);
        return new SavedReducedModel(model, space, product, eim);
    }

    /// <summary>Solves at μ and states every bound with its meaning.</summary>
    public SavedModelEvaluation Evaluate(Parameter mu)
    {
        var solution = Model.Solve(mu);
        double norm = Vectors.Norm(solution.Coefficients); // ‖V u_N‖_X: the basis is X-orthonormal
        double delta = solution.ErrorBound;
        double? familyBound = Eim is { } eim ? delta + eim.Bound(norm + delta) : null;
        var outputs = Model.Data.Outputs.Select((o, i) => new EvaluatedOutput(o.Name, solution.Outputs[i], solution.OutputBounds[i],
            familyBound is { } total ? o.DualNorm * total : null)).ToArray();
        return new SavedModelEvaluation(mu, solution, norm, familyBound, outputs);
    }

    /// <summary>Writes u = V u_N at full size with the coefficients, outputs and bounds (atomically).</summary>
    public void WriteSolution(string path, SavedModelEvaluation evaluation, string source)
    {
        var root = new DataGroup();
        root.Attributes["format"] = DataArray.Scalar("rom-reduced-solution");
        root.Attributes["source"] = DataArray.Scalar(source);
        root.Attributes["parameter"] = DataArray.Scalar(evaluation.Mu.ToString());
        root.Attributes["energy_product"] = DataArray.Scalar(EnergyProduct);
        var solution = root.GetOrAddGroup("solution");
        solution.Datasets["u"] = DataArray.Of(Model.Reconstruct(evaluation.Solution.Coefficients));
        solution.Datasets["coefficients"] = DataArray.Of(evaluation.Solution.Coefficients);
        solution.Attributes["error_bound"] = DataArray.Scalar(evaluation.Solution.ErrorBound);
        solution.Attributes["relative_error_bound"] = DataArray.Scalar(evaluation.RelativeErrorBound);
        if (evaluation.FamilyBound is { } family)
            solution.Attributes["error_bound_with_eim"] = DataArray.Scalar(family);
        foreach (var output in evaluation.Outputs)
        {
            var g = root.GetOrAddGroup("outputs/" + output.Name);
            g.Attributes["value"] = DataArray.Scalar(output.Value);
            g.Attributes["bound"] = DataArray.Scalar(output.Bound);
            if (output.FamilyBound is { } b)
                g.Attributes["bound_with_eim"] = DataArray.Scalar(b);
        }
        Hdf5File.Write(path, root);
    }
}
