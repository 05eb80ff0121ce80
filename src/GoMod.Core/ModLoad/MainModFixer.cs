using System.Globalization;
using System.Text;
using GoMod.Core.ModSource;
using GoMod.Core.Module;

namespace GoMod.Core.ModLoad;

/// <summary>
/// go's <c>fixVersion</c> for the main go.mod: a version in a require, exclude or replace line that is not canonical
/// (<c>v1.2</c>, <c>v1</c>, <c>master</c>, a commit hash) is a query, resolved through the module source and written
/// back canonical, so go.mod changes. Resolution errors are reported as go reports go.mod parse errors, with
/// <c>file:line[:column]</c>.
/// </summary>
internal static class MainModFixer
{
    private readonly record struct Token(string Text, int Start, int Column);

    private sealed record Site(int Line, int LineColumn, string Verb, string Path, string Version, int Start, int Length);

    /// <summary>Resolves the non-canonical versions of <paramref name="text"/>; returns the rewritten text (same object if nothing to fix).</summary>
    public static async Task<string> FixAsync(string fileName, string text, Func<string, string, Task<ResolvedRevision>> query)
    {
        var sites = Scan(text);
        if (sites.Count == 0) return text;

        var errors = new List<string>();
        var replacements = new List<(int Start, int Length, string Text)>();
        foreach (var site in sites)
        {
            var vers = site.Version;
            if (site.Path.StartsWith("gopkg.in/", StringComparison.Ordinal) && vers.Contains("-gopkgin-", StringComparison.Ordinal))
                vers = vers[(vers.IndexOf("-gopkgin-", StringComparison.Ordinal) + "-gopkgin-".Length)..];
            string fixedVersion;
            if (vers.Length != 0 && ModulePath.CanonicalVersion(vers) == vers)
            {
                fixedVersion = vers;
            }
            else
            {
                try
                {
                    fixedVersion = (await query(site.Path, vers).ConfigureAwait(false)).Version;
                }
                catch (Exception e) when (e is ModuleException or GoCommandException or NoMatchingVersionException)
                {
                    var pos = site.LineColumn > 1 ? $"{fileName}:{site.Line}:{site.LineColumn}: " : $"{fileName}:{site.Line}: ";
                    errors.Add(e is ModuleException me ? $"{pos}{site.Verb} {site.Path}: {ModuleErrorCause(me)}" : pos + e.Message);
                    continue;
                }
            }
            if (fixedVersion != site.Version) replacements.Add((site.Start, site.Length, fixedVersion));
        }
        if (errors.Count > 0) throw new GoCommandException($"errors parsing go.mod:\n{string.Join("\n", errors)}\n");
        if (replacements.Count == 0) return text;

        var b = new StringBuilder(text);
        foreach (var (start, length, t) in replacements.OrderByDescending(r => r.Start))
            b.Remove(start, length).Insert(start, t);
        return b.ToString();
    }

    /// <summary>
    /// The line (1-based) and column of the first require directive for each path in <paramref name="text"/>, so a
    /// failure below a requirement can point at the go.mod line that brought it in.
    /// </summary>
    public static Dictionary<string, (int Line, int Column)> RequireLines(string text)
    {
        var lines = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        string? block = null;
        foreach (var (lineNumber, tokens) in TokenLines(text))
        {
            if (block is not null)
            {
                if (tokens.Count == 1 && tokens[0].Text == ")") block = null;
                else if (block == "require" && TryUnquote(tokens[0].Text, out var p)) lines.TryAdd(p, (lineNumber, tokens[0].Column));
            }
            else if (tokens.Count == 2 && tokens[1].Text == "(") block = tokens[0].Text;
            else if (tokens[0].Text == "require" && tokens.Count >= 2 && TryUnquote(tokens[1].Text, out var p)) lines.TryAdd(p, (lineNumber, tokens[0].Column));
        }
        return lines;
    }

    /// <summary>The tokens of each line of <paramref name="text"/> that has any, with its 1-based line number.</summary>
    private static IEnumerable<(int Line, List<Token> Tokens)> TokenLines(string text)
    {
        int lineStart = 0, lineNumber = 0;
        while (lineStart <= text.Length)
        {
            int nl = text.IndexOf('\n', lineStart);
            lineNumber++;
            if (Tokenize(text, lineStart, nl < 0 ? text.Length : nl) is { Count: > 0 } tokens) yield return (lineNumber, tokens);
            if (nl < 0) yield break;
            lineStart = nl + 1;
        }
    }

    /// <summary>The cause inside a module error, as x/mod prints it after <c>verb path: </c>.</summary>
    private static string ModuleErrorCause(ModuleException e)
    {
        const string invalidVersion = "invalid version: ", invalidPseudo = "invalid pseudo-version: ";
        if (e.Detail.StartsWith(invalidVersion, StringComparison.Ordinal))
            return $"version {Quote(e.Version)} invalid: {e.Detail[invalidVersion.Length..]}";
        if (e.Detail.StartsWith(invalidPseudo, StringComparison.Ordinal))
            return $"pseudo-version {Quote(e.Version)} invalid: {e.Detail[invalidPseudo.Length..]}";
        return e.Detail;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Finds the version tokens of require, exclude and replace directives that are not canonical.</summary>
    private static List<Site> Scan(string text)
    {
        var sites = new List<Site>();
        string? block = null;
        foreach (var (lineNumber, tokens) in TokenLines(text))
        {
            string verb;
            List<Token> args;
            if (block is not null)
            {
                if (tokens.Count == 1 && tokens[0].Text == ")") { block = null; tokens.Clear(); }
                verb = block ?? "";
                args = tokens;
            }
            else
            {
                verb = tokens[0].Text;
                if (tokens.Count == 2 && tokens[1].Text == "(") { block = verb; tokens.Clear(); }
                args = tokens.Count > 0 ? tokens.GetRange(1, tokens.Count - 1) : tokens;
            }
            if (tokens.Count > 0) AddSites(sites, lineNumber, tokens[0].Column, verb, args);
        }
        return sites;
    }

    private static void AddSites(List<Site> sites, int line, int lineColumn, string verb, List<Token> args)
    {
        void Add(Token pathToken, Token versionToken)
        {
            if (!TryUnquote(pathToken.Text, out var path) || !TryUnquote(versionToken.Text, out var version)) return;
            if (version.Length != 0 && ModulePath.CanonicalVersion(version) == version && !(path.StartsWith("gopkg.in/", StringComparison.Ordinal) && version.Contains("-gopkgin-", StringComparison.Ordinal)))
                return;
            sites.Add(new Site(line, lineColumn, verb, path, version, versionToken.Start, versionToken.Text.Length));
        }

        switch (verb)
        {
            case "require" or "exclude" when args.Count == 2:
                Add(args[0], args[1]);
                break;
            case "replace":
                int arrow = args.FindIndex(t => t.Text == "=>");
                if (arrow is not (1 or 2)) return;
                if (arrow == 2) Add(args[0], args[1]);
                if (args.Count == arrow + 3) Add(args[arrow + 1], args[arrow + 2]);
                break;
        }
    }

    private static bool TryUnquote(string token, out string value)
    {
        value = token;
        if (token.StartsWith('"'))
        {
            if (token.Length < 2 || !token.EndsWith('"')) return false;
            var inner = token[1..^1];
            if (inner.Contains('\\')) return false;
            value = inner;
            return true;
        }
        return !token.Any(c => c is '"' or '\'' or '`');
    }

    /// <summary>x/mod's tokens of one line (identifiers, quoted strings, punctuation); null if the line has a syntax oddity.</summary>
    private static List<Token>? Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\r') { i++; continue; }
            if (c == '/' && i + 1 < end && text[i + 1] == '/') break;
            int tokStart = i;
            if (c is '(' or ')' or '[' or ']' or '{' or '}' or ',')
            {
                i++;
            }
            else if (c is '"' or '`')
            {
                i++;
                while (i < end && text[i] != c)
                {
                    if (c == '"' && text[i] == '\\') i++;
                    i++;
                }
                if (i >= end) return null;
                i++;
            }
            else
            {
                while (i < end && text[i] is not (' ' or '\t' or '\r' or '(' or ')' or '[' or ']' or '{' or '}' or ',')
                       && !(text[i] == '/' && i + 1 < end && text[i + 1] == '/'))
                    i++;
            }
            int column = new StringInfoColumn(text, start).At(tokStart);
            tokens.Add(new Token(text[tokStart..i], tokStart, column));
        }
        return tokens;
    }

    /// <summary>1-based column in runes, as x/mod counts <c>LineRune</c>.</summary>
    private readonly struct StringInfoColumn(string text, int lineStart)
    {
        public int At(int index)
        {
            int runes = 1;
            for (int k = lineStart; k < index; k++)
                if (!char.IsLowSurrogate(text[k])) runes++;
            return runes;
        }
    }
}
