using System.Text.Json;

namespace Rom.Tests.Models.Darcy;

public class SkrDarcyFamilyTests
{
    [Test]
    public void FieldMatchesNumpyForTheSameNoise()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Models", "Darcy", "Fixtures", "skr_darcy_reference.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        double[,] Grid(string name)
        {
            var rows = root.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();
            var grid = new double[rows.Length, rows[0].Length];
            for (int i = 0; i < rows.Length; i++)
                for (int j = 0; j < rows[i].Length; j++)
                    grid[i, j] = rows[i][j];
            return grid;
        }
        var a = SkrDarcyFamily.FieldFromNoise(Grid("xi1"), Grid("xi2"), root.GetProperty("alpha").GetDouble(), root.GetProperty("tau").GetDouble());
        var expected = Grid("a");
        Assert.That(a.GetLength(0), Is.EqualTo(root.GetProperty("s").GetInt32()));
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                Assert.That(a[i, j], Is.EqualTo(expected[i, j]).Within(1e-12 * expected[i, j]), $"a[{i},{j}]");
    }

    [Test]
    public void LogFieldHasZeroMeanAndIsSmooth()
    {
        var family = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 64, Count: 20, Seed: 3));
        double sum = 0, sumSq = 0, sumProduct = 0;
        int count = 0, pairs = 0;
        for (int index = 0; index < 20; index++)
        {
            var a = family.Coefficient(index);
            int s = a.GetLength(0);
            double fieldMean = 0;
            for (int i = 0; i < s; i++)
                for (int j = 0; j < s; j++)
                    fieldMean += Math.Log(a[i, j]) / (s * s);
            // √λ(0) = 0 removes the mean mode, so each field's log has mean zero exactly.
            Assert.That(fieldMean, Is.EqualTo(0).Within(1e-12));
            for (int i = 0; i < s; i++)
                for (int j = 0; j < s; j++)
                {
                    double g = Math.Log(a[i, j]);
                    sum += g; sumSq += g * g; count++;
                    sumProduct += g * Math.Log(a[i, (j + 1) % s]); pairs++;
                }
        }
        double variance = sumSq / count - Math.Pow(sum / count, 2);
        double correlation = sumProduct / pairs / variance;
        TestContext.Out.WriteLine($"var g = {variance:G3}, neighbour correlation = {correlation:G3}");
        Assert.That(variance, Is.GreaterThan(1e-3));
        Assert.That(correlation, Is.GreaterThan(0.9), "a smooth field: neighbouring values correlate");
    }

    [Test]
    public void MatrixHasFivePointStructureWithFourADiagonal()
    {
        var family = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 12, Count: 2, Seed: 5));
        var a = family.Coefficient(1);
        var (matrix, b) = family.System(1);
        int m = 10;
        Assert.That(matrix.Rows, Is.EqualTo(m * m));
        Assert.That(b, Is.All.EqualTo(1.0 / (11 * 11)).Within(1e-18));
        for (int i = 1; i <= m; i++)
            for (int j = 1; j <= m; j++)
            {
                int p = (i - 1) * m + j - 1;
                int entries = matrix.RowPointers[p + 1] - matrix.RowPointers[p];
                bool interior = i > 1 && i < m && j > 1 && j < m;
                if (interior) Assert.That(entries, Is.EqualTo(5));
                Assert.That(matrix[p, p], Is.EqualTo(4 * a[i, j]));
                double rowSum = 0;
                for (int q = matrix.RowPointers[p]; q < matrix.RowPointers[p + 1]; q++) rowSum += matrix.Values[q];
                double neighbours = (i > 1 ? a[i - 1, j] : 0) + (i < m ? a[i + 1, j] : 0) + (j > 1 ? a[i, j - 1] : 0) + (j < m ? a[i, j + 1] : 0);
                Assert.That(rowSum, Is.EqualTo(4 * a[i, j] - neighbours).Within(1e-12));
                if (j < m) Assert.That(matrix[p, p + 1], Is.EqualTo(-a[i, j + 1]));
            }
        Assert.That(matrix[0, 1], Is.Not.EqualTo(matrix[1, 0]), "A is not symmetric");
    }

    [Test]
    public void HelmholtzShiftsTheDiagonalBySquaredWavenumber()
    {
        var family = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 10, Count: 3, Seed: 1));
        var (darcy, _) = family.System(2);
        var (helmholtz, _) = family.HelmholtzSystem(2);
        double k = family.Wavenumber(2), h = 1.0 / 9;
        Assert.That(k, Is.InRange(0.0, 1.0));
        var shift = darcy.Diagonal().Zip(helmholtz.Diagonal(), (d, e) => d - e);
        Assert.That(shift, Is.All.EqualTo(h * h * k * k).Within(1e-15));
    }

    [Test]
    public void IsDeterministicAndChecksItsArguments()
    {
        var one = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 8, Count: 4, Seed: 9));
        var two = new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 8, Count: 4, Seed: 9));
        Assert.That(one.Coefficient(3), Is.EqualTo(two.Coefficient(3)));
        Assert.That(one.Coefficient(2), Is.Not.EqualTo(one.Coefficient(3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => one.Coefficient(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SkrDarcyFamily(new SkrDarcyOptions(GridSize: 2)));
        Assert.Throws<ArgumentException>(() => SkrDarcyFamily.FieldFromNoise(new double[4, 4], new double[4, 5], 2.5, 7));
    }
}
