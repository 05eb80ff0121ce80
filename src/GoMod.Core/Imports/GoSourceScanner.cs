using System.Globalization;
using System.Text;

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
        var imports = new SortedSet<string>(StringComparer.Ordinal);
        var testImports = new SortedSet<string>(StringComparer.Ordinal);
        int numFiles = 0;
        foreach (var (name, read) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (name.StartsWith('_') || name.StartsWith('.') || !name.EndsWith(".go", StringComparison.Ordinal)) continue;
            var data = read();
            var (list, error) = ReadImports(data);
            if (error is not null) return ([], [], $"reading {name}: {error}");
            if (!ShouldBuild(data)) continue;
            numFiles++;
            var target = name.EndsWith("_test.go", StringComparison.Ordinal) ? testImports : imports;
            foreach (var quoted in list)
                if (TryUnquote(quoted, out var path)) target.Add(path);
        }
        if (numFiles == 0) return ([], [], NoGoFiles);
        return (Filter(imports), Filter(testImports), null);

        static List<string> Filter(SortedSet<string> set) =>
            set.Where(p => p != "C" && p != "appengine" && !p.StartsWith("appengine/", StringComparison.Ordinal)
                && p != "appengine_internal" && !p.StartsWith("appengine_internal/", StringComparison.Ordinal)).ToList();
    }

    /// <summary>go's <c>imports.ReadImports</c> (syntax errors not reported): the quoted import paths of the import clause.</summary>
    public static (List<string> Imports, string? Error) ReadImports(byte[] data)
    {
        var r = new ImportReader(data);
        var list = new List<string>();
        r.ReadKeyword("package");
        r.ReadIdent();
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
        return (list, r.Err == ImportReader.ErrNul ? "unexpected NUL in input" : null);
    }

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

        public void ReadIdent()
        {
            byte c = PeekByte(true);
            if (!IsIdent(c))
            {
                SyntaxError();
                return;
            }
            while (IsIdent(PeekByte(false))) _peek = 0;
        }

        private void ReadString(List<string> save)
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
                            save.Add(Encoding.UTF8.GetString(_data, start, _pos - start));
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
                            save.Add(Encoding.UTF8.GetString(_data, start, _pos - start));
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

        public void ReadImport(List<string> imports)
        {
            byte c = PeekByte(true);
            if (c == '.') _peek = 0;
            else if (IsIdent(c)) ReadIdent();
            ReadString(imports);
        }
    }

    /// <summary>Go's <c>strconv.Unquote</c> for import paths (interpreted strings with simple escapes, raw strings).</summary>
    private static bool TryUnquote(string s, out string value)
    {
        value = "";
        if (s.Length < 2) return false;
        if (s[0] == '`' && s[^1] == '`')
        {
            value = s[1..^1];
            return !value.Contains('`');
        }
        if (s[0] != '"' || s[^1] != '"') return false;
        var inner = s[1..^1];
        if (!inner.Contains('\\'))
        {
            value = inner;
            return !inner.Contains('"') && !inner.Contains('\n');
        }
        var b = new StringBuilder();
        for (int i = 0; i < inner.Length; i++)
        {
            char c = inner[i];
            if (c != '\\') { b.Append(c); continue; }
            if (++i >= inner.Length) return false;
            switch (inner[i])
            {
                case 'a': b.Append('\a'); break;
                case 'b': b.Append('\b'); break;
                case 'f': b.Append('\f'); break;
                case 'n': b.Append('\n'); break;
                case 'r': b.Append('\r'); break;
                case 't': b.Append('\t'); break;
                case 'v': b.Append('\v'); break;
                case '\\': b.Append('\\'); break;
                case '"': b.Append('"'); break;
                case 'x' when i + 2 < inner.Length + 0 && int.TryParse(inner.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var x):
                    b.Append((char)x); i += 2; break;
                case 'u' when i + 4 < inner.Length + 0 && int.TryParse(inner.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var u):
                    b.Append((char)u); i += 4; break;
                default: return false;
            }
        }
        value = b.ToString();
        return true;
    }

    private static readonly HashSet<string> KnownOS = ["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos"];
    private static readonly HashSet<string> UnixOS = ["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd", "openbsd", "solaris"];
    private static readonly HashSet<string> KnownArch = ["386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "loong64", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"];

    /// <summary>
    /// go/build's default context for this machine, as <c>go build</c> would match files: GOOS and GOARCH of the host,
    /// the gc compiler, cgo off (as the tests run go), and the release tags up to go1.19.
    /// </summary>
    public static HashSet<string> HostTags()
    {
        var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            System.Runtime.InteropServices.Architecture.X86 => "386",
            System.Runtime.InteropServices.Architecture.Arm => "arm",
            _ => "amd64",
        };
        var tags = new HashSet<string>(StringComparer.Ordinal) { os, arch, "gc" };
        for (int i = 1; i <= 19; i++) tags.Add("go1." + i.ToString(CultureInfo.InvariantCulture));
        return tags;
    }

    /// <summary>
    /// go/build's <c>ImportDir</c> verdict for matching directories: whether some <c>.go</c> file (tests included)
    /// is built for <paramref name="tags"/>, by file name (GOOS/GOARCH suffixes) and build constraints.
    /// </summary>
    public static bool HasBuildableGoFiles(IEnumerable<(string Name, Func<byte[]> Read)> files, HashSet<string> tags)
    {
        foreach (var (name, read) in files)
        {
            if (name.StartsWith('_') || name.StartsWith('.') || !name.EndsWith(".go", StringComparison.Ordinal)) continue;
            if (!MatchFile(name, tags)) continue;
            if (ShouldBuild(read(), tags)) return true;
        }
        return false;
    }

    /// <summary>go/build's <c>goodOSArchFile</c>: a <c>_GOOS</c>, <c>_GOARCH</c> or <c>_GOOS_GOARCH</c> name suffix must match.</summary>
    private static bool MatchFile(string name, HashSet<string> tags)
    {
        int dot = name.IndexOf('.');
        if (dot >= 0) name = name[..dot];
        int i = name.IndexOf('_');
        if (i < 0) return true;
        var l = name[i..].Split('_').ToList();
        if (l.Count > 0 && l[^1] == "test") l.RemoveAt(l.Count - 1);
        int n = l.Count;
        if (n >= 2 && KnownOS.Contains(l[n - 2]) && KnownArch.Contains(l[n - 1]))
            return MatchRealTag(l[n - 2], tags) && MatchRealTag(l[n - 1], tags);
        if (n >= 1 && KnownOS.Contains(l[n - 1])) return MatchRealTag(l[n - 1], tags);
        if (n >= 1 && KnownArch.Contains(l[n - 1])) return MatchRealTag(l[n - 1], tags);
        return true;
    }

    /// <summary>go/build's <c>matchTag</c> for a real context: the tag is set, or implied (android→linux, illumos→solaris, ios→darwin, unix).</summary>
    private static bool MatchRealTag(string name, HashSet<string> tags)
    {
        if (!IsValidTag(name)) return false;
        if (tags.Contains(name)) return true;
        return name switch
        {
            "linux" => tags.Contains("android"),
            "solaris" => tags.Contains("illumos"),
            "darwin" => tags.Contains("ios"),
            "unix" => tags.Any(UnixOS.Contains),
            _ => false,
        };
    }

    /// <summary>go/build's <c>shouldBuild</c> for a real context (<c>//go:build</c> decides, else every <c>+build</c> line).</summary>
    public static bool ShouldBuild(byte[] content, HashSet<string> tags) => ShouldBuild(content, (tag, prefer) => MatchRealTag(tag, tags));

    /// <summary>
    /// go's <c>imports.ShouldBuild</c> under any-tags: the file header's <c>//go:build</c> line decides if present,
    /// else every <c>// +build</c> line must hold; a tag holds unless it is <c>ignore</c> or malformed (negations flip).
    /// </summary>
    public static bool ShouldBuild(byte[] content) => ShouldBuild(content, MatchTag);

    private static bool ShouldBuild(byte[] content, Func<string, bool, bool> matchTag)
    {
        var (header, goBuild, ok) = ParseFileHeader(content);
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

    private static (string Header, string? GoBuild, bool Ok) ParseFileHeader(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
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
            if (stop) break;
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

    private static bool IsValidTag(string tag) =>
        tag.Length > 0 && tag.EnumerateRunes().All(r => System.Text.Rune.IsLetter(r) || System.Text.Rune.IsDigit(r) || r.Value is '_' or '.');

    /// <summary>Any-tags value of a tag: true for a well-formed tag other than <c>ignore</c> when <paramref name="prefer"/>.</summary>
    private static bool MatchTag(string name, bool prefer) => IsValidTag(name) && name != "ignore" && prefer;

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
