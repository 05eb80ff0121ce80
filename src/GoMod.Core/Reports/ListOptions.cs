using GoMod.Core.ModLoad;

namespace GoMod.Core.Reports;

/// <summary>The flags of <c>go list -m</c> this library reproduces.</summary>
public sealed record ListOptions
{
    /// <summary><c>-json</c>: print each module as Go's indented JSON instead of <c>path version[ => replacement]</c>.</summary>
    public bool Json { get; init; }

    /// <summary><c>-u</c>: add available upgrades (<c>[v1.2.0]</c>), retractions and deprecations.</summary>
    public bool Update { get; init; }

    /// <summary><c>-retracted</c>: report retracted versions (and, with <see cref="Versions"/>, list them).</summary>
    public bool Retracted { get; init; }

    /// <summary><c>-versions</c>: list each module's available versions.</summary>
    public bool Versions { get; init; }

    /// <summary>GOMODCACHE, to fill the JSON <c>GoMod</c> and <c>Dir</c> fields when the files are there.</summary>
    public string? ModCache { get; init; }

    /// <summary>
    /// The build list only: each module's path, version, replacement and indirect flag, without the <c>.info</c> (time)
    /// and go.mod (go version) lookups and module cache files of <c>go list -m</c>'s report. A restore needs no more, and
    /// so asks the proxy only for the go.mod files the module graph itself reads, as <c>go mod download</c> does.
    /// </summary>
    public bool BuildListOnly { get; init; }

    /// <summary>How go runs.</summary>
    public LoadOptions Mvs { get; init; } = new();
}
