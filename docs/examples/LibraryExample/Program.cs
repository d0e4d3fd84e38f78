using Rom.IO.Formats;
using Rom.IO.Hdf5;
using Rom.LinearAlgebra.Direct;
using Rom.Models.FiniteElements;
using Rom.Models.ThermalBlock;
using Rom.Parameters;
using Rom.Reduction;
using Rom.Reduction.Greedy;

// A 3×3 thermal block (P1 FEM, 60 squares per side), one full-order solve:
var model = new ThermalBlockModel(new ThermalBlockOptions(3, 3, 60, TriangleSplit.FourAroundCentre));
var mu = Parameter.Of("diffusion", 0.8, 0.2, 0.5, 0.1, 1.0, 0.3, 0.6, 0.9, 0.4);
var result = model.Solve(mu);                                 // result.Iterations, .ResidualHistory, .Reason
double mean = model.Outputs[0].Evaluate(result.Solution);
Console.WriteLine($"full order: {model.Dimension} unknowns, {result.Iterations} CG iterations, mean of u = {mean:G8}");

// A certified reduced basis, then an online solve with error bounds:
var ones = Parameter.Of("diffusion", Enumerable.Repeat(1.0, 9).ToArray());
var rb = ReducedBasis.Build(model, new ReducedBasisOptions(SparseCholesky.Factory(), ones,
    TrainingSet: ParameterSampling.Grid(model.ParameterSpace, 2), Greedy: new GreedyOptions(MaxExtensions: 60)));
var s = rb.Model.Solve(mu);
Console.WriteLine($"reduced basis: N = {rb.Model.BasisSize}, mean of u = {s.Outputs[0]:G8} ± {s.OutputBounds[0]:G2}, ‖u − u_N‖_X ≤ {s.ErrorBound:G2}");

// Certified against full-order solves at 20 random parameters (errors, bounds, effectivities, times):
var check = Certification.Run(model, rb, SparseCholesky.Factory(), ParameterSampling.Uniform(model.ParameterSpace, 20, seed: 1));
Console.WriteLine($"certification at 20 random parameters: {(check.Succeeded ? "every error within its bound" : $"a bound below its error at test parameter {check.Violation}")}, online {check.SpeedUp:F0}× faster");

// Saved as `rom run` saves it (group /reduced_model of a results file), then loaded and evaluated:
string path = Path.Combine(Path.GetTempPath(), $"rom-example-{Environment.ProcessId}.h5");
var file = new DataGroup();
file.Groups[ReducedModelGroup.GroupName] = ReducedModelGroup.Write(rb.Model.Data, model.ParameterSpace);
Hdf5File.Write(path, file);
var (rom, space) = ReducedModelGroup.Load(path);             // also reads results/<case>.h5 of `rom run`
space.Validate(mu);                                           // ArgumentException naming μ's entry when out of range
Console.WriteLine($"loaded from {path}: ‖u − u_N‖_X ≤ {rom.Solve(mu).ErrorBound:G2}");
File.Delete(path);
