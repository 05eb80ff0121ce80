using System.Collections.Concurrent;
using GoMod.Core.Fetch;
using GoMod.Core.GraphCache;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.ModSource;
using GoMod.Core.ModSummaries;
using GoMod.Core.Module;
using GoMod.Core.Semver;
using GoMod.Core.Sum;

namespace GoMod.Core.ModLoad;

/// <summary>
/// The state of one go command invocation over one main module (modload's globals, made an instance):
/// the main go.mod, the graph source, and the caches of go.mod summaries and queries.
/// Graph reading runs in parallel; everything else runs on the caller's flow.
/// </summary>
internal sealed partial class ModuleLoader
{
    private readonly ConcurrentDictionary<ModuleVersion, Task<ModSummary>> _rawSummaries = new();
    private readonly ConcurrentDictionary<ModuleVersion, byte[]?> _goModData = new();
    private readonly StringPool _strings = new();

    public ModuleLoader(IModuleSource source, MainModule main, LoadOptions options)
    {
        Source = source;
        Main = main;
        Options = options;
    }

    public IModuleSource Source { get; }

    public MainModule Main { get; }

    public LoadOptions Options { get; }

    /// <summary>Lines go prints to stderr along the way (warnings, "go: dropping requirement …").</summary>
    public List<string> Messages { get; } = [];

    /// <summary>
    /// The go.mod files read from the source (not directories), for go.sum: the content is kept only when go.sum
    /// had no line for it (null otherwise), so a warm, tidy module holds no file contents.
    /// </summary>
    public IReadOnlyDictionary<ModuleVersion, byte[]?> GoModData => _goModData;

    /// <summary>Version order of the module loader: semver, except that "" (the main module) is above every version.</summary>
    public static int CompareVersions(string v1, string v2)
    {
        if (v2.Length == 0) return v1.Length == 0 ? 0 : -1;
        if (v1.Length == 0) return 1;
        return SemVer.Compare(v1, v2);
    }

    /// <summary>
    /// Reads the main go.mod at <paramref name="modRoot"/> (resolving versions go would fix: see <see cref="MainModFixer"/>)
    /// and returns the loader for it.
    /// </summary>
    public static async Task<ModuleLoader> CreateAsync(IModuleSource source, string modRoot, LoadOptions options, CancellationToken ct)
    {
        var goModPath = Path.Combine(modRoot, "go.mod");
        string text;
        try
        {
            text = options.Files?.GoMod ?? await FileLock.ReadAllTextAsync(goModPath, ct).ConfigureAwait(false)
                ?? throw new FileNotFoundException($"open {goModPath}: no such file or directory", goModPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GoCommandException($"reading {goModPath}: {e.Message}", e);
        }

        if (options.MainModules is { } read && read.TryGet(modRoot, text, out var known)) return new ModuleLoader(source, known, options);

        // go resolves such versions while parsing, before it knows the main module: no replacement applies.
        var bare = new ModuleLoader(source, MainModule.Bare(modRoot), options);
        var fixedText = await MainModFixer.FixAsync(goModPath, text,
            (path, vers) => bare.QueryAsync(path, vers, "", null, ct)).ConfigureAwait(false);

        MainModule main;
        try
        {
            main = ModFileAdapter.ReadMain(modRoot, goModPath, fixedText, needsFix: !ReferenceEquals(fixedText, text));
            main = main.WithRequireLines(MainModFixer.RequireLines(fixedText));
        }
        catch (ModFileParseException e)
        {
            throw new GoCommandException($"errors parsing go.mod:\n{e.Message}\n", e);
        }
        options.MainModules?.Add(modRoot, text, main);
        return new ModuleLoader(source, main, options);
    }

    /// <summary>The summary of a go.mod exactly as written, with no replacement or exclusion applied (go's <c>rawGoModSummary</c>).</summary>
    /// <remarks>Two racing first calls may both read the file; one result is kept (reads have no other effect).</remarks>
    public Task<ModSummary> RawSummaryAsync(ModuleVersion m, CancellationToken ct) =>
        _rawSummaries.TryGetValue(m, out var t) ? t : _rawSummaries.GetOrAdd(m, ReadRawSummaryAsync(m, ct));

    private async Task<ModSummary> ReadRawSummaryAsync(ModuleVersion m, CancellationToken ct)
    {
        string name;
        byte[] data;
        if (m.Version.Length == 0)
        {
            var dir = Main.ReplacementDirectory(m.Path);
            name = Path.Combine(dir, "go.mod");
            try
            {
                data = await File.ReadAllBytesAsync(name, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw ModuleFetchException.Create(m.Path, "", $"reading {ShortPath(name)}: {DescribeIOError(name, e)}", e is FileNotFoundException or DirectoryNotFoundException, e);
            }
        }
        else
        {
            name = "go.mod";
            // A version read from a module cache may be answered by the summary store (GraphCache)
            // (go.sum must list it: a go.mod go.sum lacks is kept for go.sum, so it is read.)
            var store = Options.Summaries is { } s && Source is DownloaderModuleSource { Downloader: var d } ? (Store: s, Downloader: d) : default;
            if (store.Store is not null && HadGoModSum(m) && await store.Store.TryGetAsync(store.Downloader, m, ct).ConfigureAwait(false) is { } known) return known;
            store.Store?.CountMiss(m);
            var before = store.Store is null ? null : ModSummaryStore.Stamp(store.Downloader, m);
            data = await Source.GetGoModAsync(m.Path, m.Version, ct).ConfigureAwait(false);
            _goModData.TryAdd(m, HadGoModSum(m) ? null : data);
            if (store.Store is not null)
            {
                ModSummary parsed;
                try
                {
                    parsed = ModSummaryReader.Summarize(name, data, _strings);
                }
                catch (ModFileParseException e)
                {
                    throw new ModuleException(m.Path, m.Version, $"parsing {ShortPath(name)}: {e.Message}");
                }
                store.Store.Add(m, before, ModSummaryStore.Stamp(store.Downloader, m), data, parsed);
                return parsed;
            }
        }
        try
        {
            return ModSummaryReader.Summarize(name, data, _strings);
        }
        catch (ModFileParseException e)
        {
            throw new ModuleException(m.Path, m.Version, $"parsing {ShortPath(name)}: {e.Message}");
        }
    }

    /// <summary>
    /// The requirements of a module in the graph, with its replacement and the main module's exclusions applied,
    /// after checking that its go.mod declares the path it was required as (go's <c>goModSummary</c>).
    /// </summary>
    public async Task<ModSummary> SummaryAsync(ModuleVersion m, CancellationToken ct)
    {
        if (m.Version.Length == 0 && m.Path == Main.Path)
            throw new InvalidOperationException("internal error: goModSummary called on the main module");
        var actual = Main.Resolve(m);
        if (Options.ReadOnly && !Options.Workspace && actual.Version.Length != 0 && !HadGoModSum(actual))
            throw MissingGoSumEntryException.WhileLoading(actual, m.Path);
        var summary = await RawSummaryAsync(actual, ct).ConfigureAwait(false);
        if (actual.Version.Length != 0)
        {
            if (summary.ModulePath.Length == 0)
                throw new ModuleException(actual.Path, actual.Version, "parsing go.mod: missing module line");
            var mpath = summary.ModulePath;
            if (mpath != m.Path && mpath != actual.Path)
                throw new ModulePathMismatchException(actual, mpath, m.Path);
        }
        return Main.HasExclusions ? summary.WithoutExcluded(Main.IsExcluded) : summary;
    }

    /// <summary>The go version of a module as go list reports it: from the go.mod actually used for it.</summary>
    public async Task<string> GoVersionOfAsync(ModuleVersion m, CancellationToken ct)
    {
        try
        {
            return (await RawSummaryAsync(Main.Resolve(m), ct).ConfigureAwait(false)).GoVersion;
        }
        catch (Exception e) when (e is ModuleException or IOException)
        {
            return "";
        }
    }

    /// <summary>go's <c>base.ShortPath</c>: relative to the working directory (the main module) when that is shorter.</summary>
    public string ShortPath(string path)
    {
        var rel = Path.GetRelativePath(Options.WorkingDirectory ?? Main.ModRoot, path);
        return rel.Length < path.Length ? rel : path;
    }

    private static string DescribeIOError(string name, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => $"open {name}: no such file or directory",
        UnauthorizedAccessException => $"open {name}: permission denied",
        _ => e.Message,
    };
}
