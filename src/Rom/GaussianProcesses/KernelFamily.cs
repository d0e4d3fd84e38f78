namespace Rom.GaussianProcesses;

/// <summary>
/// The envelope of each spectral-mixture component (Fang et al., ICLR 2024, §4): its Fourier transform is a
/// Gaussian or a Student-t density around the component's frequency.
/// </summary>
public enum KernelFamily
{
    /// <summary>w · exp(−ℓ d²) · cos(2π f d): a Gaussian spectral density.</summary>
    Gaussian,

    /// <summary>w · Matérn-5/2(d; ℓ) · cos(2π f d), Matérn-5/2(d; ℓ) = (1 + √5 ℓ d + 5/3 ℓ² d²) e^(−√5 ℓ d): a Student-t spectral density.</summary>
    StudentT,
}
