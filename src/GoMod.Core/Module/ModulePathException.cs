using GoMod.Core.Internal;

namespace GoMod.Core.Module;

/// <summary>
/// A module, import or file path that breaks the naming rules (Go's <c>module.InvalidPathError</c>), with go's
/// message: <c>malformed module path "x": missing dot in first path element</c>.
/// </summary>
public sealed class ModulePathException : FormatException
{
    /// <summary>Creates the error; <paramref name="kind"/> is <c>module</c>, <c>import</c> or <c>file</c>.</summary>
    public ModulePathException(string kind, string path, string detail)
        : base($"malformed {kind} path {GoString.Quote(path)}: {detail}")
    {
        Kind = kind;
        Path = path;
        Detail = detail;
    }

    /// <summary><c>module</c>, <c>import</c> or <c>file</c>: which rule set the path failed.</summary>
    public string Kind { get; }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>The rule broken, e.g. <c>trailing dot in path element</c>.</summary>
    public string Detail { get; }
}
