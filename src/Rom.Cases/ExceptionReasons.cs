namespace Rom.Cases;

/// <summary>Exception text for one-line error messages.</summary>
public static class ExceptionReasons
{
    /// <summary>The exception's message without the " (Parameter 'name')" that .NET appends for argument exceptions.</summary>
    public static string Reason(this Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Message.Split(" (Parameter")[0];
    }
}
