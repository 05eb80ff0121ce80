using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.ModFile;

// Edits follow x/mod's File methods, which `go mod edit`, `go get` and `go mod tidy` are built on: each rewrites only
// the lines it must, keeps their comments, and places new lines next to related ones. Deletions only mark lines;
// call Cleanup (Format does so on a copy) to take them out of the tree.
public sealed partial class GoModFile
{
    /// <summary>Sets the module path: rewrites the <c>module</c> line, or adds one at the end of the file.</summary>
    public void SetModule(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_module is null)
        {
            _module = new ModuleEntry { Path = path, Line = AddLine(null, "module", ModFileRules.AutoQuote(path)) };
        }
        else
        {
            _module.Path = path;
            UpdateLine(_module.Line, "module", ModFileRules.AutoQuote(path));
        }
    }

    /// <summary>
    /// Sets the <c>go</c> version: rewrites the go line, or adds one right after the module line (at the end if
    /// there is none). The version must be a Go version (<c>1.21</c>, <c>1.21.0</c>, <c>1.21rc1</c>); otherwise
    /// throws <see cref="FormatException"/>: <c>invalid language version "x"</c>.
    /// </summary>
    public void SetGo(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!ModFileRules.GoVersion().IsMatch(version))
            throw new FormatException($"invalid language version {GoText.Quote(version)}");
        if (_go is null)
        {
            _go = new GoEntry { Version = version, Line = AddLine(_module?.Line, "go", version) };
        }
        else
        {
            _go.Version = version;
            UpdateLine(_go.Line, "go", version);
        }
    }

    /// <summary>Deletes the <c>go</c> line, if any.</summary>
    public void DropGo()
    {
        _go?.Line.MarkRemoved();
        _go = null;
    }

    /// <summary>
    /// Sets the <c>toolchain</c> name: rewrites its line, or adds one after the go line (else after the module line,
    /// else at the end). The name must be <c>default</c> or start with <c>go1</c> followed by the end or a dot;
    /// otherwise throws <see cref="FormatException"/>: <c>invalid toolchain name "x"</c>.
    /// </summary>
    public void SetToolchain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ModFileRules.Toolchain().IsMatch(name))
            throw new FormatException($"invalid toolchain name {GoText.Quote(name)}");
        if (_toolchain is null)
        {
            _toolchain = new ToolchainEntry { Name = name, Line = AddLine(_go?.Line ?? _module?.Line, "toolchain", name) };
        }
        else
        {
            _toolchain.Name = name;
            UpdateLine(_toolchain.Line, "toolchain", name);
        }
    }

    /// <summary>Deletes the <c>toolchain</c> line, if any.</summary>
    public void DropToolchain()
    {
        _toolchain?.Line.MarkRemoved();
        _toolchain = null;
    }

    /// <summary>
    /// Sets <c>godebug key=value</c>: the first line for the key is rewritten and any others deleted; with none, a
    /// line is added at the end of the last godebug block or line.
    /// </summary>
    public void AddGodebug(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var found = false;
        foreach (var g in Live(_godebug).Where(g => g.Key == key).ToList())
        {
            if (found)
            {
                g.Remove();
                continue;
            }
            found = true;
            g.Value = value;
            UpdateLine(g.Line, "godebug", key + "=" + value);
        }
        if (!found) _godebug.Add(new GodebugEntry { Key = key, Value = value, Line = AddLine(null, "godebug", key + "=" + value) });
    }

    /// <summary>Deletes every <c>godebug</c> line for <paramref name="key"/>.</summary>
    public void DropGodebug(string key)
    {
        foreach (var g in Live(_godebug).Where(g => g.Key == key)) g.Remove();
    }

    /// <summary>
    /// Requires <paramref name="path"/> at <paramref name="version"/> (<c>go mod edit -require</c>): the first
    /// require line for the path gets the new version, keeping its comments (an <c>// indirect</c> mark too); other
    /// lines for the path are deleted. With no line for the path, one is added at the end of the last require block
    /// (a single require line first becomes a block), or at the end of the file.
    /// </summary>
    public void AddRequire(string path, string version)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(version);
        var found = false;
        foreach (var r in Live(_require).Where(r => r.Path == path).ToList())
        {
            if (found)
            {
                r.Remove();
                continue;
            }
            found = true;
            r.Version = version;
            UpdateLine(r.Line, "require", ModFileRules.AutoQuote(path), version);
        }
        if (!found) AddNewRequire(path, version, indirect: false);
    }

    /// <summary>
    /// Adds a require line for <paramref name="path"/> at the end of the last require block (see
    /// <see cref="AddRequire"/>), even if the path is already required.
    /// </summary>
    public void AddNewRequire(string path, string version, bool indirect)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(version);
        var entry = new RequireEntry { Path = path, Version = version, Line = AddLine(null, "require", ModFileRules.AutoQuote(path), version) };
        SetIndirect(entry, indirect);
        _require.Add(entry);
    }

    /// <summary>
    /// Makes the requirements exactly <paramref name="requirements"/>, keeping the block layout: the first line for
    /// each wanted path gets its version and indirect mark (other comments stay; a blank line just above it in a
    /// block is dropped), every other require line is deleted, new paths are added to the last require block, and
    /// the blocks are sorted (<see cref="SortBlocks"/>). Two different versions for one path throw
    /// <see cref="ArgumentException"/>. Call <see cref="Cleanup"/> afterwards.
    /// </summary>
    public void SetRequire(IEnumerable<Requirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var need = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var r in requirements)
        {
            if (need.TryGetValue(r.Path, out var previous))
            {
                if (previous.Version != r.Version)
                    throw new ArgumentException($"SetRequire called with conflicting versions for path {r.Path} ({previous.Version} and {r.Version})", nameof(requirements));
            }
            else
            {
                order.Add(r.Path);
            }
            need[r.Path] = r;
        }

        foreach (var r in Live(_require).ToList())
        {
            if (need.Remove(r.Path, out var wanted))
            {
                SetVersion(r, wanted.Version);
                SetIndirect(r, wanted.Indirect);
            }
            else
            {
                r.Remove();
            }
        }
        foreach (var path in order)
            if (need.TryGetValue(path, out var r)) AddNewRequire(r.Path, r.Version, r.Indirect);

        SortBlocks();
    }

    /// <summary>
    /// Like <see cref="SetRequire"/>, but keeps direct and indirect requirements in two blocks, as go does for
    /// modules at go 1.17 or later: the last uncommented block (or line) with only direct requirements and the last
    /// with only indirect ones receive new requirements, and requirements whose mark changes move between those two.
    /// Lines in other blocks, and commented lines, stay where they are. A file with exactly one require block or line
    /// and no comments on it is split into a direct and an indirect block. Duplicate lines are deleted. Blocks are
    /// sorted; call <see cref="Cleanup"/> afterwards.
    /// </summary>
    public void SetRequireSeparateIndirect(IEnumerable<Requirement> requirements) => SetRequireSeparateIndirect(requirements, simplify: false);

    /// <summary>
    /// Like <see cref="SetRequireSeparateIndirect(IEnumerable{Requirement})"/>, but every requirement goes to one of at
    /// most two blocks, direct and indirect, whatever block or comment held it (go 1.27's tidy of modules at go 1.27 or
    /// later, golang/go#56471). A block's leading comment is kept above the direct block when one of its requirements
    /// stays direct, else (only indirect ones, or only lines that go) above the indirect block; several are parted by
    /// an empty <c>//</c> line. Blocks are sorted; call <see cref="Cleanup"/> afterwards.
    /// </summary>
    public void SetRequireAtMostTwo(IEnumerable<Requirement> requirements) => SetRequireSeparateIndirect(requirements, simplify: true);

    private void SetRequireSeparateIndirect(IEnumerable<Requirement> requirements, bool simplify)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var need = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var r in requirements)
        {
            if (!need.ContainsKey(r.Path)) order.Add(r.Path);
            need[r.Path] = r;
        }
        // Whether each existing line will be indirect: where a block's comments go when blocks are merged.
        var willBeIndirect = new Dictionary<SyntaxLine, bool>(ReferenceEqualityComparer.Instance);
        if (simplify)
            foreach (var r in Live(_require))
                if (need.TryGetValue(r.Path, out var wanted)) willBeIndirect[r.Line] = wanted.Indirect;
        List<Comment> directComments = [], indirectComments = [];

        // Comments other than the indirect mark pin a line or block in place.
        static bool HasComments(SyntaxNode node) =>
            node.Before.Count > 0 || node.After.Count > 0 || node.Suffix.Count > 1 ||
            (node.Suffix.Count == 1 && GoText.TrimSpace(ModFileRules.TrimCommentPrefix(node.Suffix[0].Text)) != "indirect");

        var statements = _syntax.Statements;
        int lastDirect = -1, lastIndirect = -1, lastRequire = -1, requireCount = 0;
        var lineToBlock = new Dictionary<SyntaxLine, SyntaxBlock>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < statements.Count; i++)
        {
            switch (statements[i])
            {
                case SyntaxLine line when line.Verb == "require":
                    lastRequire = i;
                    requireCount++;
                    if (!HasComments(line))
                    {
                        if (ModFileRules.IsIndirect(line)) lastIndirect = i;
                        else lastDirect = i;
                    }
                    break;
                case SyntaxBlock block when block.Tokens[0] == "require":
                    lastRequire = i;
                    requireCount++;
                    var allDirect = block.Lines.Count > 0 && !HasComments(block);
                    var allIndirect = allDirect;
                    foreach (var line in block.Lines)
                    {
                        lineToBlock[line] = block;
                        if (HasComments(line))
                        {
                            allDirect = false;
                            allIndirect = false;
                        }
                        else if (ModFileRules.IsIndirect(line))
                        {
                            allDirect = false;
                        }
                        else
                        {
                            allIndirect = false;
                        }
                    }
                    if (allDirect) lastDirect = i;
                    if (allIndirect) lastIndirect = i;
                    if (simplify)
                    {
                        var anyDirect = block.Lines.Any(l => willBeIndirect.TryGetValue(l, out var indirect) && !indirect);
                        var target = !anyDirect && block.Lines.Count > 0 ? indirectComments : directComments;
                        if (target.Count > 0 && block.Before.Count > 0) target.Add(new Comment(default, "//"));
                        target.AddRange(block.Before);
                        block.Before = [];
                    }
                    break;
            }
        }

        var oneFlatUncommentedBlock = requireCount == 1 && !HasComments(statements[lastRequire]);

        SyntaxBlock InsertBlock(int index)
        {
            var block = new SyntaxBlock("require");
            statements.Insert(index, block);
            return block;
        }

        SyntaxBlock EnsureBlock(int index)
        {
            if (statements[index] is SyntaxBlock existing) return existing;
            var line = (SyntaxLine)statements[index];
            var block = new SyntaxBlock("require");
            line.Tokens = line.Tokens[1..];
            line.InBlock = true;
            block.Lines.Add(line);
            statements[index] = block;
            return block;
        }

        SyntaxBlock directBlock;
        if (lastDirect < 0)
        {
            if (lastIndirect >= 0)
            {
                lastDirect = lastIndirect;
                lastIndirect++;
            }
            else
            {
                lastDirect = lastRequire >= 0 ? lastRequire + 1 : statements.Count;
            }
            directBlock = InsertBlock(lastDirect);
        }
        else
        {
            directBlock = EnsureBlock(lastDirect);
        }

        SyntaxBlock indirectBlock;
        if (lastIndirect < 0)
        {
            lastIndirect = lastDirect + 1;
            indirectBlock = InsertBlock(lastIndirect);
        }
        else
        {
            indirectBlock = EnsureBlock(lastIndirect);
        }

        if (simplify)
        {
            directBlock.Before.AddRange(directComments);
            indirectBlock.Before.AddRange(indirectComments);
        }

        var have = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Live(_require).ToList())
        {
            if (!need.TryGetValue(r.Path, out var wanted) || !have.Add(r.Path))
            {
                r.Remove();
                continue;
            }
            SetVersion(r, wanted.Version);
            SetIndirect(r, wanted.Indirect);
            var block = lineToBlock.GetValueOrDefault(r.Line);
            if (wanted.Indirect && (simplify || oneFlatUncommentedBlock || block == directBlock)) MoveRequire(r, indirectBlock);
            else if (!wanted.Indirect && (simplify || oneFlatUncommentedBlock || block == indirectBlock)) MoveRequire(r, directBlock);
        }

        foreach (var path in order)
        {
            if (have.Contains(path)) continue;
            var wanted = need[path];
            var entry = new RequireEntry { Path = wanted.Path, Version = wanted.Version, Indirect = wanted.Indirect };
            MoveRequire(entry, wanted.Indirect ? indirectBlock : directBlock);
            _require.Add(entry);
        }

        SortBlocks();
    }

    /// <summary>Moves a requirement's line (with its comments) to the end of <paramref name="block"/>, or creates it there.</summary>
    private static void MoveRequire(RequireEntry r, SyntaxBlock block)
    {
        SyntaxLine line;
        if (r.Line is null)
        {
            line = new SyntaxLine([ModFileRules.AutoQuote(r.Path), r.Version], inBlock: true);
            r.Line = line;
            if (r.Indirect) SetIndirect(r, true);
        }
        else
        {
            var old = r.Line;
            line = old.Clone();
            if (!line.InBlock && line.Tokens.Count > 0 && line.Tokens[0] == "require") line.Tokens = line.Tokens[1..];
            old.MarkRemoved();
            r.Line = line;
        }
        line.InBlock = true;
        block.Lines.Add(line);
    }

    /// <summary>Deletes every require line for <paramref name="path"/>.</summary>
    public void DropRequire(string path)
    {
        foreach (var r in Live(_require).Where(r => r.Path == path)) r.Remove();
    }

    /// <summary>
    /// Adds or removes the <c>// indirect</c> mark on every require line for <paramref name="path"/>: an existing
    /// end-of-line comment becomes <c>// indirect; comment</c> (and back); returns false if the path is not required.
    /// </summary>
    public bool SetIndirect(string path, bool indirect)
    {
        var found = false;
        foreach (var r in Live(_require).Where(r => r.Path == path))
        {
            SetIndirect(r, indirect);
            found = true;
        }
        return found;
    }

    private static void SetVersion(RequireEntry r, string version)
    {
        r.Version = version;
        var line = r.Line;
        if (line.IsRemoved || line.Tokens.Count == 0) return;
        if (line.InBlock)
        {
            // A blank line above an updated requirement goes, or it would separate the line from its neighbours for
            // no reason once the block is re-sorted (go issue 33779).
            if (line.Before.Count == 1 && line.Before[0].Text.Length == 0) line.Before = [];
            if (line.Tokens.Count >= 2) line.Tokens[1] = version;
        }
        else if (line.Tokens.Count >= 3)
        {
            line.Tokens[2] = version;
        }
    }

    private static void SetIndirect(RequireEntry r, bool indirect)
    {
        r.Indirect = indirect;
        var line = r.Line;
        if (ModFileRules.IsIndirect(line) == indirect) return;
        if (indirect)
        {
            if (line.Suffix.Count == 0)
            {
                line.Suffix = [new Comment(default, "// indirect", IsSuffix: true)];
                return;
            }
            var text = GoText.TrimSpace(ModFileRules.TrimCommentPrefix(line.Suffix[0].Text));
            line.Suffix[0] = line.Suffix[0] with { Text = text.Length == 0 ? "// indirect" : "// indirect; " + text };
            return;
        }
        var first = line.Suffix[0].Text;
        if (GoText.TrimSpace(ModFileRules.TrimCommentPrefix(first)) == "indirect")
        {
            line.Suffix = [];
            return;
        }
        var at = first.IndexOf("indirect;", StringComparison.Ordinal);
        line.Suffix[0] = line.Suffix[0] with { Text = "//" + first[(at + "indirect;".Length)..] };
    }

    /// <summary>
    /// Excludes <paramref name="path"/>@<paramref name="version"/> (<c>go mod edit -exclude</c>); a no-op if already
    /// excluded. The new line goes after the last exclude line for the same path, else at the end of the file (not
    /// into an exclude block: go behaves so). The version must be canonical and match the path's major version, else
    /// <see cref="InvalidVersionException"/> with go's text.
    /// </summary>
    public void AddExclude(string path, string version)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(version);
        CheckCanonicalVersion(path, version);
        SyntaxLine? hint = null;
        foreach (var x in Live(_exclude))
        {
            if (x.Path == path && x.Version == version) return;
            if (x.Path == path) hint = x.Line;
        }
        _exclude.Add(new ExcludeEntry { Path = path, Version = version, Line = AddLineNextTo(hint, "exclude", ModFileRules.AutoQuote(path), version) });
    }

    /// <summary>Deletes the exclude lines for exactly <paramref name="path"/>@<paramref name="version"/>.</summary>
    public void DropExclude(string path, string version)
    {
        foreach (var x in Live(_exclude).Where(x => x.Path == path && x.Version == version)) x.Remove();
    }

    /// <summary>
    /// Replaces <paramref name="oldPath"/> (at <paramref name="oldVersion"/>, or every version when empty) by
    /// <paramref name="newPath"/> at <paramref name="newVersion"/> (empty for a directory), as
    /// <c>go mod edit -replace</c>: the first matching replace line is rewritten (an unversioned old path matches
    /// every version), other matching ones are deleted; otherwise a line is added after the last replace line for
    /// the same old path, else at the end of the file (not into a replace block: go behaves so).
    /// </summary>
    public void AddReplace(string oldPath, string oldVersion, string newPath, string newVersion)
    {
        ArgumentNullException.ThrowIfNull(oldPath);
        ArgumentNullException.ThrowIfNull(oldVersion);
        ArgumentNullException.ThrowIfNull(newPath);
        ArgumentNullException.ThrowIfNull(newVersion);
        var tokens = new List<string> { "replace", ModFileRules.AutoQuote(oldPath) };
        if (oldVersion.Length > 0) tokens.Add(oldVersion);
        tokens.Add("=>");
        tokens.Add(ModFileRules.AutoQuote(newPath));
        if (newVersion.Length > 0) tokens.Add(newVersion);

        var found = false;
        SyntaxLine? hint = null;
        foreach (var r in Live(_replace).ToList())
        {
            if (r.OldPath == oldPath && (oldVersion.Length == 0 || r.OldVersion == oldVersion))
            {
                if (found)
                {
                    r.Remove();
                    continue;
                }
                found = true;
                r.OldVersion = oldVersion;
                r.NewPath = newPath;
                r.NewVersion = newVersion;
                UpdateLine(r.Line, [.. tokens]);
                continue;
            }
            if (r.OldPath == oldPath) hint = r.Line;
        }
        if (!found)
        {
            _replace.Add(new ReplaceEntry
            {
                OldPath = oldPath, OldVersion = oldVersion, NewPath = newPath, NewVersion = newVersion,
                Line = AddLineNextTo(hint, [.. tokens]),
            });
        }
    }

    /// <summary>Deletes the replace lines for exactly <paramref name="oldPath"/> and <paramref name="oldVersion"/> (empty: the unversioned one).</summary>
    public void DropReplace(string oldPath, string oldVersion)
    {
        foreach (var r in Live(_replace).Where(r => r.OldPath == oldPath && r.OldVersion == oldVersion)) r.Remove();
    }

    /// <summary>
    /// Retracts <c>[low, high]</c> (a single version when equal), adding a line at the end of the last retract block
    /// with the rationale as comments above it. Versions must be canonical and fit the module path, else
    /// <see cref="InvalidVersionException"/>.
    /// </summary>
    public void AddRetract(string low, string high, string rationale = "")
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(rationale);
        var path = _module?.Path ?? "";
        CheckCanonicalVersion(path, high);
        CheckCanonicalVersion(path, low);
        var line = low == high
            ? AddLine(null, "retract", ModFileRules.AutoQuote(low))
            : AddLine(null, "retract", "[", ModFileRules.AutoQuote(low), ",", ModFileRules.AutoQuote(high), "]");
        if (rationale.Length > 0)
            line.Before.AddRange(rationale.Split('\n').Select(text => new Comment(default, "// " + text)));
        _retract.Add(new RetractEntry { Low = low, High = high, Rationale = rationale, Line = line });
    }

    /// <summary>Deletes the retract lines for exactly the interval <c>[low, high]</c>.</summary>
    public void DropRetract(string low, string high)
    {
        foreach (var r in Live(_retract).Where(r => r.Low == low && r.High == high)) r.Remove();
    }

    /// <summary>Adds a <c>tool</c> line for <paramref name="path"/> (a no-op if present) and sorts the blocks.</summary>
    public void AddTool(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Live(_tool).Any(t => t.Path == path)) return;
        _tool.Add(new PathEntry { Path = path, Line = AddLine(null, "tool", ModFileRules.AutoQuote(path)) });
        SortBlocks();
    }

    /// <summary>Deletes the <c>tool</c> lines for <paramref name="path"/>.</summary>
    public void DropTool(string path)
    {
        foreach (var t in Live(_tool).Where(t => t.Path == path)) t.Remove();
    }

    /// <summary>
    /// x/mod's checkCanonicalVersion: <paramref name="version"/> must equal its canonical form and fit the major
    /// version of <paramref name="path"/>, suggesting <c>+incompatible</c> for a v2+ version of an unsuffixed path.
    /// </summary>
    private static void CheckCanonicalVersion(string path, string version)
    {
        var splitOk = ModulePath.SplitPathVersion(path, out _, out var pathMajor);
        if (!splitOk) pathMajor = "";
        if (version.Length == 0 || version != ModulePath.CanonicalVersion(version))
        {
            var form = pathMajor.Length == 0 ? "v1.2.3" : ModulePath.PathMajorPrefix(pathMajor) + ".2.3";
            throw new InvalidVersionException(version, false, $"must be of the form {form}");
        }
        if (splitOk && !ModulePath.MatchPathMajor(version, pathMajor))
        {
            if (pathMajor.Length == 0)
                throw new InvalidVersionException(version, false, $"should be {version}+incompatible (or module {path}/{SemVer.Major(version)})");
            ModulePath.CheckPathMajor(version, pathMajor);
        }
    }

    /// <summary>
    /// Adds a line next to <paramref name="hint"/>: into the hint's block (or a block made from the hint line) when
    /// the verbs match, else right after the hint's statement. Without a hint, next to the last statement with the
    /// same verb; with none, at the end of the file.
    /// </summary>
    private SyntaxLine AddLine(SyntaxNode? hint, params string[] tokens)
    {
        var statements = _syntax.Statements;
        var verb = tokens[0];
        if (hint is null)
        {
            for (var i = statements.Count - 1; i >= 0 && hint is null; i--)
            {
                hint = statements[i] switch
                {
                    SyntaxLine line when line.Verb == verb => line,
                    SyntaxBlock block when block.Tokens[0] == verb => block,
                    _ => null,
                };
            }
        }

        if (hint is not null)
        {
            for (var i = 0; i < statements.Count; i++)
            {
                switch (statements[i])
                {
                    case SyntaxLine line when ReferenceEquals(line, hint):
                        if (line.Verb != verb) return InsertAfter(i);
                        // The hint line becomes the first line of a new block; its comments stay with it.
                        var newBlock = new SyntaxBlock(verb);
                        line.Tokens = line.Tokens[1..];
                        line.InBlock = true;
                        newBlock.Lines.Add(line);
                        statements[i] = newBlock;
                        var added = new SyntaxLine([.. tokens[1..]], inBlock: true);
                        newBlock.Lines.Add(added);
                        return added;

                    case SyntaxBlock hintBlock when ReferenceEquals(hintBlock, hint):
                        if (hintBlock.Tokens[0] != verb) return InsertAfter(i);
                        var appended = new SyntaxLine([.. tokens[1..]], inBlock: true);
                        hintBlock.Lines.Add(appended);
                        return appended;

                    case SyntaxBlock other:
                        var j = other.Lines.FindIndex(l => ReferenceEquals(l, hint));
                        if (j < 0) continue;
                        if (other.Tokens[0] != verb) return InsertAfter(i);
                        var inserted = new SyntaxLine([.. tokens[1..]], inBlock: true);
                        other.Lines.Insert(j + 1, inserted);
                        return inserted;
                }
            }
        }

        var last = new SyntaxLine([.. tokens], inBlock: false);
        statements.Add(last);
        return last;

        SyntaxLine InsertAfter(int index)
        {
            var line = new SyntaxLine([.. tokens], inBlock: false);
            statements.Insert(index + 1, line);
            return line;
        }
    }

    /// <summary>
    /// Adds a line after <paramref name="hint"/> (see <see cref="AddLine"/>), or at the end of the file without one.
    /// x/mod's AddExclude and AddReplace hand addLine a nil <c>*Line</c> inside a non-nil interface, which skips the
    /// search for a block with the same verb; go mod edit's output depends on that, so it is kept.
    /// </summary>
    private SyntaxLine AddLineNextTo(SyntaxLine? hint, params string[] tokens)
    {
        if (hint is not null) return AddLine(hint, tokens);
        var line = new SyntaxLine([.. tokens], inBlock: false);
        _syntax.Statements.Add(line);
        return line;
    }

    /// <summary>Rewrites a line's tokens; a line inside a block drops the verb.</summary>
    private static void UpdateLine(SyntaxLine line, params string[] tokens) =>
        line.Tokens = line.InBlock ? [.. tokens[1..]] : [.. tokens];
}
