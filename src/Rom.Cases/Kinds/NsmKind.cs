using Rom.Cases.Spectral;

namespace Rom.Cases.Kinds;

/// <summary>
/// A neural-spectral-method training case: a PDE problem and a network trained by its spectral residual loss, with no
/// solution data (<see cref="NsmCase"/>). It is trained into a model file (<c>rom train</c>, through
/// <see cref="NsmTraining.Run"/>), not run into results.
/// </summary>
public sealed class NsmKind() : TrainedCaseKind(
    "nsm",
    "train a neural spectral method (spectral residual loss, no data) on the periodic Poisson, reaction–diffusion or Navier–Stokes problem into a model file (rom train)",
    "Neural spectral method on the periodic Poisson problem (Du, Chalapathi & Krishnapriyan, ICLR 2024)",
    NsmCase.Settings);
