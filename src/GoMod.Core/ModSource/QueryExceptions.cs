namespace GoMod.Core.ModSource;

/// <summary>
/// A version query found the module but no version satisfying it (go's <c>NoMatchingVersionError</c>):
/// <c>no matching versions for query "latest"</c>, with <c> (current version is v1.2.3)</c> for upgrade and patch.
/// </summary>
public sealed class NoMatchingVersionException : Exception
{
    /// <summary>Creates the error for <paramref name="query"/> relative to <paramref name="current"/>.</summary>
    public NoMatchingVersionException(string query, string current)
        : base(Format(query, current))
    {
        Query = query;
        Current = current;
    }

    /// <summary>The query that matched nothing.</summary>
    public string Query { get; }

    /// <summary>The version selected before the query ("" or "none" when none).</summary>
    public string Current { get; }

    private static string Format(string query, string current)
    {
        var suffix = (query is "upgrade" or "patch") && current.Length != 0 && current != "none" ? $" (current version is {current})" : "";
        return $"no matching versions for query \"{query}\"" + suffix;
    }
}
