using GoMod.Core.Fetch;

namespace GoMod.Core.Vcs;

/// <summary>
/// One revision as the code host sees it (go's <c>codehost.RevInfo</c>): full hash, 12-digit short hash, the
/// version it was asked as (a tag name, else the hash), commit time in UTC, and the tags that point at it.
/// <paramref name="Ref"/> is the ref the lookup went through (<c>refs/tags/v1.0.0</c>, <c>HEAD</c>), if any.
/// </summary>
internal sealed record GitRevInfo(string Name, string Short, string Version, DateTimeOffset Time, IReadOnlyList<string> Tags, string Ref);
