namespace Rom.Tests.Models.Darcy;

public class FluxDifferencesTests
{
    // A smooth coefficient and solution: u = sin(πx) sin(πy) (zero on the boundary), a = 1 + x + 2y²,
    // f = −∇·(a∇u) = −(a_x u_x + a_y u_y + a Δu).
    private static double A(double x, double y) => 1 + x + 2 * y * y;

    private static double U(double x, double y) => Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y);

    private static double F(double x, double y)
    {
        double ux = Math.PI * Math.Cos(Math.PI * x) * Math.Sin(Math.PI * y), uy = Math.PI * Math.Sin(Math.PI * x) * Math.Cos(Math.PI * y);
        return -(1 * ux + 4 * y * uy - 2 * Math.PI * Math.PI * A(x, y) * U(x, y));
    }

    private static double MaxError(int s, FaceAverage average)
    {
        double h = 1.0 / (s - 1);
        var a = new double[s * s];
        for (int j = 0; j < s; j++)
            for (int i = 0; i < s; i++)
                a[i + s * j] = A(i * h, j * h);
        var (matrix, b) = FluxDifferences.Assemble(a, s, 2, average);
        int m = s - 2;
        // b = h²·1 for f = 1; scale it by f at each interior point (unknown p is the point (1 + p mod m, 1 + p div m)).
        for (int p = 0; p < b.Length; p++)
            b[p] *= F((1 + p % m) * h, (1 + p / m) * h);
        var u = new double[b.Length];
        SparseCholesky.Factor(matrix).Solve(b, u);
        return Enumerable.Range(0, u.Length).Max(p => Math.Abs(u[p] - U((1 + p % m) * h, (1 + p / m) * h)));
    }

    [TestCase(FaceAverage.Arithmetic)]
    [TestCase(FaceAverage.Harmonic)]
    public void TheSolutionConvergesAtSecondOrderForASmoothCoefficient(FaceAverage average)
    {
        var errors = new[] { 17, 33, 65 }.Select(s => MaxError(s, average)).ToArray();
        var orders = errors.Zip(errors.Skip(1), (coarse, fine) => Math.Log2(coarse / fine)).ToArray();
        TestContext.Out.WriteLine($"{average}: max errors {string.Join(", ", errors.Select(e => e.ToString("E2")))}, orders {string.Join(", ", orders.Select(o => o.ToString("F3")))}");
        Assert.That(orders, Is.All.InRange(1.9, 2.1));
        Assert.That(errors[^1], Is.LessThan(1e-3));
    }

    [Test]
    public void FacesAverageTheirTwoPoints()
    {
        // s = 4: four unknowns (1,1) (2,1) (1,2) (2,2) → p = 0, 1, 2, 3; the field has distinct values everywhere.
        const int s = 4;
        var a = Enumerable.Range(0, s * s).Select(k => 1.0 + k * k).ToArray();
        double At(int i, int j) => a[i + s * j];
        foreach (var (average, mean) in new (FaceAverage, Func<double, double, double>)[]
                 { (FaceAverage.Arithmetic, (p, q) => (p + q) / 2), (FaceAverage.Harmonic, (p, q) => 2 * p * q / (p + q)) })
        {
            var (matrix, b) = FluxDifferences.Assemble(a, s, 2, average);
            Assert.That(matrix[0, 1], Is.EqualTo(-mean(At(1, 1), At(2, 1))), $"{average}: x-face between (1,1) and (2,1)");
            Assert.That(matrix[0, 2], Is.EqualTo(-mean(At(1, 1), At(1, 2))), $"{average}: y-face between (1,1) and (1,2)");
            Assert.That(matrix[0, 3], Is.Zero);
            Assert.That(matrix[3, 1], Is.EqualTo(matrix[1, 3]));
            double diagonal = mean(At(1, 1), At(0, 1)) + mean(At(1, 1), At(2, 1)) + mean(At(1, 1), At(1, 0)) + mean(At(1, 1), At(1, 2));
            Assert.That(matrix[0, 0], Is.EqualTo(diagonal).Within(1e-13 * diagonal), $"{average}: the faces to the boundary count on the diagonal");
            Assert.That(b, Is.All.EqualTo(1.0 / 9).Within(1e-16));
        }
    }

    [Test]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => FluxDifferences.Assemble(new double[8], 3, 2, FaceAverage.Arithmetic));
        Assert.Throws<ArgumentException>(() => FluxDifferences.Assemble([1, 1, 1, 1, 0, 1, 1, 1, 1], 3, 2, FaceAverage.Arithmetic));
        Assert.Throws<ArgumentOutOfRangeException>(() => FluxDifferences.Assemble(Enumerable.Repeat(1.0, 9).ToArray(), 3, 2, (FaceAverage)7));
    }
}
