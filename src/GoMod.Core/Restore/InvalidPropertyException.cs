namespace GoMod.Core.Restore;

/// <summary>An MSBuild property holds a value outside its allowed set; the message names the property and the values it takes.</summary>
public sealed class InvalidPropertyException(string property, string value, string message) : Exception(message)
{
    /// <summary>The property (GoModMode, GoImportComments…).</summary>
    public string Property { get; } = property;

    /// <summary>The value given.</summary>
    public string Value { get; } = value;
}
