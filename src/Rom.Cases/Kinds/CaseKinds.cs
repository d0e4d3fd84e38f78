namespace Rom.Cases.Kinds;

/// <summary>The registry of case kinds Rom can run.</summary>
public static class CaseKinds
{
    /// <summary>Every kind, in the order help lists them.</summary>
    public static IReadOnlyList<ICaseKind> All { get; } = [new ThermalBlockKind(), new ThermalBumpKind(), new AffineSystemKind(), new OperatorEimKind(), new NonlinearHeatKind(), new SweepKind(), new FnoKind(), new NsmKind(), new GpPdeKind()];

    /// <summary>The kind of this name, or null.</summary>
    public static ICaseKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}
