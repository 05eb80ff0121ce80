using GoMod.Core.Internal;
using GoMod.Core.Semver;

namespace GoMod.Core.Module;

/// <summary>
/// A module path and version pair (Go's <c>module.Version</c>), both unescaped. Version is usually canonical
/// semver; it is <c>""</c> for the main module and for directory replacements, and <c>"none"</c> in MVS for
/// "no version selected". Equality is ordinal on both parts.
/// </summary>
/// <param name="Path">The module path, e.g. <c>golang.org/x/text</c> or <c>rsc.io/quote/v3</c>.</param>
/// <param name="Version">The version, e.g. <c>v1.2.3</c>; in go.sum keys it may end in <c>/go.mod</c>.</param>
public readonly record struct ModuleVersion(string Path, string Version)
{
    /// <summary>
    /// Go's <c>module.Sort</c> order: by path (byte order), then by the version's semver precedence, where a version
    /// may carry a <c>/suffix</c> such as <c>v1.2.3/go.mod</c> that is compared as a string after the version
    /// (so <c>v1.2.3</c> precedes <c>v1.2.3/go.mod</c>, as in go.sum). Ties that go leaves to its unstable sort are
    /// broken by byte order of the version, making the order total.
    /// </summary>
    public static IComparer<ModuleVersion> SortOrder { get; } = new SortOrderComparer();

    /// <summary><c>path@version</c>, or just the path when the version is empty (as go logs module versions).</summary>
    public override string ToString() => string.IsNullOrEmpty(Version) ? Path ?? "" : $"{Path}@{Version}";

    private sealed class SortOrderComparer : IComparer<ModuleVersion>
    {
        public int Compare(ModuleVersion x, ModuleVersion y)
        {
            var c = GoString.CompareOrdinal(x.Path, y.Path);
            if (c != 0) return c;
            Split(x.Version, out var vx, out var fx);
            Split(y.Version, out var vy, out var fy);
            if (!vx.SequenceEqual(vy))
            {
                c = SemVer.Compare(vx, vy);
                if (c != 0) return c;
            }
            c = GoString.CompareOrdinal(fx, fy);
            return c != 0 ? c : GoString.CompareOrdinal(vx, vy);
        }

        // "v1.2.3/go.mod" → "v1.2.3" and "/go.mod", without copying.
        private static void Split(string? v, out ReadOnlySpan<char> version, out ReadOnlySpan<char> suffix)
        {
            version = v.AsSpan();
            suffix = default;
            var k = version.IndexOf('/');
            if (k < 0) return;
            suffix = version[k..];
            version = version[..k];
        }
    }
}
