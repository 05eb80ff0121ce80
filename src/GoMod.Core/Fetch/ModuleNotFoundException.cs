namespace GoMod.Core.Fetch;

/// <summary>
/// The module or version does not exist at its source (go's <c>fs.ErrNotExist</c> class: 404/410 from a proxy, a
/// missing file, no such version): queries fall through it and a <c>,</c>-separated GOPROXY list moves on.
/// </summary>
public class ModuleNotFoundException : ModuleFetchException
{
    /// <summary>Module <paramref name="path"/>@<paramref name="version"/> is not there, as <paramref name="detail"/> says.</summary>
    public ModuleNotFoundException(string path, string version, string detail, Exception? cause = null)
        : base(path, version, detail, cause)
    {
    }
}
