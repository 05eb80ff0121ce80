namespace GoMod.Core.Zip;

/// <summary>
/// TEMPORARY: reads the version on a go.mod's <c>go</c> line until GoMod.Core.ModFile (GoModFile.ParseLax) lands on
/// main; <see cref="ZipFileSelection.RootGoVersion"/> is its only caller.
/// </summary>
internal static class GoLineSeam
{
    /// <summary>The version on the first <c>go</c> line, or null when there is none.</summary>
    public static string? GoVersion(string goModText)
    {
        foreach (var raw in goModText.Split('\n'))
        {
            var line = raw;
            var comment = line.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            var fields = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && fields[0] == "go") return fields[1];
        }
        return null;
    }
}
