using GoMod.Core.Semver;

namespace GoMod.Core.Module;

/// <summary>
/// An error about one module version (Go's <c>module.ModuleError</c>). The message is go's:
/// <c>path@version: detail</c>; <c>module path: detail</c> when there is no version; and
/// <c>path@version: invalid version: detail</c> (or <c>invalid pseudo-version</c>) when the cause is an
/// <see cref="InvalidVersionException"/>.
/// </summary>
public class ModuleException : Exception
{
    /// <summary>An error about <paramref name="path"/>@<paramref name="version"/> described by <paramref name="detail"/>.</summary>
    public ModuleException(string path, string version, string detail)
        : base(Format(path, version, detail))
    {
        Path = path ?? "";
        Version = version ?? "";
        Detail = detail ?? "";
    }

    /// <summary>
    /// An error about <paramref name="path"/>@<paramref name="version"/> described by <paramref name="detail"/>, caused by
    /// <paramref name="inner"/> (kept as <see cref="Exception.InnerException"/> for callers that classify failures).
    /// </summary>
    public ModuleException(string path, string version, string detail, Exception? inner)
        : base(Format(path, version, detail), inner)
    {
        Path = path ?? "";
        Version = version ?? "";
        Detail = detail ?? "";
    }

    /// <summary>
    /// An error about <paramref name="path"/>@<paramref name="version"/> caused by <paramref name="inner"/>. When the
    /// cause is an <see cref="InvalidVersionException"/>, its version is the one reported (as in go).
    /// </summary>
    public ModuleException(string path, string version, Exception inner)
        : base(Format(path, version, inner), inner)
    {
        Path = path ?? "";
        Version = inner is InvalidVersionException iv && string.IsNullOrEmpty(version) ? iv.Version : version ?? "";
        Detail = inner is InvalidVersionException ive ? $"invalid {ive.Noun}: {ive.Detail}" : inner.Message;
    }

    /// <summary>The module path.</summary>
    public string Path { get; }

    /// <summary>The version, or <c>""</c> when the error is about the module as a whole.</summary>
    public string Version { get; }

    /// <summary>The message without the <c>path@version: </c> prefix.</summary>
    public string Detail { get; }

    /// <summary>
    /// Go's <c>module.VersionError</c>: attributes <paramref name="error"/> to <paramref name="module"/>, returning it
    /// unchanged if it already is a <see cref="ModuleException"/> for that same path and version.
    /// </summary>
    public static ModuleException For(ModuleVersion module, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is ModuleException me && me.Path == module.Path && me.Version == (module.Version ?? "")) return me;
        return new ModuleException(module.Path, module.Version ?? "", error);
    }

    private static string Format(string path, string version, string detail)
        => string.IsNullOrEmpty(version) ? $"module {path}: {detail}" : $"{path}@{version}: {detail}";

    private static string Format(string path, string version, Exception inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner is InvalidVersionException iv) return $"{path}@{iv.Version}: invalid {iv.Noun}: {iv.Detail}";
        return Format(path, version, inner.Message);
    }
}
