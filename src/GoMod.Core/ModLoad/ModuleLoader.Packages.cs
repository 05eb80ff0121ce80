using GoMod.Core.Packages;

namespace GoMod.Core.ModLoad;

internal sealed partial class ModuleLoader
{
    /// <summary>
    /// go's <c>LoadPackages</c>: the main go.mod's requirements (<see cref="LoadModFileAsync"/>), then the packages
    /// matched by <paramref name="patterns"/> and everything they import (see <see cref="PackageLoader"/>). Patterns:
    /// <c>all</c>, directory patterns of the main module (<c>.</c>, <c>./...</c>, <c>./dir/...</c>), import paths.
    /// The graph's requirements are what <see cref="CommitAsync"/> writes under <c>-mod=mod</c>.
    /// </summary>
    public async Task<PackageGraph> LoadPackagesAsync(IReadOnlyList<string> patterns, PackageLoadOptions options, CancellationToken ct)
    {
        var rs = await LoadModFileAsync(LoadCommand.List, ct).ConfigureAwait(false);
        return await LoadPackagesAsync(rs, patterns, options, ct).ConfigureAwait(false);
    }

    /// <summary>The package load from requirements the caller already has (go get's current ones).</summary>
    public Task<PackageGraph> LoadPackagesAsync(Requirements rs, IReadOnlyList<string> patterns, PackageLoadOptions options, CancellationToken ct) =>
        new PackageLoader(this, options).LoadAsync(rs, patterns, ct);
}
