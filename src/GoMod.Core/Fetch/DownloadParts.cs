namespace GoMod.Core.Fetch;

/// <summary>Which files of a module version a batch download fetches into the cache.</summary>
[Flags]
public enum DownloadParts
{
    /// <summary>The <c>.info</c> file (version and commit time).</summary>
    Info = 1,

    /// <summary>The <c>.mod</c> file, checked against go.sum's <c>/go.mod</c> line.</summary>
    GoMod = 2,

    /// <summary>The <c>.zip</c> (and <c>.ziphash</c>), checked against go.sum.</summary>
    Zip = 4,

    /// <summary>The extracted, read-only source tree (implies <see cref="Zip"/>).</summary>
    Extract = 8,

    /// <summary>
    /// What a build needs so that the go command can also work offline on the same cache: go.mod, zip and
    /// extracted tree, plus .info, because <c>go list -m</c> reads it (it looks up each module's time).
    /// </summary>
    Build = Info | GoMod | Zip | Extract,

    /// <summary>Everything, like <c>go mod download</c>.</summary>
    All = Info | GoMod | Zip | Extract,
}
