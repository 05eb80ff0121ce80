using GoMod.Core.ModLoad;
using GoMod.Core.Module;

namespace GoMod.Core.Packages;

/// <summary>
/// go's <c>ImportMissingError</c>: no module of the build list provides an imported package. Its words depend on the
/// case, as go's do: a dotless path not in the standard library (<c>package X is not in GOROOT (dir)</c>); a failed
/// lookup under <c>-mod=mod</c> (<c>cannot find module providing package X: cause</c>, the cause as
/// <see cref="Exception.InnerException"/>); under readonly, go's fix (<c>no required module provides package X; to add
/// it:\n\tgo get X</c>), or the replaced-but-not-required module; or a module whose latest version provides the package
/// while the build list holds a newer one without it.
/// </summary>
public sealed class ImportMissingException : GoCommandException
{
    internal ImportMissingException(string path, string message, Exception? queryError = null, ModuleVersion module = default)
        : base(message, queryError)
    {
        ImportPath = path;
        Module = module;
    }

    /// <summary>The import path no module provides.</summary>
    public string ImportPath { get; }

    /// <summary>The module found at its latest version, when the build list holds a newer one; default otherwise.</summary>
    public ModuleVersion Module { get; }

    /// <summary>go's readonly case with no lookup: the message suggests <c>go get</c> (in a workspace, from which module).</summary>
    internal bool SuggestsGoGet { get; private init; }

    /// <summary>Whether the path is one only the standard library could provide (dotless).</summary>
    public bool IsStandard { get; private init; }

    /// <summary>A dotless path the standard library does not have; <paramref name="goRoot"/> as go names it (<c>$GOROOT</c> when unknown).</summary>
    internal static ImportMissingException NotInGoRoot(string path, string? goRoot) =>
        new(path, $"package {path} is not in GOROOT ({(goRoot is null ? "$GOROOT/src/" + path : Path.Combine(goRoot, "src", path))})") { IsStandard = true };

    /// <summary>
    /// No module provides the package: with the reason no module was looked up or the lookup's failure
    /// (<paramref name="queryText"/>, <paramref name="queryError"/>) when there is one; else under <c>-mod=mod</c>
    /// (<paramref name="modMode"/>) the bare fact, and otherwise with the command that adds one.
    /// </summary>
    internal static ImportMissingException NoModule(string path, bool modMode, Exception? queryError = null, string? queryText = null)
    {
        if (queryError is not null || queryText is not null)
            return new(path, $"cannot find module providing package {path}: {queryText ?? queryError!.Message}", queryError);
        if (modMode) return new(path, "cannot find module providing package " + path);
        return new(path, $"no required module provides package {path}; to add it:\n\tgo get {path}") { SuggestsGoGet = true };
    }

    /// <summary>
    /// In a workspace, no module provides the package and the main module importing it is not the one holding the
    /// working directory: go's fix names the directory to run <c>go get</c> in.
    /// </summary>
    internal static ImportMissingException NoModuleFrom(string path, string importingModuleRoot) =>
        new(path, $"no required module provides package {path}; to add it:\n\tcd {importingModuleRoot}\n\tgo get {path}");

    /// <summary>go's replaced-but-unused case: a replacement provides the package, but nothing requires the module.</summary>
    internal static ImportMissingException ReplacedNotRequired(string path, ModuleVersion replaced)
    {
        var arg = PseudoVersionZero(replaced.Version) ? replaced.Path : replaced.ToString();
        return new(path, $"module {replaced.Path} provides package {path} and is replaced but not required; to add it:\n\tgo get {arg}", null, replaced);
    }

    /// <summary>The latest version of <paramref name="found"/> provides the package but the build list has the newer <paramref name="selected"/>.</summary>
    internal static ImportMissingException NewerSelected(string path, ModuleVersion found, string selected) =>
        new(path, $"package {path} provided by {found.Path} at latest version {found.Version} but not at required version {selected}", null, found);

    private static bool PseudoVersionZero(string v) => v.Length == 0 || v.EndsWith("-00010101000000-000000000000", StringComparison.Ordinal);
}
