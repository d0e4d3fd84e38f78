using Rom.Cases.Spectral;

namespace Rom.Cases.Kinds;

/// <summary>
/// A neural-spectral-method training case: a PDE problem and a network trained by its spectral residual loss, with no
/// solution data (<see cref="NsmCase"/>). It is trained into a model file (<c>rom train</c>, through
/// <see cref="NsmTraining.Run"/>), not run into results.
/// </summary>
public sealed class NsmKind : ICaseKind
{
    /// <inheritdoc />
    public string Name => "nsm";

    /// <inheritdoc />
    public string Summary => "train a neural spectral method (spectral residual loss, no data) on the periodic Poisson, reaction–diffusion or Navier–Stokes problem into a model file (rom train)";

    /// <inheritdoc />
    public string DefaultTitle => "Neural spectral method on the periodic Poisson problem (Du, Chalapathi & Krishnapriyan, ICLR 2024)";

    /// <inheritdoc />
    public IReadOnlyList<SettingDefinition> Settings => NsmCase.Settings;

    /// <summary>Refuses: an nsm case is trained into a model file, which <c>rom run</c> does not write.</summary>
    /// <exception cref="CaseInputException">Always, pointing at <c>rom train</c>.</exception>
    public CaseRunOutcome Run(CaseRun run) =>
        throw new CaseInputException("/@kind", "'nsm'", "a case kind rom run runs; an nsm case is trained: rom train CASE --out MODEL.h5", run.Document.Path);
}
