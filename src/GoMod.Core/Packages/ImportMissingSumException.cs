using GoMod.Core.ModLoad;
using GoMod.Core.Module;
using GoMod.Core.Sum;

namespace GoMod.Core.Packages;

/// <summary>
/// go's <c>ImportMissingSumError</c>: under readonly, a module that may provide an imported package has no zip line in
/// go.sum, so the import cannot be checked (<c>missing go.sum entry for module providing package X (imported by Y); to
/// add:\n\tgo get Y</c>). The <see cref="MissingGoSumEntryException"/> of the first such module is the inner exception.
/// </summary>
public sealed class ImportMissingSumException : GoCommandException
{
    internal ImportMissingSumException(string path, IReadOnlyList<ModuleVersion> modules, bool found, string? importer, string importerVersion, bool importerIsTest)
        : base(Format(path, modules, found, importer, importerVersion, importerIsTest), new MissingGoSumEntryException(modules[0], goMod: false))
    {
        ImportPath = path;
        Modules = modules;
        Found = found;
    }

    /// <summary>The import path.</summary>
    public string ImportPath { get; }

    /// <summary>The modules whose zip sums are missing.</summary>
    public IReadOnlyList<ModuleVersion> Modules { get; }

    /// <summary>The same failure, now knowing the importing package (go adds it after loading).</summary>
    internal ImportMissingSumException WithImporter(string importer, string importerVersion, bool importerIsTest) =>
        new(ImportPath, Modules, Found, importer, importerVersion, importerIsTest);

    /// <summary>The package was found, but other modules that could provide it have no sum.</summary>
    public bool Found { get; }

    private static string Format(string path, IReadOnlyList<ModuleVersion> modules, bool found, string? importer, string importerVersion, bool importerIsTest)
    {
        var paren = importer is null ? "" : $" (imported by {importer})";
        var message = found
            ? $"missing go.sum entry needed to verify package {path}{paren} is provided by exactly one module"
            : $"missing go.sum entry for module providing package {path}{paren}";
        if (importer is null)
            return modules.Count == 0 ? message : $"{message}; to add:\n\tgo mod download {string.Join(' ', modules.Select(m => m.Path))}";
        var version = importerVersion.Length == 0 ? "" : "@" + importerVersion;
        return $"{message}; to add:\n\tgo get{(importerIsTest ? " -t" : "")} {importer}{version}";
    }
}
