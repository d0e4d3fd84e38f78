namespace Rom.IO.Hdf5;

/// <summary>Element type of a dataset or attribute as stored in the file.</summary>
public enum DataType
{
    /// <summary>IEEE 754 double precision (8 bytes).</summary>
    Float64,
    /// <summary>IEEE 754 single precision (4 bytes).</summary>
    Float32,
    /// <summary>Signed 64-bit integer.</summary>
    Int64,
    /// <summary>Signed 32-bit integer.</summary>
    Int32,
    /// <summary>Signed 16-bit integer.</summary>
    Int16,
    /// <summary>Signed 8-bit integer.</summary>
    Int8,
    /// <summary>Unsigned 64-bit integer (values above <see cref="long.MaxValue"/> are not supported).</summary>
    UInt64,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8,
    /// <summary>Text: UTF-8 when written; fixed- or variable-length when read.</summary>
    String,
}
