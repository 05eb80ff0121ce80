using System.Text;
using GoMod.Core.Internal;

namespace GoMod.Core.Imports;

/// <summary>
/// The imports of a Go package directory as go's module loader reads them for <c>go get</c> (cmd/go's
/// <c>imports.ScanDir</c> with <c>imports.AnyTags</c>): every <c>.go</c> file not starting with <c>_</c> or
/// <c>.</c>, whose build constraints hold when every tag is satisfied except <c>ignore</c>; only the import clause
/// is read; <c>_test.go</c> files give test imports.
/// </summary>
internal static class GoSourceScanner
{
    /// <summary>The directory has no Go file that counts (go's <c>imports.ErrNoGo</c>).</summary>
    public const string NoGoFiles = "no Go source files";

    /// <summary>Imports and test imports (sorted, deduplicated, without <c>C</c> and appengine paths), or an error text.</summary>
    public static (List<string> Imports, List<string> TestImports, string? Error) ScanDir(IEnumerable<(string Name, Func<byte[]> Read)> files)
    {
        var p = PackageFiles.Scan(files, BuildTags.Any);
        if (p.Error is not null) return ([], [], p.Error);
        if (p.NoGoFiles) return ([], [], NoGoFiles);
        return (p.Imports.Select(i => i.Path).ToList(), p.TestImports.Select(i => i.Path).ToList(), null);
    }

    /// <summary>go's <c>imports.ReadImports</c> (syntax errors not reported): the quoted import paths of the import clause.</summary>
    public static (List<string> Imports, string? Error) ReadImports(byte[] data)
    {
        var header = ReadHeader(data);
        return (header.Specs.Select(s => s.Quoted).ToList(), header.Error);
    }

    /// <summary>
    /// The package clause and import clause of a Go file as go's import reader reads them: the package name, each
    /// import spec (its quoted path and the byte offset where the spec starts, at its name if it has one), where the
    /// reader stopped, and the NUL error (syntax errors end the reading without an error, as in go).
    /// </summary>
    public static ImportHeader ReadHeader(byte[] data)
    {
        var r = new ImportReader(data);
        var list = new List<ImportSpec>();
        r.ReadKeyword("package");
        var name = r.ReadIdent();
        while (r.PeekByte(true) == 'i')
        {
            r.ReadKeyword("import");
            if (r.PeekByte(true) == '(')
            {
                r.NextByte(false);
                while (r.PeekByte(true) != ')' && r.Err is null) r.ReadImport(list);
                r.NextByte(false);
            }
            else
            {
                r.ReadImport(list);
            }
        }
        return new ImportHeader(name, list, r.Position, r.Err == ImportReader.ErrNul ? "unexpected NUL in input" : null);
    }

    /// <summary>One import spec: its quoted path and the byte offset of the spec (its name, else its path).</summary>
    internal readonly record struct ImportSpec(string Quoted, int Offset);

    /// <summary>What <see cref="ReadHeader"/> read.</summary>
    internal sealed record ImportHeader(string PackageName, IReadOnlyList<ImportSpec> Specs, int End, string? Error);

    /// <summary>A port of the import reader's byte-level state machine.</summary>
    private sealed class ImportReader
    {
        public const string ErrSyntax = "syntax error";
        public const string ErrNul = "unexpected NUL in input";

        private readonly byte[] _data;
        private int _pos;
        private byte _peek;
        private bool _eof;

        public ImportReader(byte[] data)
        {
            _data = data;
            if (data.Length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf) _pos = 3;
        }

        public string? Err { get; private set; }

        /// <summary>The offset of the next byte not yet read.</summary>
        public int Position => _pos;

        private static bool IsIdent(byte c) => c is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'_' or >= 0x80;

        private void SyntaxError() => Err ??= ErrSyntax;

        private byte ReadByte()
        {
            if (_pos >= _data.Length)
            {
                _eof = true;
                return 0;
            }
            byte c = _data[_pos++];
            if (c == 0)
            {
                Err ??= ErrNul;
                return 0;
            }
            return c;
        }

        public byte PeekByte(bool skipSpace)
        {
            if (Err is not null) return 0;
            byte c = _peek;
            if (c == 0) c = ReadByte();
            while (Err is null && !_eof)
            {
                if (skipSpace)
                {
                    switch (c)
                    {
                        case (byte)' ' or (byte)'\f' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)';':
                            c = ReadByte();
                            continue;
                        case (byte)'/':
                            c = ReadByte();
                            if (c == '/')
                            {
                                while (c != '\n' && Err is null && !_eof) c = ReadByte();
                            }
                            else if (c == '*')
                            {
                                byte c1 = 0;
                                while ((c != '*' || c1 != '/') && Err is null)
                                {
                                    if (_eof) SyntaxError();
                                    c = c1;
                                    c1 = ReadByte();
                                }
                            }
                            else
                            {
                                SyntaxError();
                            }
                            c = ReadByte();
                            continue;
                    }
                }
                break;
            }
            _peek = c;
            return _peek;
        }

        public byte NextByte(bool skipSpace)
        {
            byte c = PeekByte(skipSpace);
            _peek = 0;
            return c;
        }

        public void ReadKeyword(string kw)
        {
            PeekByte(true);
            foreach (var k in kw)
            {
                if (NextByte(false) != k)
                {
                    SyntaxError();
                    return;
                }
            }
            if (IsIdent(PeekByte(false))) SyntaxError();
        }

        public string ReadIdent()
        {
            byte c = PeekByte(true);
            if (!IsIdent(c))
            {
                SyntaxError();
                return "";
            }
            int start = _pos - 1;
            while (IsIdent(PeekByte(false))) _peek = 0;
            int end = _peek == 0 || _eof ? _pos : _pos - 1;
            return Encoding.UTF8.GetString(_data, start, Math.Max(0, end - start));
        }

        private void ReadString(List<ImportSpec> save, int specOffset)
        {
            switch (NextByte(true))
            {
                case (byte)'`':
                {
                    int start = _pos - 1;
                    while (Err is null)
                    {
                        if (NextByte(false) == '`')
                        {
                            save.Add(new ImportSpec(Encoding.UTF8.GetString(_data, start, _pos - start), specOffset < 0 ? start : specOffset));
                            break;
                        }
                        if (_eof) SyntaxError();
                    }
                    break;
                }
                case (byte)'"':
                {
                    int start = _pos - 1;
                    while (Err is null)
                    {
                        byte c = NextByte(false);
                        if (c == '"')
                        {
                            save.Add(new ImportSpec(Encoding.UTF8.GetString(_data, start, _pos - start), specOffset < 0 ? start : specOffset));
                            break;
                        }
                        if (_eof || c == '\n') SyntaxError();
                        if (c == '\\') NextByte(false);
                    }
                    break;
                }
                default:
                    SyntaxError();
                    break;
            }
        }

        public void ReadImport(List<ImportSpec> imports)
        {
            byte c = PeekByte(true);
            int offset = -1;
            if (c == '.')
            {
                offset = _pos - 1;
                _peek = 0;
            }
            else if (IsIdent(c))
            {
                offset = _pos - 1;
                ReadIdent();
            }
            ReadString(imports, offset);
        }
    }

    /// <summary>Go's <c>strconv.Unquote</c> for import paths and embed patterns: interpreted or raw strings (not rune literals).</summary>
    public static bool TryUnquoteImport(string s, out string value)
    {
        value = "";
        return s.Length >= 2 && s[0] is '"' or '`' && GoString.TryUnquote(s, out value);
    }

    /// <summary>
    /// go/build's <c>ImportDir</c> verdict for matching directories: whether some <c>.go</c> file (tests included)
    /// is built for <paramref name="tags"/>, by file name (GOOS/GOARCH suffixes), build constraints and cgo.
    /// </summary>
    public static bool HasBuildableGoFiles(IEnumerable<(string Name, Func<byte[]> Read)> files, BuildTags tags)
    {
        foreach (var (name, read) in files)
        {
            if (name.StartsWith('_') || name.StartsWith('.') || !name.EndsWith(".go", StringComparison.Ordinal)) continue;
            if (!tags.MatchFile(name)) continue;
            var data = read();
            if (!ShouldBuild(data, tags)) continue;
            if (!tags.AllowsCgo && !name.EndsWith("_test.go", StringComparison.Ordinal) && ReadImports(data).Imports.Contains("\"C\"")) continue;
            return true;
        }
        return false;
    }

    /// <summary>
    /// go's <c>imports.ShouldBuild</c>: the file header's <c>//go:build</c> line decides if present, else every
    /// <c>// +build</c> line must hold; tags are matched by <paramref name="tags"/> (under any-tags a tag holds unless
    /// it is <c>ignore</c> or malformed, negations flip).
    /// </summary>
    public static bool ShouldBuild(byte[] content, BuildTags tags) => ShouldBuild(content, tags.Match);

    /// <summary><see cref="ShouldBuild(byte[], BuildTags)"/> under any-tags.</summary>
    public static bool ShouldBuild(byte[] content) => ShouldBuild(content, BuildTags.Any);

    private static bool ShouldBuild(byte[] content, Func<string, bool, bool> matchTag) => ShouldBuild(ReadConstraints(content), matchTag);

    /// <summary>A file's build-constraint header as go's <c>parseFileHeader</c> reads it: the leading comment block, the <c>//go:build</c> line, and false when it has two.</summary>
    internal readonly record struct ConstraintHeader(string Header, string? GoBuild, bool Ok);

    /// <summary>The lines of a constraint header that its <c>// +build</c> evaluation reads (go's <c>shouldBuild</c> without a <c>//go:build</c> line).</summary>
    internal static string PlusBuildLines(string header)
    {
        if (!header.Contains("+build", StringComparison.Ordinal)) return "";
        var kept = header.Split('\n').Where(l => l.Trim().StartsWith("//", StringComparison.Ordinal) && l.Contains("+build", StringComparison.Ordinal));
        return string.Join('\n', kept);
    }

    /// <summary>The build-constraint header of a file (what <see cref="ShouldBuild(byte[], BuildTags)"/> evaluates), read once for any tags.</summary>
    internal static ConstraintHeader ReadConstraints(byte[] content)
    {
        var (header, goBuild, ok) = ParseFileHeader(content);
        return new ConstraintHeader(header, goBuild, ok);
    }

    /// <summary>
    /// <see cref="ReadConstraints"/> over the first bytes of a file (cut anywhere): the header when it ends inside them
    /// or is already wrong there (then the rest of the file cannot change it), else null.
    /// </summary>
    internal static ConstraintHeader? ReadConstraintsOfPrefix(byte[] prefix)
    {
        int cut = Array.LastIndexOf(prefix, (byte)'\n');
        if (cut < 0) return null;
        var (header, goBuild, ok) = ParseFileHeader(Encoding.UTF8.GetString(prefix, 0, cut + 1), out bool stopped);
        return stopped || !ok ? new ConstraintHeader(header, goBuild, ok) : null;
    }

    /// <summary><see cref="ShouldBuild(byte[], BuildTags)"/> over a header already read.</summary>
    internal static bool ShouldBuild(ConstraintHeader constraints, BuildTags tags) => ShouldBuild(constraints, tags.Match);

    private static bool ShouldBuild(ConstraintHeader constraints, Func<string, bool, bool> matchTag)
    {
        var (header, goBuild, ok) = constraints;
        if (!ok) return false;
        if (goBuild is not null)
        {
            var text = goBuild.Trim()["//go:build".Length..].Trim();
            var expr = new ExprParser(text, matchTag).Parse();
            return expr is not null && expr(true);
        }
        foreach (var raw in header.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("//", StringComparison.Ordinal) || !line.Contains("+build", StringComparison.Ordinal)) continue;
            if (!TrySplitPlusBuild(line, out var expr)) continue;
            if (!EvalPlusBuild(expr, matchTag)) return false;
        }
        return true;
    }

    /// <summary>
    /// go's <c>parseFileHeader</c>. It reads whole lines up to the first that is neither blank nor a comment, so the
    /// file is decoded a prefix of whole lines at a time (a cut after <c>\n</c> is a character boundary) and only
    /// decoded further when the header has not ended in it.
    /// </summary>
    private static (string Header, string? GoBuild, bool Ok) ParseFileHeader(byte[] content)
    {
        for (int size = 4096; size < content.Length; size *= 4)
        {
            int cut = Array.LastIndexOf(content, (byte)'\n', size - 1);
            if (cut < 0) continue;
            var prefix = ParseFileHeader(Encoding.UTF8.GetString(content, 0, cut + 1), out bool stopped);
            if (stopped || !prefix.Ok) return prefix;
        }
        return ParseFileHeader(Encoding.UTF8.GetString(content), out _);
    }

    private static (string Header, string? GoBuild, bool Ok) ParseFileHeader(string text, out bool stopped)
    {
        stopped = false;
        int end = 0, p = 0;
        bool ended = false, inSlashStar = false;
        string? goBuild = null;
        while (p < text.Length)
        {
            int nl = text.IndexOf('\n', p);
            string line = nl < 0 ? text[p..] : text[p..nl];
            p = nl < 0 ? text.Length : nl + 1;
            line = line.Trim();
            if (line.Length == 0 && !ended)
            {
                end = p;
                continue;
            }
            if (!line.StartsWith("//", StringComparison.Ordinal)) ended = true;
            if (!inSlashStar && IsGoBuildComment(line))
            {
                if (goBuild is not null) return ("", null, false);
                goBuild = line;
            }
            bool stop = false;
            while (line.Length > 0)
            {
                if (inSlashStar)
                {
                    int i = line.IndexOf("*/", StringComparison.Ordinal);
                    if (i >= 0)
                    {
                        inSlashStar = false;
                        line = line[(i + 2)..].Trim();
                        continue;
                    }
                    break;
                }
                if (line.StartsWith("//", StringComparison.Ordinal)) break;
                if (line.StartsWith("/*", StringComparison.Ordinal))
                {
                    inSlashStar = true;
                    line = line[2..].Trim();
                    continue;
                }
                stop = true;
                break;
            }
            if (stop)
            {
                stopped = true;
                break;
            }
        }
        return (text[..Math.Min(end, text.Length)], goBuild, true);
    }

    private static bool IsGoBuildComment(string line)
    {
        if (!line.StartsWith("//go:build", StringComparison.Ordinal)) return false;
        var rest = line["//go:build".Length..];
        return rest.Length == 0 || rest.Trim().Length < rest.Length;
    }

    private static bool TrySplitPlusBuild(string line, out string expr)
    {
        expr = "";
        if (!line.StartsWith("//", StringComparison.Ordinal)) return false;
        var rest = line[2..].Trim();
        if (!rest.StartsWith("+build", StringComparison.Ordinal)) return false;
        rest = rest["+build".Length..];
        var trim = rest.Trim();
        if (rest.Length == trim.Length && rest.Length != 0) return false;
        expr = trim;
        return true;
    }

    private static bool IsValidTag(string tag) => BuildTags.IsValidTag(tag);

    private static bool EvalPlusBuild(string text, Func<string, bool, bool> matchTag)
    {
        // A space-separated OR of comma-separated ANDs of possibly negated tags; "!!x" and "!" mean ignore.
        var clauses = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (clauses.Length == 0) return matchTag("ignore", true);
        foreach (var clause in clauses)
        {
            bool all = true;
            foreach (var lit0 in clause.Split(','))
            {
                var lit = lit0;
                bool value;
                if (lit.StartsWith("!!", StringComparison.Ordinal) || lit == "!") value = matchTag("ignore", true);
                else if (lit.StartsWith('!')) value = !(IsValidTag(lit[1..]) ? matchTag(lit[1..], false) : matchTag("ignore", false));
                else value = IsValidTag(lit) ? matchTag(lit, true) : matchTag("ignore", true);
                all &= value;
            }
            if (all) return true;
        }
        return false;
    }

    /// <summary>A <c>//go:build</c> expression parser producing an evaluator taking the "prefer" polarity.</summary>
    private sealed class ExprParser(string s, Func<string, bool, bool> matchTag)
    {
        private int _i;
        private string _tok = "";
        private bool _isTag;

        private sealed class SyntaxException : Exception;

        public Func<bool, bool>? Parse()
        {
            try
            {
                var x = Or();
                if (_tok.Length != 0) return null;
                return x;
            }
            catch (SyntaxException)
            {
                return null;
            }
        }

        private Func<bool, bool> Or()
        {
            var x = And();
            while (_tok == "||")
            {
                var l = x;
                var r = And();
                x = p => l(p) | r(p);
            }
            return x;
        }

        private Func<bool, bool> And()
        {
            var x = Not();
            while (_tok == "&&")
            {
                var l = x;
                var r = Not();
                x = p => l(p) & r(p);
            }
            return x;
        }

        private Func<bool, bool> Not()
        {
            Lex();
            if (_tok == "!")
            {
                Lex();
                if (_tok == "!") throw new SyntaxException();
                var inner = Atom();
                return p => !inner(!p);
            }
            return Atom();
        }

        private Func<bool, bool> Atom()
        {
            if (_tok == "(")
            {
                var x = Or();
                if (_tok != ")") throw new SyntaxException();
                Lex();
                return x;
            }
            if (!_isTag) throw new SyntaxException();
            var tag = _tok;
            Lex();
            return p => matchTag(tag, p);
        }

        private void Lex()
        {
            _isTag = false;
            while (_i < s.Length && s[_i] is ' ' or '\t') _i++;
            if (_i >= s.Length)
            {
                _tok = "";
                return;
            }
            switch (s[_i])
            {
                case '(' or ')' or '!':
                    _tok = s[_i].ToString();
                    _i++;
                    return;
                case '&' or '|':
                    if (_i + 1 >= s.Length || s[_i + 1] != s[_i]) throw new SyntaxException();
                    _tok = s.Substring(_i, 2);
                    _i += 2;
                    return;
            }
            int start = _i;
            while (_i < s.Length)
            {
                var r = System.Text.Rune.GetRuneAt(s, _i);
                if (!System.Text.Rune.IsLetter(r) && !System.Text.Rune.IsDigit(r) && r.Value is not ('_' or '.')) break;
                _i += r.Utf16SequenceLength;
            }
            if (_i == start) throw new SyntaxException();
            _tok = s[start.._i];
            _isTag = true;
        }
    }
}
