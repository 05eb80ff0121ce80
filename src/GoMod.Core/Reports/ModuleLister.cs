using System.Text.RegularExpressions;
using GoMod.Core.Fetch;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;
using GoMod.Core.Semver;

namespace GoMod.Core.Reports;

/// <summary>go's <c>modload.ListModules</c>: the modules matching <c>go list -m</c> arguments, described as go describes them.</summary>
internal sealed class ModuleLister(ModuleLoader loader, ListOptions options)
{
    /// <summary>
    /// Modules whose -u/-versions/-retracted lookups run at once. They wait on round trips, so this is above the core
    /// count (go runs GOMAXPROCS of them); the downloader's own bound on requests in flight still applies.
    /// </summary>
    private const int MaxParallelLookups = 16;

    /// <summary>Warnings printed while matching (<c>warning: pattern "x" matched no module dependencies</c>).</summary>
    public List<string> Warnings { get; } = [];

    public async Task<(Requirements Rs, IReadOnlyList<ModuleInfo> Mods, Exception? GraphError)> ListAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var rs = await loader.LoadModFileAsync(LoadCommand.List, ct).ConfigureAwait(false);
        var main = loader.Main;

        bool needFullGraph = false;
        foreach (var arg in args)
        {
            if (arg.Contains('\\')) throw new GoCommandException("module paths never use backslash");
            if (arg == "." || arg == ".." || arg.StartsWith("./", StringComparison.Ordinal) || arg.StartsWith("../", StringComparison.Ordinal))
                throw new GoCommandException($"cannot use relative path {arg} to specify module");
            if (arg == "all" || arg.Contains("...", StringComparison.Ordinal)) { needFullGraph = true; continue; }
            int at = arg.IndexOf('@');
            if (at >= 0)
            {
                var vers = arg[(at + 1)..];
                if ((vers is "upgrade" or "patch") && (!rs.RootSelected(main.Path, arg[..at], out _) || rs.Pruning == ModulePruning.Unpruned))
                    needFullGraph = true;
                continue;
            }
            if (!rs.RootSelected(main.Path, arg, out _) || rs.Pruning == ModulePruning.Unpruned) needFullGraph = true;
        }

        ModuleGraph? mg = null;
        Exception? mgErr = null;
        if (needFullGraph) (rs, mg, mgErr) = await loader.ExpandGraphAsync(rs, ct).ConfigureAwait(false);

        var mods = new List<Task<ModuleInfo>>();
        var matched = new HashSet<ModuleVersion>();
        foreach (var arg in args)
        {
            int at = arg.IndexOf('@');
            if (at >= 0)
            {
                var path = arg[..at];
                var vers = arg[(at + 1)..];
                string current;
                if (mg is null) { rs.RootSelected(main.Path, path, out var c); current = c ?? ""; }
                else current = mg.Selected(path);
                if (current == "none" && mgErr is not null && (vers is "upgrade" or "patch")) continue;
                mods.Add(QueryInfoAsync(path, vers, current, ct));
                continue;
            }

            Func<string, bool> match;
            if (arg == "all") match = _ => true;
            else if (arg.Contains("...", StringComparison.Ordinal)) match = MatchPattern(arg);
            else
            {
                string v;
                if (mg is null) rs.RootSelected(main.Path, arg, out v);
                else v = mg.Selected(arg);
                if (v == "none" && mgErr is not null) continue;
                if (v != "none") mods.Add(loader.ModuleInfoAsync(rs, new ModuleVersion(arg, v), options.ModCache, ct));
                else if (options.Versions) mods.Add(Task.FromResult(new ModuleInfo { Path = arg }));
                else
                {
                    var unknown = new GoCommandException("not a known dependency");
                    mods.Add(Task.FromResult(new ModuleInfo { Path = arg, Error = ModInfoError(arg, "", unknown), Failure = unknown }));
                }
                continue;
            }

            bool any = false;
            foreach (var m in mg!.BuildList)
            {
                if (!match(m.Path)) continue;
                any = true;
                if (matched.Add(m)) mods.Add(loader.ModuleInfoAsync(rs, m, options.ModCache, ct, complete: !options.BuildListOnly));
            }
            if (!any) Warnings.Add($"warning: pattern \"{arg}\" matched no module dependencies");
        }

        var infos = await Task.WhenAll(mods).ConfigureAwait(false);
        if (options.Update || options.Versions || options.Retracted)
        {
            // Each module's lookups wait on the network, not the CPU: like go (one goroutine per module), modules are
            // looked up side by side, each one's steps in order; the downloader bounds the requests in flight.
            await Parallel.ForEachAsync(Enumerable.Range(0, infos.Length),
                new ParallelOptions { MaxDegreeOfParallelism = MaxParallelLookups, CancellationToken = ct },
                async (i, token) =>
                {
                    var info = await AddModeAsync(infos[i], token).ConfigureAwait(false);
                    if (info.Replace is { } r) info = info with { Replace = await AddModeAsync(r, token).ConfigureAwait(false) };
                    infos[i] = info;
                }).ConfigureAwait(false);
        }
        return (rs, infos, mgErr);
    }

    private async Task<ModuleInfo> QueryInfoAsync(string path, string vers, string current, CancellationToken ct)
    {
        AllowedFunc? allowed = loader.CheckAllowedAsync;
        if (ModuleLoader.IsRevisionQuery(vers) || options.Retracted) allowed = null;
        ResolvedRevision info;
        try
        {
            info = await loader.QueryAsync(path, vers, current, allowed, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ModuleException or GoCommandException or NoMatchingVersionException)
        {
            return new ModuleInfo { Path = path, Version = vers, Error = ModInfoError(path, vers, e), Failure = e };
        }
        var mod = await loader.ModuleInfoAsync(null, new ModuleVersion(path, info.Version), options.ModCache, ct).ConfigureAwait(false);
        return vers != mod.Version ? mod with { Query = vers } : mod;
    }

    /// <summary>go's <c>modinfoError</c>: the error with the module named once.</summary>
    private static string ModInfoError(string path, string vers, Exception err) => err switch
    {
        NoMatchingVersionException => new ModuleException(path, "", err.Message).Message,
        ModuleException => err.Message,
        _ => new ModuleException(path, vers, err.Message).Message,
    };

    private async Task<ModuleInfo> AddModeAsync(ModuleInfo m, CancellationToken ct)
    {
        if (options.Update) m = await AddUpdateAsync(m, ct).ConfigureAwait(false);
        if (options.Versions) m = await AddVersionsAsync(m, ct).ConfigureAwait(false);
        if (options.Update || options.Retracted) m = await AddRetractionAsync(m, ct).ConfigureAwait(false);
        if (options.Update) m = await AddDeprecationAsync(m, ct).ConfigureAwait(false);
        return m;
    }

    private static bool IsIgnorable(Exception? e) => e switch
    {
        null => true,
        ModuleNotFoundException => true,
        NoMatchingVersionException => true,
        RetractionLoadingException r => IsIgnorable(r.InnerException),
        GoCommandException { InnerException: { } inner } => IsIgnorable(inner),
        _ => false,
    };

    private async Task<ModuleInfo> AddUpdateAsync(ModuleInfo m, CancellationToken ct)
    {
        if (m.Version.Length == 0) return m;
        try
        {
            var info = await loader.QueryAsync(m.Path, "upgrade", m.Version, loader.CheckAllowedAsync, ct).ConfigureAwait(false);
            if (SemVer.Compare(info.Version, m.Version) > 0)
                m = m with { Update = new ModuleInfo { Path = m.Path, Version = info.Version, Time = info.Time } };
        }
        catch (Exception e) when (e is DisallowedVersionException || IsIgnorable(e))
        {
        }
        catch (Exception e) when (e is ModuleException or GoCommandException)
        {
            if (m.Error is null) m = m with { Error = e.Message, Failure = e };
        }
        return m;
    }

    private async Task<ModuleInfo> AddVersionsAsync(ModuleInfo m, CancellationToken ct)
    {
        AllowedFunc allowed = options.Retracted ? (mv, _) => Task.FromResult(loader.CheckExclusions(mv)) : loader.CheckAllowedAsync;
        try
        {
            return m with { Versions = await loader.AllowedVersionsAsync(m.Path, allowed, ct).ConfigureAwait(false) };
        }
        catch (Exception e) when (e is ModuleException or GoCommandException or RetractionLoadingException)
        {
            return m.Error is null ? m with { Error = e.Message, Failure = e } : m;
        }
    }

    private async Task<ModuleInfo> AddRetractionAsync(ModuleInfo m, CancellationToken ct)
    {
        if (m.Version.Length == 0) return m;
        var err = await loader.CheckRetractionsAsync(new ModuleVersion(m.Path, m.Version), ct).ConfigureAwait(false);
        if (IsIgnorable(err)) return m;
        if (err is DisallowedVersionException { Rationale: { } rationale })
            return m with { Retracted = rationale.Count == 0 ? ["retracted by module author"] : rationale };
        return m.Error is null ? m with { Error = err!.Message, Failure = err } : m;
    }

    private async Task<ModuleInfo> AddDeprecationAsync(ModuleInfo m, CancellationToken ct)
    {
        try
        {
            return m with { Deprecated = await loader.CheckDeprecationAsync(new ModuleVersion(m.Path, m.Version), ct).ConfigureAwait(false) };
        }
        catch (GoCommandException e)
        {
            if (IsIgnorable(e.InnerException)) return m;
            return m.Error is null ? m with { Error = e.Message, Failure = e } : m;
        }
    }

    /// <summary>go's <c>search.MatchPattern</c>: <c>...</c> matches any string, and a trailing <c>/...</c> also matches the prefix alone.</summary>
    public static Func<string, bool> MatchPattern(string pattern)
    {
        const string vendorChar = "\0";
        if (pattern.Contains(vendorChar, StringComparison.Ordinal)) return _ => false;
        var re = Regex.Escape(pattern);
        re = ReplaceVendor(re, vendorChar);
        const string dots = @"\.\.\.";
        if (re.EndsWith("/" + vendorChar + "/" + dots, StringComparison.Ordinal))
            re = re[..^("/" + vendorChar + "/" + dots).Length] + "(/vendor|/" + vendorChar + "/" + dots + ")";
        else if (re == vendorChar + "/" + dots)
            re = "(/vendor|/" + vendorChar + "/" + dots + ")";
        else if (re.EndsWith("/" + dots, StringComparison.Ordinal))
            re = re[..^("/" + dots).Length] + "(/" + dots + ")?";
        re = re.Replace(dots, "[^" + vendorChar + "]*", StringComparison.Ordinal);
        var reg = new Regex("^" + re + "$", RegexOptions.CultureInvariant);
        return name => !name.Contains(vendorChar, StringComparison.Ordinal) && reg.IsMatch(ReplaceVendor(name, vendorChar));
    }

    /// <summary>Replaces non-trailing <c>vendor</c> path elements with <paramref name="repl"/> (go's <c>replaceVendor</c>).</summary>
    private static string ReplaceVendor(string x, string repl)
    {
        if (!x.Contains("vendor", StringComparison.Ordinal)) return x;
        var elem = x.Split('/');
        for (int i = 0; i < elem.Length - 1; i++)
            if (elem[i] == "vendor") elem[i] = repl;
        return string.Join('/', elem);
    }
}
