namespace Rom.Models.FiniteElements;

/// <summary>How <see cref="StructuredTriangulation"/> cuts each square of the grid into triangles.</summary>
public enum TriangleSplit
{
    /// <summary>Two triangles per square, separated by the diagonal from bottom-left to top-right.</summary>
    Two,
    /// <summary>Four triangles per square around an extra centre node (pyMOR's TriaGrid layout).</summary>
    FourAroundCentre,
}
