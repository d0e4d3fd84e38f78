namespace Rom.Tests.Reduction.Residuals;

public class StableResidualBlockTests
{
    [Test]
    public void AppendingInBlocksGivesTheSameCoefficientsAsOneByOne()
    {
        const int n = 5000;   // more than one row tile
        var random = new Random(3);
        // X: an SPD tridiagonal matrix, so the X-inner product differs from the Euclidean one.
        var rows = new List<int>(); var cols = new List<int>(); var vals = new List<double>();
        for (int i = 0; i < n; i++)
        {
            rows.Add(i); cols.Add(i); vals.Add(4 + random.NextDouble());
            if (i + 1 < n) { rows.AddRange([i, i + 1]); cols.AddRange([i + 1, i]); vals.AddRange([-1.0, -1.0]); }
        }
        var x = CsrMatrix.FromTriplets(n, n, rows.ToArray(), cols.ToArray(), vals.ToArray());
        // 4 blocks of 9 vectors; the last vector of block 3 repeats a combination of earlier ones (dependent).
        var vectors = Enumerable.Range(0, 36).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray()).ToList();
        vectors[35] = vectors[0].Zip(vectors[20], (a, b) => 2 * a - b).ToArray();

        var single = new StableResidualNorm(x);
        foreach (var v in vectors) single.Append(v);
        var block = new StableResidualNorm(x);
        for (int b = 0; b < 4; b++) block.AppendBlock(vectors.GetRange(9 * b, 9));

        Assert.That(block.RangeDimension, Is.EqualTo(single.RangeDimension).And.EqualTo(35));
        var a1 = single.ToData().Matrix;
        var a2 = block.ToData().Matrix;
        Assert.That(a2.GetLength(0), Is.EqualTo(a1.GetLength(0)));
        Assert.That(a2.GetLength(1), Is.EqualTo(a1.GetLength(1)));
        double scale = a1.Cast<double>().Max(Math.Abs);
        for (int i = 0; i < a1.GetLength(0); i++)
            for (int j = 0; j < a1.GetLength(1); j++)
                Assert.That(a2[i, j], Is.EqualTo(a1[i, j]).Within(1e-10 * scale), $"B[{i},{j}]");
    }

    [Test]
    public void BlocksOfThermalBlockRepresentersMatchOneByOne()
    {
        // The representers the reductor appends: ξ = X⁻¹ A_q v for X-orthonormalised FOM-like vectors v.
        var model = ReductionTestProblems.SmallBlock(blocks: 2, squares: 20);
        var x = (CsrMatrix)model.EnergyProduct;
        var inverse = DenseCholeskyInverse.Factory(x);
        var random = new Random(7);
        var single = new StableResidualNorm(x);
        var block = new StableResidualNorm(x);
        var f = model.RightHandSide(ReductionTestProblems.Ones(model));
        var xi0 = new double[model.Dimension];
        inverse.Solve(f, xi0);
        single.Append(xi0);
        block.Append(xi0);
        for (int n = 0; n < 15; n++)
        {
            var mu = Rom.Parameters.ParameterSampling.Uniform(model.ParameterSpace, 1, seed: n)[0];
            var v = ReductionTestProblems.Solve(model, mu);
            var reps = model.AffineOperator.Terms.Select(a =>
            {
                var image = new double[model.Dimension];
                a.Apply(v, image);
                var xi = new double[model.Dimension];
                inverse.Solve(image, xi);
                return xi;
            }).ToList();
            foreach (var r in reps) single.Append(r);
            block.AppendBlock(reps);
            Assert.That(block.RangeDimension, Is.EqualTo(single.RangeDimension), $"after vector {n}");
        }
        var a1 = single.ToData().Matrix;
        var a2 = block.ToData().Matrix;
        double scale = a1.Cast<double>().Max(Math.Abs);
        for (int i = 0; i < a1.GetLength(0); i++)
            for (int j = 0; j < a1.GetLength(1); j++)
                Assert.That(a2[i, j], Is.EqualTo(a1[i, j]).Within(1e-8 * scale), $"B[{i},{j}]");
    }
}
