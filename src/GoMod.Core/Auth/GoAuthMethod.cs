using GoMod.Core.GoEnv;

namespace GoMod.Core.Auth;

/// <summary>
/// One entry of GOAUTH (Go 1.24+, <c>go help goauth</c>): <c>netrc</c>, <c>git &lt;dir&gt;</c> or a command line. The
/// whole setting <c>off</c> disables authentication.
/// </summary>
internal abstract record GoAuthMethod(string Text)
{
    /// <summary><c>netrc</c>: the .netrc entries (NETRC, else <c>~/.netrc</c>), each for its machine.</summary>
    public sealed record Netrc(string Text) : GoAuthMethod(Text);

    /// <summary><c>git &lt;dir&gt;</c>: <c>git credential fill</c> run in <see cref="Dir"/> for a URL that was refused.</summary>
    public sealed record Git(string Text, string Dir) : GoAuthMethod(Text);

    /// <summary>
    /// A command: its words (go's <c>quoted.Split</c>), or the error splitting them, which go reports only when the
    /// command is run (and then only under <c>-x</c>).
    /// </summary>
    public sealed record Command(string Text, IReadOnlyList<string> Words, string? SplitError) : GoAuthMethod(Text);

    /// <summary>
    /// Parses GOAUTH as go's <c>runGoAuth</c> reads it: <c>;</c>-separated entries, each trimmed. Null for
    /// <c>off</c>. Go checks these rules at its first https request, and so does the caller (the errors are go's).
    /// </summary>
    /// <exception cref="GoEnvironmentException">An empty entry, <c>off</c> with other entries, or a <c>git</c> entry
    /// without an absolute path to an existing directory.</exception>
    public static IReadOnlyList<GoAuthMethod>? Parse(string goAuth)
    {
        ArgumentNullException.ThrowIfNull(goAuth);
        var entries = goAuth.Split(';');
        var methods = new List<GoAuthMethod>();
        foreach (var raw in entries)
        {
            var text = raw.Trim();
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) throw Fail($"GOAUTH encountered an empty command (GOAUTH={goAuth})");
            switch (words[0])
            {
                case "off":
                    if (entries.Length != 1) throw Fail($"GOAUTH=off cannot be combined with other authentication commands (GOAUTH={goAuth})");
                    return null;
                case "netrc":
                    methods.Add(new Netrc(text));
                    break;
                case "git":
                    const string requires = "GOAUTH=git dir method requires an absolute path to the git working directory";
                    if (words.Length != 2) throw Fail(requires);
                    var dir = words[1];
                    if (!Path.IsPathFullyQualified(dir)) throw Fail(requires + ", dir is not absolute");
                    if (File.Exists(dir)) throw Fail(requires + ", dir is not a directory");
                    if (!Directory.Exists(dir)) throw Fail($"GOAUTH=git encountered an error; cannot stat {dir}: no such file or directory");
                    methods.Add(new Git(text, dir));
                    break;
                default:
                    var (split, error) = SplitQuoted(text);
                    methods.Add(new Command(text, split, error));
                    break;
            }
        }
        return methods;
    }

    private static GoEnvironmentException Fail(string message) => new(message, "GOAUTH");

    /// <summary>
    /// go's <c>quoted.Split</c>: words separated by spaces, tabs and newlines; a word that starts with a single or double
    /// quote runs to the matching quote (no escapes inside) and keeps its spaces; quotes inside a word do not count.
    /// </summary>
    internal static (IReadOnlyList<string> Words, string? Error) SplitQuoted(string s)
    {
        var words = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            if (IsSpace(s[i]))
            {
                i++;
                continue;
            }
            if (s[i] is '"' or '\'')
            {
                var quote = s[i];
                var end = s.IndexOf(quote, i + 1);
                if (end < 0) return ([], $"unterminated {quote} string");
                words.Add(s[(i + 1)..end]);
                i = end + 1;
                continue;
            }
            var start = i;
            while (i < s.Length && !IsSpace(s[i])) i++;
            words.Add(s[start..i]);
        }
        return (words, null);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';
}
