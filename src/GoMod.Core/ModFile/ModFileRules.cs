using System.Text.RegularExpressions;

namespace GoMod.Core.ModFile;

/// <summary>The lexical rules go.mod values follow (x/mod's regular expressions, quoting and path classification).</summary>
internal static partial class ModFileRules
{
    /// <summary>
    /// A Go language version as today's go accepts it in a <c>go</c> line: <c>1.N</c> (to Go 1.20) or <c>1.N.P</c>,
    /// optionally followed by a pre-release such as <c>rc1</c>; no leading zeros.
    /// </summary>
    [GeneratedRegex(@"^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?\z", RegexOptions.CultureInvariant)]
    public static partial Regex GoVersion();

    /// <summary>
    /// What a dependency's go.mod may put in its <c>go</c> line and still be read: <c>[v]1.N</c> followed by a
    /// non-digit and anything; group 1 is the <c>1.N</c> that is kept.
    /// </summary>
    [GeneratedRegex(@"^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)\z", RegexOptions.CultureInvariant)]
    public static partial Regex LaxGoVersion();

    /// <summary>A toolchain name: <c>default</c>, or anything starting with <c>go1</c> followed by the end or a dot.</summary>
    [GeneratedRegex(@"^default\z|^go1(\z|\.)", RegexOptions.CultureInvariant)]
    public static partial Regex Toolchain();

    /// <summary>The first comment paragraph that starts with <c>Deprecated:</c>; group 1 is its text.</summary>
    [GeneratedRegex(@"(?s)(?:^|\n\n)Deprecated: *(.*?)(?:\z|\n\n)", RegexOptions.CultureInvariant)]
    public static partial Regex Deprecation();

    /// <summary>
    /// Whether a replacement target is a directory rather than a module path: <c>.</c>, <c>..</c>, anything starting
    /// with <c>./</c>, <c>../</c>, <c>/</c> or their backslash forms, or a Windows drive letter and colon. Both path
    /// syntaxes count because go.mod files move between systems.
    /// </summary>
    public static bool IsDirectoryPath(string path) =>
        path is "." or ".." ||
        path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith(@".\", StringComparison.Ordinal) ||
        path.StartsWith("../", StringComparison.Ordinal) || path.StartsWith(@"..\", StringComparison.Ordinal) ||
        path.StartsWith('/') || path.StartsWith('\\') ||
        (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');

    /// <summary>
    /// Whether <paramref name="s"/> must be quoted to be one token: it is empty, contains a space, a quote, a
    /// non-printable rune, <c>//</c> or <c>/*</c>, or is longer than one rune and contains one of <c>()[]{},</c>.
    /// </summary>
    public static bool MustQuote(string s)
    {
        for (var i = 0; i < s.Length;)
        {
            var (r, width) = GoText.DecodeRune(s, i);
            switch (r)
            {
                case ' ' or '"' or '\'' or '`':
                    return true;
                case '(' or ')' or '[' or ']' or '{' or '}' or ',':
                    if (s.Length > 1) return true;
                    break;
                default:
                    if (!GoText.IsPrint(r)) return true;
                    break;
            }
            i += width;
        }
        return s.Length == 0 || s.Contains("//", StringComparison.Ordinal) || s.Contains("/*", StringComparison.Ordinal);
    }

    /// <summary><paramref name="s"/> as a go.mod token: as is, or as a Go string literal when <see cref="MustQuote"/>.</summary>
    public static string AutoQuote(string s) => MustQuote(s) ? GoText.Quote(s) : s;

    /// <summary>
    /// Whether a require line is marked indirect: its first end-of-line comment is <c>// indirect</c>, or its first
    /// word is <c>indirect;</c> (<c>// indirect; more text</c>).
    /// </summary>
    public static bool IsIndirect(SyntaxLine line)
    {
        if (line.Suffix.Count == 0) return false;
        var fields = GoText.Fields(TrimCommentPrefix(line.Suffix[0].Text));
        return (fields.Count == 1 && fields[0] == "indirect") || (fields.Count > 1 && fields[0] == "indirect;");
    }

    /// <summary>The comment text without its leading <c>//</c>.</summary>
    public static string TrimCommentPrefix(string comment) =>
        comment.StartsWith("//", StringComparison.Ordinal) ? comment[2..] : comment;
}
