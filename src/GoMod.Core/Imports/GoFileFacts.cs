namespace GoMod.Core.Imports;

/// <summary>
/// What the loaders learn from one <c>.go</c> file, whatever the build tags: its import header (package name, each
/// import spec with its position, go's NUL error), its build-constraint header, its <c>//go:embed</c> patterns (read
/// when it imports <c>embed</c>), its import comment and the package name go/build's embed reader sees. The package
/// load, go mod vendor's file selection and embeds, and the import-comment check all read these, so a file read once
/// serves every step of a restore (<see cref="GoFileFactsCache"/>).
/// </summary>
internal sealed class GoFileFacts
{
    private GoFileFacts(string packageName, IReadOnlyList<(string Quoted, SourcePosition Position)> specs, string? headerError,
        GoSourceScanner.ConstraintHeader constraints, IReadOnlyList<EmbedPattern> embeds, bool importsEmbed, bool importsEmbedLiterally,
        ImportComment? importComment, string embedPackageName)
    {
        PackageName = packageName;
        Specs = specs;
        HeaderError = headerError;
        Constraints = constraints;
        Embeds = embeds;
        ImportsEmbed = importsEmbed;
        ImportsEmbedLiterally = importsEmbedLiterally;
        ImportComment = importComment;
        EmbedPackageName = embedPackageName;
    }

    /// <summary>The package name of the import header (<see cref="GoSourceScanner.ReadHeader"/>).</summary>
    public string PackageName { get; }

    /// <summary>Each import spec: its quoted path and the position of the spec (at its name if it has one).</summary>
    public IReadOnlyList<(string Quoted, SourcePosition Position)> Specs { get; }

    /// <summary>The import reader's error (an unexpected NUL), or null.</summary>
    public string? HeaderError { get; }

    /// <summary>The build-constraint header, evaluated per tag set by <see cref="ShouldBuild"/>.</summary>
    public GoSourceScanner.ConstraintHeader Constraints { get; }

    /// <summary>The file's <c>//go:embed</c> patterns in order (duplicates kept), when it imports <c>embed</c> in any spelling; else empty.</summary>
    public IReadOnlyList<EmbedPattern> Embeds { get; }

    /// <summary>An import spec unquotes to <c>embed</c> (the package loader's test).</summary>
    public bool ImportsEmbed { get; }

    /// <summary>An import spec is literally <c>"embed"</c> or <c>`embed`</c> (go/build's UseAllFiles embed reader's test).</summary>
    public bool ImportsEmbedLiterally { get; }

    /// <summary>An import spec is <c>"C"</c> as written (the package loader's cgo test).</summary>
    public bool ImportsC => Specs.Any(s => s.Quoted == "\"C\"");

    /// <summary>The header read without error and an import spec is <c>"C"</c> or <c>`C`</c> (go/build's UseAllFiles cgo test).</summary>
    public bool ImportsCLiterally => HeaderError is null && Specs.Any(s => s.Quoted is "\"C\"" or "`C`");

    /// <summary>The import comment of the package clause, named by the file's full path; null when none.</summary>
    public ImportComment? ImportComment { get; }

    /// <summary>The package clause's name as go/build's embed reader finds it (empty when there is none).</summary>
    public string EmbedPackageName { get; }

    /// <summary>Whether the file's build constraints hold for <paramref name="tags"/> (go's <c>imports.ShouldBuild</c>).</summary>
    public bool ShouldBuild(BuildTags tags) => GoSourceScanner.ShouldBuild(Constraints, tags);

    /// <summary>
    /// Reads the facts of <paramref name="data"/>, the content of the file <paramref name="name"/> (positions are
    /// named by it) whose full path is <paramref name="path"/> (import comments are named by it).
    /// </summary>
    public static GoFileFacts Read(string name, string path, byte[] data) => Create(name, path, data, prefix: false)!;

    /// <summary>Facts kept from an earlier run (<see cref="SourceStore.SourceFactsStore"/>), exactly as that run read them.</summary>
    internal static GoFileFacts FromStore(string packageName, IReadOnlyList<(string Quoted, SourcePosition Position)> specs, string? headerError,
        GoSourceScanner.ConstraintHeader constraints, IReadOnlyList<EmbedPattern> embeds, bool importsEmbed, bool importsEmbedLiterally,
        ImportComment? importComment, string embedPackageName) =>
        new(packageName, specs, headerError, constraints, embeds, importsEmbed, importsEmbedLiterally, importComment, embedPackageName);

    /// <summary>How many bytes of a file <see cref="ReadFile"/> reads first.</summary>
    internal const int HeadSize = 8192;

    /// <summary>
    /// The facts of the file at <paramref name="path"/> as <see cref="Read"/> gives them, reading only its first
    /// <see cref="HeadSize"/> bytes when they hold everything the facts depend on (go's import reader also stops after
    /// the import block): the import reader stopped inside them without a NUL, the build-constraint header ended inside
    /// them, and the file does not import <c>embed</c> (its <c>//go:embed</c> lines may be anywhere). Otherwise, or when
    /// the file cannot be opened, the whole file from <paramref name="readAll"/>.
    /// </summary>
    public static GoFileFacts ReadFile(string name, string path, Func<byte[]> readAll)
    {
        var head = new byte[HeadSize];
        int n = 0;
        try
        {
            // FileShare.ReadWrite: a read-only open needs no advisory lock.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            while (n < head.Length)
            {
                int r = RandomAccess.Read(handle, head.AsSpan(n), n);
                if (r == 0) break;
                n += r;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Read(name, path, readAll());
        }
        if (n < head.Length) return Read(name, path, head.AsSpan(0, n).ToArray());
        return Create(name, path, head, prefix: true) ?? Read(name, path, readAll());
    }

    /// <summary>The facts of <paramref name="data"/>; when it is only a <paramref name="prefix"/> of the file, null unless it decides them all.</summary>
    private static GoFileFacts? Create(string name, string path, byte[] data, bool prefix)
    {
        var header = GoSourceScanner.ReadHeader(data);
        // The reader never reached the end of a prefix it stopped before: it read what it would read in the whole file.
        if (prefix && (header.End >= data.Length || header.Error is not null)) return null;
        var specs = new (string, SourcePosition)[header.Specs.Count];
        int line = 1, lineStart = 0, scanned = 0;
        bool importsEmbed = false, literally = false;
        for (int i = 0; i < specs.Length; i++)
        {
            var spec = header.Specs[i];
            // Specs come in file order: count lines once, from where the previous spec was.
            int offset = Math.Min(spec.Offset, data.Length);
            if (offset < scanned)
            {
                specs[i] = (spec.Quoted, SourcePosition.At(name, data, offset));
                continue;
            }
            for (; scanned < offset; scanned++)
            {
                if (data[scanned] != '\n') continue;
                line++;
                lineStart = scanned + 1;
            }
            specs[i] = (spec.Quoted, new SourcePosition(name, line, offset - lineStart + 1));
            if (spec.Quoted is "\"embed\"" or "`embed`") literally = true;
            if (GoSourceScanner.TryUnquoteImport(spec.Quoted, out var p) && p == "embed") importsEmbed = true;
        }
        GoSourceScanner.ConstraintHeader constraints;
        if (!prefix) constraints = GoSourceScanner.ReadConstraints(data);
        else if (importsEmbed || literally || GoSourceScanner.ReadConstraintsOfPrefix(data) is not { } c) return null;
        else constraints = c;
        IReadOnlyList<EmbedPattern> embeds = importsEmbed || literally && header.Error is null ? PackageFiles.FindEmbeds(name, data) : [];
        return new GoFileFacts(header.PackageName, specs, header.Error, constraints, embeds, importsEmbed,
            literally && header.Error is null, ImportCommentReader.Find(path, data), Vendor.EmbedDirectives.PackageName(data));
    }
}
