using System.IO.Compression;
using System.Text;
using GoMod.Core.Module;
using GoMod.Core.Semver;

namespace GoMod.Core.Tests.ModInit;

/// <summary>
/// A module version a legacy pin resolves to, served by a <c>file://</c> proxy as proxy.golang.org serves it: the
/// version's <c>.info</c>/<c>.mod</c>/<c>.zip</c>, and for each alias (a commit hash, a tag of a path without its major
/// suffix) an <c>@v/ALIAS.info</c> naming the version the proxy resolved it to.
/// </summary>
/// <param name="Module">The module path.</param>
/// <param name="Version">The version (a tag, a pseudo-version, or <c>+incompatible</c>).</param>
/// <param name="Packages">Package directories with a .go file, relative to the module root ("" is the root).</param>
/// <param name="Aliases">Queries the proxy resolves to this version (revisions, non-canonical tags).</param>
/// <param name="NoGoMod">No go.mod in the zip (a pre-modules repository): the proxy serves <c>module path</c> as its .mod.</param>
/// <param name="Requires">Lines of the go.mod's require block.</param>
public sealed record ServedModule(string Module, string Version, string[] Packages, string[] Aliases, bool NoGoMod = false, string[]? Requires = null)
{
    /// <summary>The pseudo-version proxy.golang.org derives for an untagged commit (v0.0.0, with a fixed time and the hash's first 12 digits).</summary>
    public static string Pseudo(string rev, int day = 1) => $"v0.0.0-201801{day:00}030405-{rev[..12]}";

    /// <summary>A commit with no tag: served at its pseudo-version, the commit hash as alias.</summary>
    public static ServedModule Commit(string module, string rev, params string[] packages) =>
        new(module, Pseudo(rev), packages.Length == 0 ? [""] : packages, [rev]);

    /// <summary>A tagged version, requested by its exact tag.</summary>
    public static ServedModule Tag(string module, string version, params string[] packages) =>
        new(module, version, packages.Length == 0 ? [""] : packages, []);
}

/// <summary>Writes <see cref="ServedModule"/>s as a <c>file://</c> GOPROXY tree.</summary>
public static class LegacyProxy
{
    public static void Write(string root, IEnumerable<ServedModule> modules)
    {
        foreach (var group in modules.GroupBy(m => m.Module, StringComparer.Ordinal))
        {
            var dir = Path.Combine([root, .. ModulePath.EscapePath(group.Key).Split('/'), "@v"]);
            Directory.CreateDirectory(dir);
            var list = new StringBuilder();
            foreach (var m in group.OrderBy(m => m.Version, SemVer.Comparer))
            {
                var ev = ModulePath.EscapeVersion(m.Version);
                var info = $"{{\"Version\":\"{m.Version}\",\"Time\":\"2018-01-01T03:04:05Z\"}}\n";
                var gomod = $"module {m.Module}\n";
                if (!m.NoGoMod && m.Requires is { Length: > 0 } reqs) gomod += "\nrequire (\n" + string.Concat(reqs.Select(r => "\t" + r + "\n")) + ")\n";
                File.WriteAllText(Path.Combine(dir, ev + ".info"), info);
                File.WriteAllText(Path.Combine(dir, ev + ".mod"), gomod);
                foreach (var alias in m.Aliases) File.WriteAllText(Path.Combine(dir, ModulePath.EscapeVersion(alias) + ".info"), info);
                using (var zip = ZipFile.Open(Path.Combine(dir, ev + ".zip"), ZipArchiveMode.Create))
                {
                    var prefix = m.Module + "@" + m.Version + "/";
                    if (!m.NoGoMod) Add(zip, prefix + "go.mod", gomod);
                    foreach (var pkg in m.Packages)
                    {
                        var name = (pkg.Length == 0 ? m.Module : pkg).Split('/')[^1].Replace('-', '_').Replace('.', '_');
                        Add(zip, prefix + (pkg.Length == 0 ? "" : pkg + "/") + "p.go", $"package {name}\n");
                    }
                }
                if (!PseudoVersion.IsPseudoVersion(m.Version)) list.Append(m.Version).Append('\n');
            }
            File.WriteAllText(Path.Combine(dir, "list"), list.ToString());
        }
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name);
        using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        w.Write(content);
    }
}
