namespace Rom.IO.Torch;

/// <summary>The element types of PyTorch storages.</summary>
public enum TorchDType
{
    /// <summary>torch.float32.</summary>
    Float32,
    /// <summary>torch.float64.</summary>
    Float64,
    /// <summary>torch.float16.</summary>
    Float16,
    /// <summary>torch.bfloat16.</summary>
    BFloat16,
    /// <summary>torch.complex64 (interleaved real, imaginary float32).</summary>
    Complex64,
    /// <summary>torch.complex128.</summary>
    Complex128,
    /// <summary>torch.int64.</summary>
    Int64,
    /// <summary>torch.int32.</summary>
    Int32,
    /// <summary>torch.int16.</summary>
    Int16,
    /// <summary>torch.int8.</summary>
    Int8,
    /// <summary>torch.uint8.</summary>
    UInt8,
    /// <summary>torch.bool.</summary>
    Bool,
}

/// <summary>Sizes and names of <see cref="TorchDType"/>.</summary>
public static class TorchDTypes
{
    /// <summary>Bytes per element.</summary>
    public static int ItemSize(this TorchDType dtype) => dtype switch
    {
        TorchDType.Float64 or TorchDType.Int64 or TorchDType.Complex64 => 8,
        TorchDType.Complex128 => 16,
        TorchDType.Float32 or TorchDType.Int32 => 4,
        TorchDType.Float16 or TorchDType.BFloat16 or TorchDType.Int16 => 2,
        _ => 1,
    };
}
