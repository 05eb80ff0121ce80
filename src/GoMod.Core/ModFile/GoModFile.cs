using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModFile;

/// <summary>
/// A go.mod file: its directives (read API), its exact syntax with comments (for <see cref="Format"/>), and edits
/// that change only the lines they must. Parsing and formatting follow golang.org/x/mod/modfile as used by today's
/// go command: <see cref="Parse"/> reads the main module's go.mod strictly, <see cref="ParseLax"/> a dependency's.
/// </summary>
public sealed partial class GoModFile
{
    private SyntaxFile _syntax;
    private ModuleEntry? _module;
    private GoEntry? _go;
    private ToolchainEntry? _toolchain;
    private readonly List<GodebugEntry> _godebug = [];
    private readonly List<RequireEntry> _require = [];
    private readonly List<ExcludeEntry> _exclude = [];
    private readonly List<ReplaceEntry> _replace = [];
    private readonly List<RetractEntry> _retract = [];
    private readonly List<PathEntry> _tool = [];
    private readonly List<PathEntry> _ignore = [];

    private GoModFile(string fileName, SyntaxFile syntax)
    {
        FileName = fileName;
        _syntax = syntax;
    }

    /// <summary>An empty go.mod (as <c>go mod init</c> starts from); add a module line with <see cref="SetModule"/>.</summary>
    public static GoModFile CreateEmpty(string fileName = "go.mod")
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return new GoModFile(fileName, new SyntaxFile());
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>The <c>module</c> directive, or null if the file has none.</summary>
    public ModuleDeclaration? Module => _module is null ? null : new ModuleDeclaration(_module.Path, _module.Deprecated);

    /// <summary>The <c>go</c> line's version (<c>1.19</c>, <c>1.21.0</c>, <c>1.21rc1</c>), or null when absent.</summary>
    public string? Go => _go?.Version;

    /// <summary>The <c>toolchain</c> line's name (<c>go1.21.3</c>, <c>default</c>), or null when absent or lax-parsed.</summary>
    public string? Toolchain => _toolchain?.Name;

    /// <summary>The <c>godebug</c> settings, in file order (empty when lax-parsed).</summary>
    public IReadOnlyList<GodebugSetting> Godebug => [.. Live(_godebug).Select(g => new GodebugSetting(g.Key, g.Value))];

    /// <summary>The <c>require</c> lines, in file order, duplicates included (resolving them is MVS's job).</summary>
    public IReadOnlyList<Requirement> Require => [.. Live(_require).Select(r => new Requirement(r.Path, r.Version, r.Indirect))];

    /// <summary>The <c>exclude</c> lines, in file order (empty when lax-parsed: they apply only in the main module).</summary>
    public IReadOnlyList<Exclusion> Exclude => [.. Live(_exclude).Select(x => new Exclusion(x.Path, x.Version))];

    /// <summary>The <c>replace</c> lines, in file order (empty when lax-parsed: they apply only in the main module).</summary>
    public IReadOnlyList<Replacement> Replace =>
        [.. Live(_replace).Select(r => new Replacement(r.OldPath, r.OldVersion, r.NewPath, r.NewVersion))];

    /// <summary>The <c>retract</c> lines, in file order, with their rationale.</summary>
    public IReadOnlyList<Retraction> Retract => [.. Live(_retract).Select(r => new Retraction(r.Low, r.High, r.Rationale))];

    /// <summary>The <c>tool</c> package paths (Go 1.24+), in file order (empty when lax-parsed).</summary>
    public IReadOnlyList<string> Tool => [.. Live(_tool).Select(t => t.Path)];

    /// <summary>The <c>ignore</c> directory paths (Go 1.25+), in file order; read in both modes, as go does.</summary>
    public IReadOnlyList<string> Ignore => [.. Live(_ignore).Select(t => t.Path)];

    private static IEnumerable<T> Live<T>(List<T> entries) where T : Entry => entries.Where(e => !e.Removed);

    /// <summary>
    /// Parses the main module's go.mod. Every directive must be known and well formed: module, go, toolchain,
    /// godebug, require, exclude, replace, retract, tool and ignore, on single lines or in <c>( )</c> blocks
    /// (go and toolchain only as single lines). Versions in require, exclude and replace must be valid semantic
    /// versions and are canonicalized (<c>v1.2</c> becomes <c>v1.2.0</c>), and a version's major must match the
    /// path's <c>/vN</c> suffix. Quoted strings that need no quotes are unquoted. Throws
    /// <see cref="ModFileParseException"/> (and nothing else) listing every error with go's position and wording; a
    /// syntax error stops parsing at once, directive errors are all collected.
    /// </summary>
    public static GoModFile Parse(string fileName, string text) => ParseFile(fileName, text, strict: true);

    /// <summary>
    /// Parses a dependency's go.mod as go does, tolerating directives from newer or other tools: only module, go,
    /// require, retract and ignore are interpreted; every other directive and block (exclude, replace, toolchain,
    /// godebug, tool, unknown ones) is kept in the syntax, so <see cref="Format"/> still writes it, but is neither
    /// checked nor exposed. A malformed retract is skipped. A go version is also accepted when it starts with
    /// <c>[v]1.N</c> followed by a non-digit (only <c>1.N</c> is kept). Syntax errors and errors in the interpreted
    /// directives still throw <see cref="ModFileParseException"/>.
    /// </summary>
    public static GoModFile ParseLax(string fileName, string text) => ParseFile(fileName, text, strict: false);

    private static GoModFile ParseFile(string fileName, string text, bool strict, bool work = false)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var file = new GoModFile(fileName, SyntaxParser.Parse(fileName, text)) { _work = work };
        var errors = new List<ModFileError>();
        foreach (var stmt in file._syntax.Statements)
        {
            switch (stmt)
            {
                case SyntaxLine line:
                    file.Interpret(errors, null, line, line.Tokens[0], new Args(line.Tokens, 1), strict);
                    break;
                case SyntaxBlock block:
                    if (block.Tokens.Count == 1 && (work ? IsWorkBlock(block.Tokens[0]) : block.Tokens[0] is "module" or "godebug" or "require" or "exclude"
                            or "replace" or "retract" or "tool" or "ignore"))
                    {
                        foreach (var line in block.Lines)
                            file.Interpret(errors, block, line, block.Tokens[0], new Args(line.Tokens, 0), strict);
                    }
                    else if (strict)
                    {
                        errors.Add(file.ErrorAt(block.SpanStart, $"unknown block type: {string.Join(' ', block.Tokens)}"));
                    }
                    break;
            }
        }
        if (strict) file.CheckUtf8Paths(errors);
        if (errors.Count > 0) throw new ModFileParseException(errors);
        return file;
    }

    private ModFileError ErrorAt(SourcePosition position, string message) =>
        new(FileName, position.Line, position.Column, message);

    /// <summary>The arguments of a directive: a window on its line's tokens, written back when a value is normalized.</summary>
    private readonly struct Args(List<string> tokens, int offset)
    {
        public int Count => tokens.Count - offset;

        public string this[int index]
        {
            get => tokens[offset + index];
            set => tokens[offset + index] = value;
        }
    }

    private void Interpret(List<ModFileError> errors, SyntaxBlock? block, SyntaxLine line, string verb, Args args, bool strict)
    {
        // A dependency's go.mod may use directives this reader does not know, or that only matter in the main module.
        if (!strict && verb is not ("go" or "module" or "retract" or "require" or "ignore")) return;

        void Fail(string message) => errors.Add(ErrorAt(line.SpanStart, message));
        string error;
        if (_work && !IsWorkDirective(verb))
        {
            Fail($"unknown directive: {verb}");
            return;
        }

        switch (verb)
        {
            case "use" when _work:
                InterpretUse(line, args, Fail);
                break;

            case "go":
                if (_go is not null)
                {
                    Fail("repeated go statement");
                    return;
                }
                if (args.Count != 1)
                {
                    Fail("go directive expects exactly one argument");
                    return;
                }
                if (!ModFileRules.GoVersion().IsMatch(args[0]))
                {
                    var lax = strict ? null : ModFileRules.LaxGoVersion().Match(args[0]);
                    if (lax is not { Success: true })
                    {
                        Fail($"invalid go version '{args[0]}': must match format 1.23.0");
                        return;
                    }
                    args[0] = lax.Groups[1].Value;
                }
                _go = new GoEntry { Version = args[0], Line = line };
                break;

            case "toolchain":
                if (_toolchain is not null)
                {
                    Fail("repeated toolchain statement");
                    return;
                }
                if (args.Count != 1)
                {
                    Fail("toolchain directive expects exactly one argument");
                    return;
                }
                if (!ModFileRules.Toolchain().IsMatch(args[0]))
                {
                    Fail($"invalid toolchain version '{args[0]}': must match format go1.23.0 or default");
                    return;
                }
                _toolchain = new ToolchainEntry { Name = args[0], Line = line };
                break;

            case "module":
                if (_module is not null)
                {
                    Fail("repeated module statement");
                    return;
                }
                _module = new ModuleEntry { Deprecated = ParseDeprecation(block, line), Line = line };
                if (args.Count != 1)
                {
                    Fail("usage: module module/path");
                    return;
                }
                if (!TryParseString(args, 0, out var modulePath, out error))
                {
                    Fail($"invalid quoted string: {error}");
                    return;
                }
                _module.Path = modulePath;
                break;

            case "godebug":
                if (args.Count != 1 || args[0].AsSpan().IndexOfAny("\"`',") >= 0 || !args[0].Contains('='))
                {
                    Fail("usage: godebug key=value");
                    return;
                }
                var equals = args[0].IndexOf('=');
                _godebug.Add(new GodebugEntry { Key = args[0][..equals], Value = args[0][(equals + 1)..], Line = line });
                break;

            case "require" or "exclude":
                if (args.Count != 2)
                {
                    Fail($"usage: {verb} module/path v1.2.3");
                    return;
                }
                if (!TryParseString(args, 0, out var path, out error))
                {
                    Fail($"invalid quoted string: {error}");
                    return;
                }
                if (!TryParseVersion(verb, path, args, 1, canonicalize: true, out var version, out error))
                {
                    Fail(error);
                    return;
                }
                if (!ModulePath.SplitPathVersion(path, out _, out var pathMajor))
                {
                    Fail("invalid module path");
                    return;
                }
                if (!ModulePath.MatchPathMajor(version, pathMajor))
                {
                    Fail(Directive(verb, path) + PathMajorMismatch(version, pathMajor));
                    return;
                }
                if (verb == "require")
                    _require.Add(new RequireEntry { Path = path, Version = version, Indirect = ModFileRules.IsIndirect(line), Line = line });
                else
                    _exclude.Add(new ExcludeEntry { Path = path, Version = version, Line = line });
                break;

            case "replace":
                if (TryParseReplace(line, verb, args, out var replace, out error)) _replace.Add(replace);
                else Fail(error);
                break;

            case "retract":
                var rationale = DirectiveComment(block, line);
                if (!TryParseInterval(verb, args, out var low, out var high, out var used, out error))
                {
                    // A dependency may use interval syntax from the future; only the main module's must be readable.
                    if (strict) Fail(error);
                    return;
                }
                if (used < args.Count && strict)
                {
                    Fail($"unexpected token after version: {GoText.Quote(args[used])}");
                    return;
                }
                _retract.Add(new RetractEntry { Low = low, High = high, Rationale = rationale, Line = line });
                break;

            case "tool" or "ignore":
                if (args.Count != 1)
                {
                    Fail($"{verb} directive expects exactly one argument");
                    return;
                }
                if (!TryParseString(args, 0, out var toolPath, out error))
                {
                    Fail($"invalid quoted string: {error}");
                    return;
                }
                (verb == "tool" ? _tool : _ignore).Add(new PathEntry { Path = toolPath, Line = line });
                break;

            default:
                Fail($"unknown directive: {verb}");
                break;
        }
    }

    private bool TryParseReplace(SyntaxLine line, string verb, Args args, out ReplaceEntry replace, out string error)
    {
        replace = null!;
        var arrow = args.Count >= 2 && args[1] == "=>" ? 1 : 2;
        if (args.Count < arrow + 2 || args.Count > arrow + 3 || args[arrow] != "=>")
        {
            error = $"usage: {verb} module/path [v1.2.3] => other/module v1.4\n\t or {verb} module/path [v1.2.3] => ../local/directory";
            return false;
        }
        if (!TryParseString(args, 0, out var oldPath, out error))
        {
            error = $"invalid quoted string: {error}";
            return false;
        }
        if (!ModulePath.SplitPathVersion(oldPath, out _, out var pathMajor))
        {
            error = Directive(verb, oldPath) + "invalid module path";
            return false;
        }
        var oldVersion = "";
        if (arrow == 2)
        {
            if (!TryParseVersion(verb, oldPath, args, 1, canonicalize: true, out oldVersion, out error)) return false;
            if (!ModulePath.MatchPathMajor(oldVersion, pathMajor))
            {
                error = Directive(verb, oldPath) + PathMajorMismatch(oldVersion, pathMajor);
                return false;
            }
        }
        if (!TryParseString(args, arrow + 1, out var newPath, out error))
        {
            error = $"invalid quoted string: {error}";
            return false;
        }
        var newVersion = "";
        if (args.Count == arrow + 2)
        {
            if (!ModFileRules.IsDirectoryPath(newPath))
            {
                error = newPath.Contains('@')
                    ? "replacement module must match format 'path version', not 'path@version'"
                    : "replacement module without version must be directory path (rooted or starting with . or ..)";
                return false;
            }
            if (Path.DirectorySeparatorChar == '/' && newPath.Contains('\\'))
            {
                error = "replacement directory appears to be Windows path (on a non-windows system)";
                return false;
            }
        }
        if (args.Count == arrow + 3)
        {
            if (!TryParseVersion(verb, newPath, args, arrow + 2, canonicalize: true, out newVersion, out error)) return false;
            if (ModFileRules.IsDirectoryPath(newPath))
            {
                error = $"replacement module directory path {GoText.Quote(newPath)} cannot have version";
                return false;
            }
        }
        replace = new ReplaceEntry { OldPath = oldPath, OldVersion = oldVersion, NewPath = newPath, NewVersion = newVersion, Line = line };
        error = "";
        return true;
    }

    /// <summary>
    /// Reads <c>v</c> or <c>[low, high]</c>. Retracted versions are not canonicalized or checked here, as go's
    /// main-module reader does not either; a malformed string is still an error.
    /// </summary>
    private static bool TryParseInterval(string verb, Args args, out string low, out string high, out int used, out string error)
    {
        low = high = "";
        used = 0;
        if (args.Count == 0 || args[0] == "(")
        {
            error = "expected '[' or version";
            return false;
        }
        if (args[0] != "[")
        {
            if (!TryParseVersion(verb, "", args, 0, canonicalize: false, out low, out error)) return false;
            high = low;
            used = 1;
            return true;
        }
        if (args.Count < 2)
        {
            error = "expected version after '['";
            return false;
        }
        if (!TryParseVersion(verb, "", args, 1, canonicalize: false, out low, out error)) return false;
        if (args.Count < 3 || args[2] != ",")
        {
            error = "expected ',' after version";
            return false;
        }
        if (args.Count < 4)
        {
            error = "expected version after ','";
            return false;
        }
        if (!TryParseVersion(verb, "", args, 3, canonicalize: false, out high, out error)) return false;
        if (args.Count < 5 || args[4] != "]")
        {
            error = "expected ']' after version";
            return false;
        }
        used = 5;
        return true;
    }

    /// <summary>
    /// Reads a string token: a Go double-quoted literal, or a bare token that contains no quote character (other
    /// quotes are reserved). On success the token is rewritten in its canonical form (quoted only if it must be).
    /// </summary>
    private static bool TryParseString(Args args, int index, out string value, out string error)
    {
        var token = args[index];
        error = "";
        if (token.StartsWith('"'))
        {
            if (!GoText.TryUnquote(token, out value))
            {
                error = "invalid syntax";
                return false;
            }
        }
        else if (token.AsSpan().IndexOfAny("\"'`") >= 0)
        {
            value = "";
            error = "unquoted string cannot contain quote";
            return false;
        }
        else
        {
            value = token;
        }
        args[index] = ModFileRules.AutoQuote(value);
        return true;
    }

    /// <summary>
    /// Reads a version token; with <paramref name="canonicalize"/> it must be a valid semantic version and is
    /// replaced by its canonical form (keeping <c>+incompatible</c>). The token is rewritten unquoted, as go does.
    /// </summary>
    private static bool TryParseVersion(string verb, string path, Args args, int index, bool canonicalize, out string version, out string error)
    {
        var raw = args[index];
        version = "";
        if (!TryParseString(args, index, out var value, out var stringError))
        {
            error = Directive(verb, path) + InvalidVersion(raw, stringError);
            return false;
        }
        if (canonicalize)
        {
            var canonical = ModulePath.CanonicalVersion(value);
            if (canonical.Length == 0)
            {
                error = Directive(verb, path) + InvalidVersion(value, "must be of the form v1.2.3");
                return false;
            }
            value = canonical;
        }
        args[index] = value;
        version = value;
        error = "";
        return true;
    }

    private static string Directive(string verb, string path) =>
        path.Length > 0 ? $"{verb} {path}: " : verb.Length > 0 ? $"{verb}: " : "";

    private static string InvalidVersion(string version, string detail) => $"version {GoText.Quote(version)} invalid: {detail}";

    private static string PathMajorMismatch(string version, string pathMajor)
    {
        try
        {
            ModulePath.CheckPathMajor(version, pathMajor);
        }
        catch (InvalidVersionException e)
        {
            return e.Message;
        }
        return InvalidVersion(version, "does not match the module path");
    }

    private static string ParseDeprecation(SyntaxBlock? block, SyntaxLine line)
    {
        var match = ModFileRules.Deprecation().Match(DirectiveComment(block, line));
        return match.Success ? match.Groups[1].Value : "";
    }

    /// <summary>
    /// The text of a directive's comments (above and beside it; for a line in a block that has none, the block's),
    /// one trimmed line per comment, blank lines left out.
    /// </summary>
    private static string DirectiveComment(SyntaxBlock? block, SyntaxLine line)
    {
        SyntaxNode source = block is not null && line.Before.Count == 0 && line.Suffix.Count == 0 ? block : line;
        return string.Join("\n", source.Before.Concat(source.Suffix)
            .Where(c => c.Text.StartsWith("//", StringComparison.Ordinal))
            .Select(c => GoText.TrimSpace(c.Text[2..])));
    }
}
