namespace GoMod.Core.Restore;

/// <summary>
/// Interim go.sum reader used by <see cref="ModuleRestorer"/> until GoMod.Core.Sum.GoSumFile lands: lines of
/// <c>path version hash</c>; blank lines skipped; any other field count is go's "wrong number of fields" error.
/// To be deleted when GoSumFile is merged.
/// </summary>
internal sealed class InterimSumFile
{
    private readonly Dictionary<(string Path, string Version), List<string>> _hashes = [];

    public (int Line, string Message)? Error { get; private set; }

    public static InterimSumFile Parse(string text)
    {
        var file = new InterimSumFile();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            if (f.Length != 3)
            {
                file.Error = (i + 1, $"wrong number of fields {f.Length}");
                return file;
            }
            if (!file._hashes.TryGetValue((f[0], f[1]), out var list)) file._hashes[(f[0], f[1])] = list = [];
            list.Add(f[2]);
        }
        return file;
    }

    /// <summary>The first h1: hash recorded for path@version (version may end in /go.mod), or "".</summary>
    public string Lookup(string path, string version) =>
        _hashes.TryGetValue((path, version), out var list) ? list.FirstOrDefault(h => h.StartsWith("h1:", StringComparison.Ordinal)) ?? list[0] : "";
}
