namespace Rom.Cases;

/// <summary>Numbered lists of matrices in a case file: CSR groups NAME/0, NAME/1, ... (SciPy layout), as users write them.</summary>
public static class CaseMatrices
{
    /// <summary>
    /// Reads the square CSR matrices /<paramref name="groupPath"/>/0..N−1, all of one size; a missing group, a gap in
    /// the names, a malformed, non-square or differently sized matrix raises an error naming the object, and so does an
    /// asymmetric one when <paramref name="symmetric"/> is set (<see cref="CsrMatrix.AreSymmetricTwins"/>).
    /// </summary>
    public static List<CsrMatrix> ReadSquare(DataGroup root, string groupPath, string filePath, string expected, bool symmetric = false)
    {
        ArgumentNullException.ThrowIfNull(root);
        string field = "/" + groupPath;
        if (!root.TryGetGroup(groupPath, out var group) || group.Groups.Count == 0)
            throw new CaseInputException(field, "nothing (group missing or empty)", expected, filePath);
        var matrices = new List<CsrMatrix>();
        for (int i = 0; i < group.Groups.Count; i++)
        {
            if (!group.Groups.TryGetValue(i.ToString(), out var g))
                throw new CaseInputException(field, $"members {string.Join(", ", group.Groups.Keys)}", $"consecutive names 0..{group.Groups.Count - 1} (missing '{i}')", filePath);
            var a = CsrGroup.Read(g, filePath, $"{field}/{i}");
            if (a.Rows != a.Cols)
                throw new CaseInputException($"{field}/{i}", $"shape [{a.Rows}, {a.Cols}]", "a square matrix", filePath);
            if (i > 0 && a.Rows != matrices[0].Rows)
                throw new CaseInputException($"{field}/{i}", $"shape [{a.Rows}, {a.Cols}]", $"[{matrices[0].Rows}, {matrices[0].Cols}] like {field}/0", filePath);
            if (symmetric && a.FindAsymmetry() is var (row, col, value, twin))
                throw new CaseInputException($"{field}/{i}", $"a[{row}, {col}] = {value:G17} but a[{col}, {row}] = {twin:G17}",
                    $"a symmetric matrix (|a_ij − a_ji| ≤ {CsrMatrix.SymmetryTolerance:G0}·max(|a_ij|, |a_ji|, √|a_ii·a_jj|))", filePath);
            matrices.Add(a);
        }
        return matrices;
    }
}
