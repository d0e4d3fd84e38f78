using System.Globalization;
using Rom.GaussianProcesses;

// GP-HM benchmark problems of the reference repository (Fang et al., ICLR 2024), on [0, 2π]^D with u_xx (+ u_yy) = f
// and exact Dirichlet data. Usage: GpBench key=value …, keys (defaults): problem (sin6cos100), points (300), optimizer
// (ProfiledLbfgs), iterations (200), kernel (StudentT), q (30), logtau (0), logv (0), fscale (20), spectrum (false),
// fieldtol (1e-10), finaltol (1e-10), seconds (0 = no limit), lr (0.01).
//   problems: sin6cos100 (1-D), sin20 (1-D), sin100sin100 (2-D), sin6cos20sum (2-D)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var settings = args.Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
string Get(string key, string fallback) => settings.TryGetValue(key, out var v) ? v : fallback;
string name = Get("problem", "sin6cos100");
int points = int.Parse(Get("points", "300"));
var method = Enum.Parse<GpOptimizerKind>(Get("optimizer", "ProfiledLbfgs"));
int iterations = int.Parse(Get("iterations", "200"));
var kernel = Enum.Parse<KernelFamily>(Get("kernel", "StudentT"));
int q = int.Parse(Get("q", "30"));
double logTau = double.Parse(Get("logtau", "0"));
double logV = double.Parse(Get("logv", "0"));
double frequencyScale = double.Parse(Get("fscale", "20"));
bool spectrum = bool.Parse(Get("spectrum", "false"));
double fieldTolerance = double.Parse(Get("fieldtol", "1e-10"));
double finalTolerance = double.Parse(Get("finaltol", "1e-10"));
double timeLimit = double.Parse(Get("seconds", "0"));
double lr = double.Parse(Get("lr", "0.01"));

var (D, U, F) = name switch
{
    "sin6cos100" => Case(1, p => Math.Sin(6 * p[0]) * Math.Cos(100 * p[0]),
        p => -10036 * Math.Sin(6 * p[0]) * Math.Cos(100 * p[0]) - 1200 * Math.Cos(6 * p[0]) * Math.Sin(100 * p[0])),
    "sin20" => Case(1, p => Math.Sin(20 * p[0]), p => -400 * Math.Sin(20 * p[0])),
    "sin100sin100" => Case(2, p => Math.Sin(100 * p[0]) * Math.Sin(100 * p[1]), p => -20000 * Math.Sin(100 * p[0]) * Math.Sin(100 * p[1])),
    "sin6cos20sum" => Case(2, p => S(p[0]) + S(p[1]), p => S2(p[0]) + S2(p[1])),
    _ => throw new ArgumentException($"unknown problem '{name}'"),
};
static (int, Func<double[], double>, Func<double[], double>) Case(int d, Func<double[], double> u, Func<double[], double> f) => (d, u, f);
static double S(double x) => Math.Sin(6 * x) * Math.Cos(20 * x);
static double S2(double x) => -436 * Math.Sin(6 * x) * Math.Cos(20 * x) - 240 * Math.Cos(6 * x) * Math.Sin(20 * x);

var grid = TensorGrid.Cube(D, 0, 2 * Math.PI, points);
var problem = GpPdeProblem.FromFunctions(grid, LinearPdeOperator.Laplacian(D), F, U);
var exact = grid.Sample(U);
var options = new GpSolverOptions(Components: q, Kernel: kernel, Optimizer: method, MaxIterations: iterations, LearningRate: lr,
    RecordEvery: Math.Max(1, iterations / 20), LogBoundaryPrecision: logTau, LogEquationPrecision: logV, FrequencyScale: frequencyScale,
    SourceSpectrumWeights: spectrum, FieldTolerance: fieldTolerance, FinalFieldTolerance: finalTolerance, TimeLimitSeconds: timeLimit);
var solution = new GpPdeSolver(options).Solve(problem);
double Error(double[] u) => Math.Sqrt(u.Zip(exact, (a, b) => (a - b) * (a - b)).Sum() / exact.Sum(x => x * x));
foreach (var r in solution.Optimization.History)
    Console.WriteLine($"  it {r.Iteration,6}  J {r.Objective,14:G8}  residual {r.Residual,10:E3}  t {r.ElapsedSeconds,8:F1} s");
Console.WriteLine($"{name} D={D} n={points} {method} {kernel} Q={q}: relative L2 error {Error(solution.Field):E3}, " +
    $"{solution.Optimization.Iterations} iterations, {solution.ElapsedSeconds:F1} s, stop: {solution.Optimization.StopReason}, failed: {solution.Failed}");
var k0 = solution.Kernels[0];
var theta = k0.Parameters.ToArray();
var top = Enumerable.Range(0, q).OrderByDescending(i => theta[i]).Take(5);
Console.WriteLine("axis 0 top components (w, ℓ, f): " + string.Join("; ", top.Select(i => $"{Math.Exp(theta[i]):G3}, {Math.Exp(theta[q + i]):G3}, {theta[2 * q + i]:G4}")));
Console.WriteLine($"log τ = {solution.Parameters[^2]:G4}, log v = {solution.Parameters[^1]:G4}");
