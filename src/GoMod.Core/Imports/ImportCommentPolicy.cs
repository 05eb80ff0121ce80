using GoMod.Core.Module;

namespace GoMod.Core.Imports;

/// <summary>
/// Which severity a package's import comments are checked with. <c>GoImportComments</c> (<c>error</c>, <c>warning</c>,
/// <c>none</c>) applies to every package when set; unset, the main module's packages are checked as errors and the
/// dependencies' as warnings, so a stale comment in someone else's module never stops a build. Modules whose path
/// matches <c>GoImportCommentsExempt</c> (comma- or semicolon-separated GOPRIVATE-style patterns: a glob matches a
/// module path prefix of as many elements) are not checked.
/// </summary>
public sealed class ImportCommentPolicy
{
    private readonly ImportCommentSeverity? _explicit;
    private readonly string _exempt;

    /// <param name="setting">GoImportComments: "", "error", "warning" or "none" (validated by the restore setup).</param>
    /// <param name="exempt">GoImportCommentsExempt: module path patterns.</param>
    public ImportCommentPolicy(string? setting, string? exempt)
    {
        _explicit = (setting ?? "").Trim() switch
        {
            "" => null,
            "error" => ImportCommentSeverity.Error,
            "warning" => ImportCommentSeverity.Warning,
            "none" => ImportCommentSeverity.None,
            var other => throw new ArgumentException($"GoImportComments={other} not supported (can be 'error', 'warning' or 'none')", nameof(setting)),
        };
        _exempt = string.Join(',', (exempt ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>True when nothing will be checked whatever the module (GoImportComments=none).</summary>
    public bool Disabled => _explicit == ImportCommentSeverity.None;

    /// <summary>The severity for a package of module <paramref name="modulePath"/>.</summary>
    public ImportCommentSeverity For(string modulePath, bool mainModule)
    {
        if (PrefixPatterns.Match(_exempt, modulePath)) return ImportCommentSeverity.None;
        return _explicit ?? (mainModule ? ImportCommentSeverity.Error : ImportCommentSeverity.Warning);
    }
}
