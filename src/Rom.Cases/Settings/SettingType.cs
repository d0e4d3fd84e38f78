namespace Rom.Cases.Settings;

/// <summary>The type of a case setting, which fixes how it is stored in HDF5 and parsed from <c>--set</c>.</summary>
public enum SettingType
{
    /// <summary>A 64-bit integer attribute.</summary>
    Integer,
    /// <summary>A float64 attribute (integers are accepted).</summary>
    Real,
    /// <summary>A string attribute.</summary>
    Text,
    /// <summary>A 1-D float64 attribute; on the command line, comma-separated values.</summary>
    RealList,
}
