namespace GoMod.Core.Restore;

/// <summary>
/// Interim module-cache paths until GoMod.Core.Module.ModulePath.EscapePath/EscapeVersion and the Fetch cache land:
/// an upper-case letter becomes '!' plus its lower case, as Go's case-encoding does.
/// </summary>
internal static class InterimModuleCache
{
    public static string Dir(string modCache, string path, string version) =>
        System.IO.Path.Combine(modCache, Escape(path).Replace('/', System.IO.Path.DirectorySeparatorChar) + "@" + Escape(version));

    private static string Escape(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length + 4);
        foreach (var c in s)
        {
            if (c is >= 'A' and <= 'Z') sb.Append('!').Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
