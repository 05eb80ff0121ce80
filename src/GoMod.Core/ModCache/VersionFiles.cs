namespace GoMod.Core.ModCache;

/// <summary>
/// Where one module version lives in the module cache, its path and version escaped and validated once
/// (<see cref="ModuleCache.FilesOf"/>): the files of <c>cache/download/&lt;escaped path&gt;/@v/&lt;escaped version&gt;.*</c>
/// are <see cref="Prefix"/> plus their suffix, and the extracted tree is <see cref="Dir"/>.
/// </summary>
public readonly record struct VersionFiles(string Prefix, string Dir)
{
    /// <summary>The <c>.info</c> file.</summary>
    public string Info => Prefix + "info";

    /// <summary>The <c>.mod</c> file.</summary>
    public string Mod => Prefix + "mod";

    /// <summary>The <c>.zip</c> file.</summary>
    public string Zip => Prefix + "zip";

    /// <summary>The <c>.ziphash</c> file.</summary>
    public string ZipHash => Prefix + "ziphash";

    /// <summary>The <c>.partial</c> marker that exists while the tree is being extracted.</summary>
    public string Partial => Prefix + "partial";

    /// <summary>The <c>cache/download/&lt;escaped path&gt;/@v</c> directory that holds the files above.</summary>
    public string DownloadDir => Path.GetDirectoryName(Prefix)!;
}
