using GoMod.Core.Restore;

namespace GoMod.Core.GoBuild;

/// <summary>What one go build compiles and how: the MSBuild properties of the GoBuild target, validated.</summary>
public sealed record GoBuildRequest
{
    /// <summary>The main module's directory (go.mod's); go runs there and <see cref="Packages"/> are relative to it.</summary>
    public required string ModuleDirectory { get; init; }

    /// <summary>The package patterns to build (GoPackages, default <c>.</c>).</summary>
    public IReadOnlyList<string> Packages { get; init; } = ["."];

    /// <summary>The build mode (GoBuildMode).</summary>
    public GoBuildMode Mode { get; init; } = GoBuildMode.Exe;

    /// <summary>GOOS/GOARCH of the build.</summary>
    public required GoPlatform Platform { get; init; }

    /// <summary>Build tags (GoTags), passed as <c>-tags=a,b</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Linker flags (GoLdFlags), passed as one <c>-ldflags</c> value; empty for none.</summary>
    public string LdFlags { get; init; } = "";

    /// <summary><c>-trimpath</c> (GoTrimPath): no file-system paths of this machine in the result.</summary>
    public bool TrimPath { get; init; } = true;

    /// <summary>CGO_ENABLED (GoCgoEnabled); null lets the mode decide (see <see cref="GoBuildCommand.CgoEnabled"/>).</summary>
    public bool? CgoEnabled { get; init; }

    /// <summary>The file passed to <c>-o</c> (full path); null in <see cref="GoBuildMode.Default"/>, which keeps nothing.</summary>
    public string? OutputFile { get; init; }

    /// <summary>The SDK's module cache (GOMODCACHE), where the restore put every module the build needs.</summary>
    public required string ModCache { get; init; }

    /// <summary>The go build cache (GOCACHE).</summary>
    public required string GoCache { get; init; }

    /// <summary>True when the SDK wrote vendor/: go builds from it (<c>-mod=vendor</c>) instead of the module cache.</summary>
    public bool Vendor { get; init; }

    /// <summary>
    /// The go.work that applies (workspace mode, as the restore found it), or null: go builds in that workspace
    /// (<c>GOWORK</c> set to it, go's readonly default) instead of with <c>GOWORK=off</c>.
    /// </summary>
    public string? WorkFile { get; init; }

    /// <summary>Parses GoBuildMode: <c>exe</c>, <c>c-shared</c>, <c>c-archive</c> or <c>default</c> (empty is <c>exe</c>).</summary>
    /// <exception cref="InvalidPropertyException">Any other value.</exception>
    public static GoBuildMode ParseMode(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "exe" => GoBuildMode.Exe,
        "c-shared" => GoBuildMode.CShared,
        "c-archive" => GoBuildMode.CArchive,
        "default" => GoBuildMode.Default,
        _ => throw new InvalidPropertyException("GoBuildMode", value!,
            $"GoBuildMode={value} not supported (can be 'exe', 'c-shared', 'c-archive' or 'default')"),
    };

    /// <summary>Parses GoBuild: <c>auto</c>, <c>true</c> or <c>false</c> (empty is <c>false</c>), lower-cased.</summary>
    /// <exception cref="InvalidPropertyException">Any other value.</exception>
    public static string ParseGoBuild(string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "false" => "false",
        "auto" => "auto",
        "true" => "true",
        _ => throw new InvalidPropertyException("GoBuild", value!, $"GoBuild={value} not supported (can be 'auto', 'true' or 'false')"),
    };

    /// <summary>Parses a true/false property; empty is null (the default applies).</summary>
    /// <exception cref="InvalidPropertyException">Anything but true, false or empty.</exception>
    public static bool? ParseSwitch(string property, string? value) => (value ?? "").Trim().ToLowerInvariant() switch
    {
        "" => null,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new InvalidPropertyException(property, value!, $"{property}={value} not supported (can be 'true' or 'false')"),
    };

    /// <summary>Splits a list property on <c>;</c>, <c>,</c> and spaces (go's -tags takes either separator), dropping empties.</summary>
    public static IReadOnlyList<string> SplitList(string? value) =>
        (value ?? "").Split([';', ',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
