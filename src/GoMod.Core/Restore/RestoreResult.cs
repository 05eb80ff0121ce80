using GoMod.Core.Diagnostics;
using GoMod.Core.GoEnv;

namespace GoMod.Core.Restore;

/// <summary>What a restore produced: the build list (main module first) and every diagnostic, errors and warnings alike.</summary>
public sealed record RestoreResult(IReadOnlyList<RestoredModule> Modules, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The <c>-mod=</c> mode the restore ran in, after GoModMode, GOFLAGS and go's default.</summary>
    public ModMode Mode { get; init; } = ModMode.ReadOnly;

    /// <summary>How many modules were downloaded (the rest came from the module cache).</summary>
    public int Downloaded { get; init; }

    /// <summary>Zip bytes downloaded.</summary>
    public long DownloadedBytes { get; init; }

    /// <summary>What go would print along the way that is no diagnostic (<c>go: finding module for package …</c>, <c>go: found … in …</c>).</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>
    /// Files besides go.mod and go.sum whose content decided this restore, for the build's up-to-date check: in workspace
    /// mode go.work, go.work.sum and every used module's go.mod and go.sum (those that exist).
    /// </summary>
    public IReadOnlyList<string> InputFiles { get; init; } = [];

    /// <summary>The retraction/deprecation lookups this restore made or reused (null when it made none), for the next restore.</summary>
    public RequirementNotices? Notices { get; init; }

    /// <summary>
    /// The main module's top-level directories its go.mod's <c>ignore</c> directives name (Go 1.25+) that hold no
    /// package this restore loaded (full paths): nothing in them can change what the restore loads until a file
    /// outside them does, so the build's up-to-date check need not walk them. Empty when the restore loaded no packages.
    /// </summary>
    public IReadOnlyList<string> IgnoredDirectories { get; init; } = [];

    /// <summary>True when no diagnostic is an error.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
