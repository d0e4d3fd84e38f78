using System.Numerics;
using Rom.Neural.Layers.Weights;
using static Rom.Tests.Tensors.GradientCheck;

namespace Rom.Tests.Neural;

/// <summary>
/// The CP, Tucker and tensor-train spectral weights: the factorised contraction against the reconstructed one, the
/// reconstruction against the defining formula, gradients against finite differences (the weight alone and a whole
/// FNO), parameter counts against tensorly's rank rules, names and initial scale against tltorch.
/// </summary>
public class FactorizedSpectralWeightTests
{
    private static readonly string[] Factorizations = ["cp", "tucker", "tt"];

    /// <summary>A (3, 4, kept…) weight with every parameter scalar drawn normal (λ too), so no factor is special.</summary>
    private static FactorizedSpectralWeight<double> Weight(string factorization, int[] kept, string implementation = SpectralWeights.Factorized,
        double rank = 0.5)
    {
        var weight = (FactorizedSpectralWeight<double>)SpectralWeights.Create<double>("w", factorization, rank, 3, 4, kept, new Initialization(7), implementation);
        int seed = 100;
        foreach (Parameter<double> p in weight.Parameters)
            Random([.. p.Value.Shape], seed++, complex: true).Data.CopyTo(p.Value.Data, 0);
        return weight;
    }

    private static Complex At(Tensor<double> t, int flat) => new(t.Real[flat], t.Imaginary[flat]);

    private static int[] Multi(int flat, IReadOnlyList<int> shape)
    {
        var index = new int[shape.Count];
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    private static int Flat(IReadOnlyList<int> index, IReadOnlyList<int> shape)
    {
        int flat = 0;
        for (int d = 0; d < shape.Count; d++)
            flat = flat * shape[d] + index[d];
        return flat;
    }

    private static double MaxDifference(Tensor<double> a, Tensor<double> b)
    {
        Assert.That(a.SameShape(b), $"{a.ShapeText} vs {b.ShapeText}");
        double max = 0;
        for (int i = 0; i < a.Data.Length; i++)
            max = Math.Max(max, Math.Abs(a.Data[i] - b.Data[i]));
        return max;
    }

    private static IEnumerable<TestCaseData> Cases() =>
        from f in Factorizations
        from kept in new[] { new[] { 3 }, [3, 2], [2, 3, 2] }
        select new TestCaseData(f, kept);

    [TestCaseSource(nameof(Cases))]
    public void FactorisedContractionEqualsTheReconstructedOne(string factorization, int[] kept)
    {
        FactorizedSpectralWeight<double> weight = Weight(factorization, kept);
        var x = Tape<double>.Constant(Random([2, 3, .. kept], 1, complex: true));
        Tensor<double> factorised = weight.Contract(x, null).Value;
        Tensor<double> reconstructed = Ops.ModeContraction(x, weight.Dense(null)).Value;
        double scale = reconstructed.Data.Max(Math.Abs);
        Assert.That(MaxDifference(factorised, reconstructed), Is.LessThan(1e-12 * scale));
        FactorizedSpectralWeight<double> rebuilt = Weight(factorization, kept, SpectralWeights.Reconstructed);
        Assert.That(MaxDifference(rebuilt.Contract(x, null).Value, reconstructed), Is.EqualTo(0));
    }

    [TestCaseSource(nameof(Cases))]
    public void ReconstructionFollowsTheDefiningFormula(string factorization, int[] kept)
    {
        FactorizedSpectralWeight<double> weight = Weight(factorization, kept);
        Tensor<double> dense = weight.Dense(null).Value;
        int[] shape = weight.Shape;
        Assert.That(dense.Shape, Is.EqualTo(shape));
        Func<int[], Complex> formula = weight switch
        {
            CpSpectralWeight<double> cp => index => Enumerable.Range(0, cp.Rank).Aggregate(Complex.Zero, (sum, r) =>
                sum + At(cp.Weights.Value, r) * index.Select((n, j) => At(cp.Factors[j].Value, n * cp.Rank + r)).Aggregate(Complex.One, (p, u) => p * u)),
            TuckerSpectralWeight<double> tucker => index => Enumerable.Range(0, tucker.Core.Value.Count).Aggregate(Complex.Zero, (sum, c) =>
            {
                int[] a = Multi(c, tucker.Ranks);
                return sum + At(tucker.Core.Value, c) * index.Select((n, j) => At(tucker.Factors[j].Value, n * tucker.Ranks[j] + a[j])).Aggregate(Complex.One, (p, u) => p * u);
            }),
            TtSpectralWeight<double> tt => index =>
            {
                // The row vector G₀[0, i₀, :] times the matrices G_j[:, i_j, :].
                Complex[] row = [Complex.One];
                for (int j = 0; j < index.Length; j++)
                {
                    int left = tt.Ranks[j], right = tt.Ranks[j + 1];
                    var next = new Complex[right];
                    for (int b = 0; b < right; b++)
                        for (int a = 0; a < left; a++)
                            next[b] += row[a] * At(tt.Factors[j].Value, (a * shape[j] + index[j]) * right + b);
                    row = next;
                }
                return row[0];
            },
            _ => throw new AssertionException($"unexpected weight {weight.GetType().Name}"),
        };
        for (int flat = 0; flat < dense.Count; flat++)
            Assert.That(Complex.Abs(At(dense, flat) - formula(Multi(flat, shape))), Is.LessThan(1e-12), $"entry [{string.Join(", ", Multi(flat, shape))}]");
    }

    [TestCaseSource(nameof(Cases))]
    public void ContractionGradientMatchesFiniteDifferences(string factorization, int[] kept)
    {
        foreach (string implementation in SpectralWeights.Implementations)
        {
            FactorizedSpectralWeight<double> weight = Weight(factorization, kept, implementation);
            var x = new Parameter<double>("x", Random([2, 3, .. kept], 2, complex: true));
            List<Parameter<double>> parameters = [.. weight.Parameters, x];
            double error = ParameterGradientCheck.RelativeError(parameters,
                tape => ParameterGradientCheck.Probe(weight.Contract(x.Use(tape), tape)), maxEntries: 10_000);
            Assert.That(error, Is.LessThan(1e-6), implementation);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void EveryFactorGetsAGradient(string factorization, int[] kept)
    {
        FactorizedSpectralWeight<double> weight = Weight(factorization, kept);
        var tape = new Tape<double>();
        tape.Backward(ParameterGradientCheck.Probe(weight.Contract(Tape<double>.Constant(Random([2, 3, .. kept], 3, complex: true)), tape)));
        foreach (Parameter<double> p in weight.Parameters)
            Assert.That(p.Gradient.Data.Any(g => g != 0), p.Name);
    }

    // Ranks for (I, O, kept) = (32, 32, 12, 7), Π = 86016, Σ = 83, Σ n² = 2241, as tensorly's validate_cp_rank,
    // validate_tucker_rank and validate_tt_rank give them (run from tensorly's source with Debian's numpy and scipy):
    //   CP      R = round(86016 f / 83): f = 0.1 → 103.6 → 104; f = 0.05 → 51.8 → 52; f = 0.5 → 518.2 → 518; f = 1 → 1036.3 → 1036.
    //   Tucker  r = round(c n) with 86016 c⁴ + 2241 c = 86016 f: f = 0.1 → c = 0.5350 → (17, 17, 6, 4); f = 0.05 → c = 0.4432 → (14, 14, 5, 3).
    //   TT      d = (32, 22, 9.5), a = 32·32·22 + 22·12·9.5 = 25036, b = 32·32 + 7·9.5 = 1090.5, c = (−b + √(b² + 4a·86016 f))/(2a):
    //           f = 0.1 → c = 0.5661 → (1, 18, 12, 5, 1); f = 0.05 → c = 0.3945 → (1, 13, 9, 4, 1).
    [TestCase(0.1, 104, new[] { 17, 17, 6, 4 }, new[] { 1, 18, 12, 5, 1 })]
    [TestCase(0.05, 52, new[] { 14, 14, 5, 3 }, new[] { 1, 13, 9, 4, 1 })]
    [TestCase(0.5, 518, new[] { 27, 27, 10, 6 }, new[] { 1, 41, 28, 12, 1 })]
    [TestCase(1.0, 1036, new[] { 32, 32, 12, 7 }, new[] { 1, 59, 40, 17, 1 })]
    public void ParameterCountsFollowTensorlyRanks(double fraction, int cpRank, int[] tuckerRanks, int[] ttRanks)
    {
        int[] shape = [32, 32, 12, 7];
        var init = new Initialization(0);
        var cp = (CpSpectralWeight<double>)SpectralWeights.Create<double>("w", "cp", fraction, 32, 32, [12, 7], init);
        var tucker = (TuckerSpectralWeight<double>)SpectralWeights.Create<double>("w", "tucker", fraction, 32, 32, [12, 7], init);
        var tt = (TtSpectralWeight<double>)SpectralWeights.Create<double>("w", "tt", fraction, 32, 32, [12, 7], init);
        Assert.That(cp.Rank, Is.EqualTo(cpRank));
        Assert.That(tucker.Ranks, Is.EqualTo(tuckerRanks));
        Assert.That(tt.Ranks, Is.EqualTo(ttRanks));
        // Complex entries, two real scalars each: CP R(1 + Σ n), Tucker Π r + Σ n r, TT Σ r_j n_j r_{j+1}.
        long cpCount = cpRank * (1L + shape.Sum());
        long tuckerCount = tuckerRanks.Aggregate(1L, (p, r) => p * r) + shape.Select((n, j) => (long)n * tuckerRanks[j]).Sum();
        long ttCount = shape.Select((n, j) => (long)ttRanks[j] * n * ttRanks[j + 1]).Sum();
        Assert.That(cp.ScalarCount(), Is.EqualTo(2 * cpCount));
        Assert.That(tucker.ScalarCount(), Is.EqualTo(2 * tuckerCount));
        Assert.That(tt.ScalarCount(), Is.EqualTo(2 * ttCount));
        TestContext.Out.WriteLine($"rank {fraction}: dense {2 * 86016}, cp {2 * cpCount}, tucker {2 * tuckerCount}, tt {2 * ttCount} real scalars");
    }

    // Recorded from tensorly's validate_cp_rank, validate_tucker_rank and validate_tt_rank (tensorly main, Nov 2025,
    // run from source with Debian's numpy 1.24 and scipy 1.10), rounding="round".
    [TestCase(new[] { 32, 32, 12, 7 }, 1.0, 1036, new[] { 32, 32, 12, 7 }, new[] { 1, 59, 40, 17, 1 })]
    [TestCase(new[] { 32, 32, 12, 7 }, 0.5, 518, new[] { 27, 27, 10, 6 }, new[] { 1, 41, 28, 12, 1 })]
    [TestCase(new[] { 32, 32, 12, 7 }, 0.25, 259, new[] { 22, 22, 8, 5 }, new[] { 1, 29, 20, 9, 1 })]
    [TestCase(new[] { 32, 32, 12, 7 }, 0.1, 104, new[] { 17, 17, 6, 4 }, new[] { 1, 18, 12, 5, 1 })]
    [TestCase(new[] { 32, 32, 12, 7 }, 0.05, 52, new[] { 14, 14, 5, 3 }, new[] { 1, 13, 9, 4, 1 })]
    [TestCase(new[] { 32, 32, 12, 7 }, 0.02, 21, new[] { 10, 10, 4, 2 }, new[] { 1, 8, 5, 2, 1 })]
    [TestCase(new[] { 32, 32, 16, 9 }, 1.0, 1657, new[] { 32, 32, 16, 9 }, new[] { 1, 71, 53, 28, 1 })]
    [TestCase(new[] { 32, 32, 16, 9 }, 0.5, 828, new[] { 27, 27, 13, 8 }, new[] { 1, 50, 38, 20, 1 })]
    [TestCase(new[] { 32, 32, 16, 9 }, 0.25, 414, new[] { 22, 22, 11, 6 }, new[] { 1, 35, 26, 14, 1 })]
    [TestCase(new[] { 32, 32, 16, 9 }, 0.1, 166, new[] { 18, 18, 9, 5 }, new[] { 1, 22, 17, 9, 1 })]
    [TestCase(new[] { 32, 32, 16, 9 }, 0.05, 83, new[] { 15, 15, 7, 4 }, new[] { 1, 15, 12, 6, 1 })]
    [TestCase(new[] { 32, 32, 16, 9 }, 0.02, 33, new[] { 11, 11, 6, 3 }, new[] { 1, 10, 7, 4, 1 })]
    [TestCase(new[] { 64, 64, 16, 16, 9 }, 1.0, 55841, new[] { 64, 64, 16, 16, 9 }, new[] { 1, 466, 291, 117, 91, 1 })]
    [TestCase(new[] { 64, 64, 16, 16, 9 }, 0.5, 27921, new[] { 56, 56, 14, 14, 8 }, new[] { 1, 329, 206, 82, 64, 1 })]
    [TestCase(new[] { 64, 64, 16, 16, 9 }, 0.25, 13960, new[] { 48, 48, 12, 12, 7 }, new[] { 1, 233, 145, 58, 45, 1 })]
    [TestCase(new[] { 64, 64, 16, 16, 9 }, 0.1, 5584, new[] { 40, 40, 10, 10, 6 }, new[] { 1, 147, 92, 37, 29, 1 })]
    [TestCase(new[] { 64, 64, 16, 16, 9 }, 0.05, 2792, new[] { 35, 35, 9, 9, 5 }, new[] { 1, 104, 65, 26, 20, 1 })]
    [TestCase(new[] { 64, 64, 16, 16, 9 }, 0.02, 1117, new[] { 29, 29, 7, 7, 4 }, new[] { 1, 65, 41, 16, 13, 1 })]
    [TestCase(new[] { 4, 4, 4, 3 }, 1.0, 13, new[] { 4, 4, 4, 3 }, new[] { 1, 5, 5, 4, 1 })]
    [TestCase(new[] { 4, 4, 4, 3 }, 0.5, 6, new[] { 3, 3, 3, 2 }, new[] { 1, 3, 3, 3, 1 })]
    [TestCase(new[] { 4, 4, 4, 3 }, 0.25, 3, new[] { 2, 2, 2, 2 }, new[] { 1, 2, 2, 2, 1 })]
    [TestCase(new[] { 4, 4, 4, 3 }, 0.1, 1, new[] { 1, 1, 1, 1 }, new[] { 1, 1, 1, 1, 1 })]
    [TestCase(new[] { 4, 4, 4, 3 }, 0.05, 1, new[] { 1, 1, 1, 1 }, new[] { 1, 1, 1, 1, 1 })]
    [TestCase(new[] { 5, 3, 4, 3 }, 1.0, 12, new[] { 5, 3, 4, 3 }, new[] { 1, 5, 4, 4, 1 })]
    [TestCase(new[] { 5, 3, 4, 3 }, 0.5, 6, new[] { 4, 2, 3, 2 }, new[] { 1, 3, 3, 3, 1 })]
    [TestCase(new[] { 5, 3, 4, 3 }, 0.25, 3, new[] { 3, 2, 2, 2 }, new[] { 1, 2, 2, 2, 1 })]
    [TestCase(new[] { 5, 3, 4, 3 }, 0.1, 1, new[] { 1, 1, 1, 1 }, new[] { 1, 1, 1, 1, 1 })]
    [TestCase(new[] { 5, 3, 4, 3 }, 0.05, 1, new[] { 1, 1, 1, 1 }, new[] { 1, 1, 1, 1, 1 })]
    [TestCase(new[] { 3, 4, 2, 3, 2 }, 1.0, 10, new[] { 3, 4, 2, 3, 2 }, new[] { 1, 4, 4, 3, 3, 1 })]
    [TestCase(new[] { 3, 4, 2, 3, 2 }, 0.5, 5, new[] { 2, 3, 2, 2, 2 }, new[] { 1, 3, 3, 2, 2, 1 })]
    [TestCase(new[] { 3, 4, 2, 3, 2 }, 0.25, 3, new[] { 2, 2, 1, 2, 1 }, new[] { 1, 2, 2, 1, 1, 1 })]
    [TestCase(new[] { 3, 4, 2, 3, 2 }, 0.1, 1, new[] { 1, 1, 1, 1, 1 }, new[] { 1, 1, 1, 1, 1, 1 })]
    [TestCase(new[] { 3, 4, 2, 3, 2 }, 0.05, 1, new[] { 1, 1, 1, 1, 1 }, new[] { 1, 1, 1, 1, 1, 1 })]
    [TestCase(new[] { 20, 20, 17 }, 1.0, 119, new[] { 19, 19, 16 }, new[] { 1, 18, 17, 1 })]
    [TestCase(new[] { 20, 20, 17 }, 0.5, 60, new[] { 15, 15, 12 }, new[] { 1, 13, 12, 1 })]
    [TestCase(new[] { 20, 20, 17 }, 0.25, 30, new[] { 11, 11, 9 }, new[] { 1, 9, 8, 1 })]
    [TestCase(new[] { 20, 20, 17 }, 0.1, 12, new[] { 7, 7, 6 }, new[] { 1, 5, 5, 1 })]
    [TestCase(new[] { 20, 20, 17 }, 0.05, 6, new[] { 5, 5, 4 }, new[] { 1, 3, 3, 1 })]
    [TestCase(new[] { 20, 20, 17 }, 0.02, 2, new[] { 2, 2, 2 }, new[] { 1, 2, 2, 1 })]
    public void RanksMatchTensorlyOutput(int[] shape, double fraction, int cp, int[] tucker, int[] tt)
    {
        Assert.That(FactorizationRanks.Cp(shape, fraction), Is.EqualTo(cp));
        Assert.That(FactorizationRanks.Tucker(shape, fraction), Is.EqualTo(tucker));
        Assert.That(FactorizationRanks.TensorTrain(shape, fraction), Is.EqualTo(tt));
    }

    [Test]
    public void RanksAgreeWithTensorlyWhenItIsInstalled()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python) || Run(python, "-c \"import tensorly\"").ExitCode != 0)
            Assert.Ignore("tensorly is not installed for /usr/bin/python3");
        int[] shape = [32, 32, 12, 7];
        foreach (double fraction in new[] { 0.01, 0.05, 0.1, 0.5, 1.0 })
        {
            string script = "import tensorly.cp_tensor as c, tensorly.tucker_tensor as k, tensorly.tt_tensor as t; s = (32, 32, 12, 7); "
                + $"f = {fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}; "
                + "print(c.validate_cp_rank(s, f), *k.validate_tucker_rank(s, f), *t.validate_tt_rank(s, f))";
            (int code, string output) = Run(python, $"-c \"{script}\"");
            Assert.That(code, Is.EqualTo(0), output);
            int[] expected = [.. output.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
            int[] actual = [FactorizationRanks.Cp(shape, fraction), .. FactorizationRanks.Tucker(shape, fraction), .. FactorizationRanks.TensorTrain(shape, fraction)];
            Assert.That(actual, Is.EqualTo(expected), $"rank {fraction}");
        }
    }

    private static (int ExitCode, string Output) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }

    [Test]
    public void ParametersCarryTltorchStateDictNames()
    {
        var init = new Initialization(0);
        Assert.That(SpectralWeights.Create<double>("w", "cp", 0.5, 3, 4, [3, 2], init).Parameters.Select(p => p.Name),
            Is.EqualTo(new[] { "w.weights", "w.factors.factor_0", "w.factors.factor_1", "w.factors.factor_2", "w.factors.factor_3" }));
        Assert.That(SpectralWeights.Create<double>("w", "tucker", 0.5, 3, 4, [3, 2], init).Parameters.Select(p => p.Name),
            Is.EqualTo(new[] { "w.core", "w.factors.factor_0", "w.factors.factor_1", "w.factors.factor_2", "w.factors.factor_3" }));
        var tt = (TtSpectralWeight<double>)SpectralWeights.Create<double>("w", "tt", 0.5, 3, 4, [3, 2], init);
        Assert.That(tt.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "w.factors.factor_0", "w.factors.factor_1", "w.factors.factor_2", "w.factors.factor_3" }));
        Assert.That(tt.Factors.Select(f => f.Value.Shape.ToArray()),
            Is.EqualTo(Enumerable.Range(0, 4).Select(j => new[] { tt.Ranks[j], new[] { 3, 4, 3, 2 }[j], tt.Ranks[j + 1] })));
        Assert.That(tt.Parameters.All(p => p.Value.IsComplex));
    }

    [TestCase("cp")]
    [TestCase("tucker")]
    [TestCase("tt")]
    public void ReconstructionStartsWithTheDenseScale(string factorization)
    {
        // The dense initialisation has E|W|² = σ² = 2/(I + O); the factor initialisations are chosen to match it.
        double sigma = Math.Sqrt(2.0 / 64), sum = 0;
        int count = 0;
        for (int seed = 0; seed < 4; seed++)
        {
            Tensor<double> w = SpectralWeights.Create<double>("w", factorization, 0.1, 32, 32, [12, 7], new Initialization(seed)).Dense(null).Value;
            sum += w.Data.Sum(v => v * v);
            count += w.Count;
        }
        double rms = Math.Sqrt(sum / count);
        TestContext.Out.WriteLine($"{factorization}: rms {rms:G4} against σ {sigma:G4}");
        Assert.That(rms / sigma, Is.InRange(0.7, 1.4));
    }

    [Test]
    public void OptionsCheckTheImplementation()
    {
        Assert.That(new FnoOptions().Implementation, Is.EqualTo("factorized"));
        Assert.That(new FnoOptions { Factorization = "tt", Implementation = "reconstructed" }.Checked().Implementation, Is.EqualTo("reconstructed"));
        Assert.That(Assert.Throws<ArgumentException>(() => new FnoOptions { Implementation = "einsum" }.Checked())!.ParamName, Is.EqualTo("implementation"));
        Assert.Throws<ArgumentException>(() => SpectralWeights.Create<double>("w", "cp", 0.5, 3, 4, [3], new Initialization(0), "einsum"));
    }

    private static IEnumerable<TestCaseData> FnoCases() =>
        from f in new[] { "dense", "cp", "tucker", "tt" }
        from implementation in SpectralWeights.Implementations
        where f != "dense" || implementation == SpectralWeights.Factorized
        select new TestCaseData(f, implementation);

    [TestCaseSource(nameof(FnoCases))]
    public void FnoGradientMatchesFiniteDifferences(string factorization, string implementation)
    {
        var model = new Fno<double>(new FnoOptions
        {
            HiddenChannels = 4, Modes = [4, 4], Layers = 2, Factorization = factorization, Rank = 0.5, Implementation = implementation, Seed = 3,
        });
        Tensor<double> x = Random([2, 1, 8, 8], 4), target = Random([2, 1, 8, 8], 5);
        double error = ParameterGradientCheck.RelativeError([.. model.Parameters],
            tape => Ops.MeanSquaredError(model.Forward(Tape<double>.Constant(x), tape), target), maxEntries: 200);
        Assert.That(error, Is.LessThan(1e-6));
    }
}
