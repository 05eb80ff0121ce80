using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.Module;

namespace GoMod.Core.ModSummaries;

/// <summary>The one place that reads dependencies' go.mod files through <see cref="GoModFile"/> for MVS.</summary>
internal static class ModSummaryReader
{
    /// <summary>Summarises a dependency's go.mod, parsed laxly as go parses dependency go.mod files.</summary>
    /// <exception cref="ModFileParseException">The file does not parse.</exception>
    public static ModSummary Summarize(string fileName, byte[] data, StringPool? pool = null)
    {
        if (FastModSummary.TryParse(data, out var fast, pool)) return fast!;
        return SummarizeWithParser(fileName, data);
    }

    /// <summary>The summary through the full lax parser (what <see cref="FastModSummary"/> must agree with).</summary>
    public static ModSummary SummarizeWithParser(string fileName, byte[] data)
    {
        var f = GoModFile.ParseLax(fileName, Encoding.UTF8.GetString(data));
        var go = Go119Version(f.Go ?? "");
        var require = new ModuleVersion[f.Require.Count];
        for (int i = 0; i < require.Length; i++) require[i] = new ModuleVersion(f.Require[i].Path, f.Require[i].Version);
        var retract = f.Retract.ToArray();
        return new ModSummary(
            f.Module?.Path ?? "",
            f.Module?.Deprecated ?? "",
            go,
            ModSummary.PruningForGoVersion(go),
            require,
            retract);
    }

    private static readonly System.Text.RegularExpressions.Regex GoVersionRe = new(@"^([1-9][0-9]*)\.(0|[1-9][0-9]*)$");
    private static readonly System.Text.RegularExpressions.Regex LaxGoVersionRe = new(@"^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$");

    /// <summary>
    /// A dependency's go line as go 1.19 reads it: <c>1.N</c> as is, and a newer form (<c>1.21.0</c>, <c>1.21rc1</c>)
    /// cut to its <c>1.N</c> prefix, so pruning and <c>GoVersion</c> follow the release we reproduce.
    /// </summary>
    internal static string Go119Version(string v)
    {
        if (v.Length == 0 || GoVersionRe.IsMatch(v)) return v;
        var m = LaxGoVersionRe.Match(v);
        return m.Success ? m.Groups[1].Value : v;
    }
}
