using System.Text;
using GoMod.Core.ModFile;

namespace GoMod.Core.ModLoad;

/// <summary>
/// One module as <c>go list -m</c> describes it (go's <c>modinfo.ModulePublic</c>, the fields this library fills).
/// </summary>
public sealed record ModuleInfo
{
    /// <summary>The module path.</summary>
    public required string Path { get; init; }

    /// <summary>The version; empty for the main module and for directory replacements.</summary>
    public string Version { get; init; } = "";

    /// <summary>The version query this entry answers, when it differs from the version (<c>go list -m path@query</c>).</summary>
    public string Query { get; init; } = "";

    /// <summary>The available versions (<c>-versions</c>).</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>The available upgrade (<c>-u</c>).</summary>
    public ModuleInfo? Update { get; init; }

    /// <summary>The replacement, if the module is replaced.</summary>
    public ModuleInfo? Replace { get; init; }

    /// <summary>The version's commit time from its <c>.info</c>.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>True for the main module.</summary>
    public bool Main { get; init; }

    /// <summary>True when the main module does not require it directly (no requirement, or one marked <c>// indirect</c>).</summary>
    public bool Indirect { get; init; }

    /// <summary>The directory holding the module's files, if extracted in the module cache (or the replacement directory).</summary>
    public string Dir { get; init; } = "";

    /// <summary>The go.mod file describing the module, if present (in the module cache for versions).</summary>
    public string GoMod { get; init; } = "";

    /// <summary>The go line of the module's go.mod.</summary>
    public string GoVersion { get; init; } = "";

    /// <summary>Retraction rationales, if the version is retracted (only when asked for).</summary>
    public IReadOnlyList<string> Retracted { get; init; } = [];

    /// <summary>The deprecation message of the module, if deprecated (only when asked for).</summary>
    public string Deprecated { get; init; } = "";

    /// <summary>The error met completing this entry, as go prints it.</summary>
    public string? Error { get; init; }

    /// <summary>The typed failure behind <see cref="Error"/> (not part of go's JSON).</summary>
    public Exception? Failure { get; init; }

    /// <summary>The <c>go list -m</c> text line: <c>path version</c>, with <c> => replacement</c> and decorations.</summary>
    public override string ToString()
    {
        static string VersionString(ModuleInfo m) => m.Retracted.Count == 0 ? m.Version : m.Version + " (retracted)";
        var s = new StringBuilder(Path);
        if (Version.Length != 0)
        {
            s.Append(' ').Append(VersionString(this));
            if (Update is not null) s.Append(" [").Append(VersionString(Update)).Append(']');
        }
        if (Deprecated.Length != 0) s.Append(" (deprecated)");
        if (Replace is not null)
        {
            s.Append(" => ").Append(Replace.Path);
            if (Replace.Version.Length != 0)
            {
                s.Append(' ').Append(VersionString(Replace));
                if (Replace.Update is not null) s.Append(" [").Append(VersionString(Replace.Update)).Append(']');
            }
            if (Replace.Deprecated.Length != 0) s.Append(" (deprecated)");
        }
        return s.ToString();
    }
}
