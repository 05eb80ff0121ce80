using System.Text;
using GoMod.Core.Internal;
using GoMod.Core.ModFile;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Module;
using GoMod.Core.Mvs;

namespace GoMod.Core.Reports;

/// <summary>
/// The module reports of the go command, byte for byte: <c>go list -m all</c>, <c>go list -m -json all</c> and
/// <c>go mod graph</c>, computed for a main module directory from a graph source.
/// </summary>
public static class ModuleReports
{
    /// <summary>
    /// <c>go list -m all</c> (or with <paramref name="json"/>, <c>go list -m -json all</c>): the main module, then the
    /// build list sorted by path, each as <c>path version[ => replacement]</c>. Errors (a missing version, an unreadable
    /// or mismatched go.mod, with the requirement chain) end the output as go ends it: on stderr, exit code 1.
    /// <paramref name="modCache"/> (GOMODCACHE) fills the JSON <c>GoMod</c> and <c>Dir</c> fields when the files exist there.
    /// </summary>
    public static Task<GoOutput> ListAsync(string modRoot, IModuleSource source, bool json = false, string? modCache = null,
        LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAsync(modRoot, source, ["all"], new ListOptions { Json = json, ModCache = modCache, Mvs = options ?? new LoadOptions() }, cancellationToken);

    /// <summary>
    /// <c>go list -m [-json] [-u] [-retracted] [-versions] args…</c> where each argument is <c>all</c>, a module path,
    /// a pattern with <c>...</c>, or <c>path@query</c> (any version query go accepts, resolved against the build list).
    /// </summary>
    public static async Task<GoOutput> ListAsync(string modRoot, IModuleSource source, IReadOnlyList<string> args, ListOptions options,
        CancellationToken cancellationToken = default)
    {
        var stderr = new StringBuilder();
        ModuleLoader loader;
        try
        {
            loader = await ModuleLoader.CreateAsync(source, modRoot, options.Mvs, cancellationToken).ConfigureAwait(false);
        }
        catch (GoCommandException e)
        {
            return Fail(stderr, e);
        }

        try
        {
            var lister = new ModuleLister(loader, options);
            var (rs, infos, mgErr) = await lister.ListAsync(args, cancellationToken).ConfigureAwait(false);

            // Under -mod=mod go writes the consistent requirements back (and the sums it checked) even when some
            // module's .info fails; it does not when the graph itself has an error.
            string? goMod = null, goSum = null;
            Exception? commitErr = null;
            if (mgErr is null)
            {
                try
                {
                    (goMod, goSum) = await loader.CommitAsync(rs, cancellationToken).ConfigureAwait(false);
                }
                catch (GoCommandException e)
                {
                    commitErr = e;
                }
            }

            foreach (var line in loader.Messages) stderr.Append(line).Append('\n');
            foreach (var line in lister.Warnings) stderr.Append(line).Append('\n');
            var failures = new List<Exception>();
            foreach (var info in infos)
            {
                if (info.Error is null) continue;
                AppendLog(stderr, "go: " + info.Error);
                failures.Add(info.Failure ?? new GoCommandException(info.Error));
            }
            foreach (var err in new[] { mgErr, commitErr })
            {
                if (err is null) continue;
                AppendLog(stderr, "go: " + err.Message);
                failures.Add(AsCommandFailure(err));
            }
            if (failures.Count > 0)
                return new GoOutput { StdErr = stderr.ToString(), ExitCode = 1, GoMod = goMod, GoSum = goSum, ErrorLocation = LocationOf(mgErr), Failures = failures };

            var stdout = new StringBuilder();
            foreach (var info in infos)
            {
                if (options.Json) AppendJson(stdout, info);
                else if (options.Versions) stdout.Append(info.Path).Append(string.Concat(info.Versions.Select(v => " " + v))).Append(info.Deprecated.Length != 0 ? " (deprecated)" : "").Append('\n');
                else stdout.Append(info.ToString()).Append('\n');
            }
            return new GoOutput { StdOut = stdout.ToString(), StdErr = stderr.ToString(), GoMod = goMod, GoSum = goSum, Modules = infos };
        }
        catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
        {
            foreach (var line in loader.Messages) stderr.Append(line).Append('\n');
            return Fail(stderr, e);
        }
    }

    /// <summary>
    /// <c>go mod graph</c>: one line per requirement edge, <c>from to</c>, the main module without <c>@version</c>,
    /// modules visited breadth-first from the main module and each module's edges in its go.mod's order.
    /// </summary>
    public static async Task<GoOutput> GraphAsync(string modRoot, IModuleSource source, LoadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LoadOptions();
        var stderr = new StringBuilder();
        try
        {
            var loader = await ModuleLoader.CreateAsync(source, modRoot, options, cancellationToken).ConfigureAwait(false);
            var rs = await loader.LoadModFileAsync(LoadCommand.Graph, cancellationToken).ConfigureAwait(false);
            var (_, mg, err) = await loader.ExpandGraphAsync(rs, cancellationToken).ConfigureAwait(false);
            foreach (var line in loader.Messages) stderr.Append(line).Append('\n');
            if (err is not null) return Fail(stderr, err);
            return new GoOutput { StdOut = FormatGraph(mg), StdErr = stderr.ToString() };
        }
        catch (Exception e) when (e is GoCommandException or BuildListException or ModuleException)
        {
            return Fail(stderr, e);
        }
    }

    /// <summary>The <c>go mod graph</c> text of a loaded graph.</summary>
    public static string FormatGraph(ModuleGraph graph)
    {
        var b = new StringBuilder();
        graph.Graph.WalkBreadthFirst(m =>
        {
            if (!graph.Graph.RequiredBy(m, out var reqs)) return;
            foreach (var r in reqs)
            {
                Append(b, m);
                b.Append(' ');
                Append(b, r);
                b.Append('\n');
            }
        });
        return b.ToString();

        static void Append(StringBuilder b, ModuleVersion m)
        {
            b.Append(m.Path);
            if (m.Version.Length != 0) b.Append('@').Append(m.Version);
        }
    }

    /// <summary>One module in <c>go list -m -json</c> form: Go's <c>json.MarshalIndent(m, "", "\t")</c> plus a newline.</summary>
    public static void AppendJson(StringBuilder b, ModuleInfo info)
    {
        var w = new GoJson(b);
        WriteModule(w, info);
        b.Append('\n');
    }

    private static void WriteModule(GoJson w, ModuleInfo m)
    {
        w.BeginObject();
        if (m.Path.Length != 0) w.Field("Path", m.Path);
        if (m.Version.Length != 0) w.Field("Version", m.Version);
        if (m.Query.Length != 0) w.Field("Query", m.Query);
        if (m.Versions.Count != 0) w.StringArray("Versions", m.Versions);
        if (m.Replace is not null)
        {
            w.Name("Replace");
            WriteModule(w, m.Replace);
        }
        if (m.Time is { } t) w.Field("Time", GoJson.Time(t));
        if (m.Update is not null)
        {
            w.Name("Update");
            WriteModule(w, m.Update);
        }
        if (m.Main) w.Field("Main", true);
        if (m.Indirect) w.Field("Indirect", true);
        if (m.Dir.Length != 0) w.Field("Dir", m.Dir);
        if (m.GoMod.Length != 0) w.Field("GoMod", m.GoMod);
        if (m.GoVersion.Length != 0) w.Field("GoVersion", m.GoVersion);
        if (m.Retracted.Count != 0) w.StringArray("Retracted", m.Retracted);
        if (m.Deprecated.Length != 0) w.Field("Deprecated", m.Deprecated);
        if (m.Error is not null)
        {
            w.Name("Error");
            w.BeginObject();
            w.Field("Err", m.Error);
            w.EndObject();
        }
        w.EndObject();
    }

    /// <summary>go's <c>log.Printf</c>: the message, with a newline added unless it ends with one.</summary>
    internal static void AppendLog(StringBuilder b, string message)
    {
        b.Append(message);
        if (!message.EndsWith('\n')) b.Append('\n');
    }

    private static GoOutput Fail(StringBuilder stderr, Exception e)
    {
        AppendLog(stderr, "go: " + e.Message);
        return new GoOutput { StdErr = stderr.ToString(), ExitCode = 1, ErrorLocation = LocationOf(e), Failures = [AsCommandFailure(e)] };
    }

    /// <summary>
    /// A failure as the go command reports it: a graph error (or a module's) wrapped in a <see cref="GoCommandException"/>
    /// with the same text, as go's modload wraps mvs's errors, so the cause stays reachable.
    /// </summary>
    internal static Exception AsCommandFailure(Exception e) => e switch
    {
        GoCommandException => e,
        BuildListException or ModuleException => new GoCommandException(e.Message, e),
        _ => e,
    };

    internal static (string File, int Line, int Column)? LocationOf(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is BuildListException { GoModFile: { } file } b) return (file, b.Line, b.Column);
        return null;
    }
}
