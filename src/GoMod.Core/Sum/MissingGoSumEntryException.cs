using GoMod.Core.Module;

namespace GoMod.Core.Sum;

/// <summary>
/// Under <c>-mod=readonly</c>, a module (zip or go.mod) has no go.sum line: nothing is downloaded. The message is go's
/// (<c>path@version: missing go.sum entry …; to add it: go mod download path</c>) plus how to let the build add it.
/// </summary>
public sealed class MissingGoSumEntryException : ModuleException
{
    /// <summary>No go.sum line for the zip (or, with <paramref name="goMod"/>, the go.mod) of <paramref name="module"/>.</summary>
    public MissingGoSumEntryException(ModuleVersion module, bool goMod)
        : this(module, goMod, FormatDetail(module, goMod))
    {
    }

    private MissingGoSumEntryException(ModuleVersion module, bool goMod, string detail)
        : base(module.Path, module.Version, detail)
    {
        Module = module;
        IsGoMod = goMod;
    }

    /// <summary>The module version without a go.sum entry.</summary>
    public ModuleVersion Module { get; }

    /// <summary>True when the missing line is the <c>/go.mod</c> one.</summary>
    public bool IsGoMod { get; }

    /// <summary>The command that adds the entry.</summary>
    public string Command => "go mod download " + Module.Path;

    /// <summary>
    /// The go.mod line is missing while the module graph is loaded, in <c>go list</c>'s words
    /// (<c>path@version: missing go.sum entry; to add it:\n\tgo mod download requiredPath</c>).
    /// </summary>
    public static MissingGoSumEntryException WhileLoading(ModuleVersion module, string requiredPath) =>
        new(module, goMod: true, $"missing go.sum entry; to add it:\n\tgo mod download {requiredPath}");

    /// <summary>A line the build needs is missing, in <c>go build</c>'s one-line words (<c>path@version: missing go.sum entry; to add it: go mod download path</c>).</summary>
    public static MissingGoSumEntryException ForBuild(ModuleVersion module, bool goMod) =>
        new(module, goMod, $"missing go.sum entry; to add it: go mod download {module.Path}");

    private static string FormatDetail(ModuleVersion m, bool goMod) =>
        $"missing go.sum entry{(goMod ? " for go.mod file" : "")}; to add it:\n\tgo mod download {m.Path}\n" +
        "\t(or build with GOFLAGS=-mod=mod to let missing go.sum entries be added)";
}
