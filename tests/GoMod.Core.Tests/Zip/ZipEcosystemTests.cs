using System.Text;
using GoMod.Core.ModFile;
using GoMod.Core.Module;
using GoMod.Core.Sum;
using GoMod.Core.Zip;
using GoMod.Testing;

namespace GoMod.Core.Tests.Zip;

/// <summary>
/// The zip rules on real code: every module directory (a directory with a go.mod) of Debian's Go sources
/// (<see cref="DebianCorpus.Sources"/>), as they are installed, symlinks, testdata, vendor directories, nested modules
/// and all. For each, the files our CheckDir keeps, omits and refuses, with their reasons, must be go's
/// (golang.org/x/mod/zip.CheckDir, <see cref="GoZipOracle"/>), and where go makes a zip of it, ours must hash to the
/// same h1: hash. The corpus's go.mod lines are all below go 1.24, so go 1.19's x/mod rules apply to every one.
/// </summary>
public sealed class ZipEcosystemTests(GoZipOracle oracle) : IClassFixture<GoZipOracle>, IDisposable
{
    private readonly TempDirectory _dir = new("zecosys");

    public void Dispose() => _dir.Dispose();

    [GoFact]
    public void Every_real_module_directory_is_checked_and_zipped_as_go_does()
    {
        if (!DebianCorpus.Available()) return;
        var modules = ModuleDirectories(DebianCorpus.Sources);
        modules.Count.ShouldBeGreaterThan(100);

        var differences = new List<string>();
        int zipped = 0, withOmissions = 0, refused = 0;
        foreach (var (dir, path) in modules)
        {
            var version = VersionFor(path);
            var go = oracle.CheckDir(dir);
            var ours = ModuleZip.CheckDir(dir);
            var expected = Describe(dir, go.Valid ?? [], go.OmittedErrors, go.InvalidErrors, go.SizeError);
            var actual = Describe(dir, ours.Valid.Select(f => Path.Combine(dir, f)).ToList(),
                ours.Omitted.Select(e => e with { Path = Path.Combine(dir, e.Path) }).ToList(),
                ours.Invalid.Select(e => e with { Path = Path.Combine(dir, e.Path) }).ToList(), ours.SizeError ?? "");
            if (actual != expected)
            {
                differences.Add($"{dir}: CheckDir\n--- go\n{expected}--- ours\n{actual}");
                continue;
            }
            if (go.OmittedErrors.Count > 0) withOmissions++;

            var m = new ModuleVersion(path, version);
            var goZip = _dir.Combine("go.zip");
            var ourZip = _dir.Combine("ours.zip");
            var goError = oracle.Create(path, version, dir, goZip);
            string? ourError = null;
            try
            {
                using var f = File.Create(ourZip);
                ModuleZip.Create(f, m, dir);
            }
            catch (ModuleZipException e)
            {
                ourError = e.Message;
            }
            if (goError is not null || ourError is not null)
            {
                if (goError != ourError) differences.Add($"{path}: create\n--- go\n{goError}\n--- ours\n{ourError}");
                else refused++;
                continue;
            }
            var goHash = oracle.HashZip(goZip);
            var ourHash = DirHash.HashZip(ourZip);
            if (ourHash != goHash) differences.Add($"{path}: zip hash {ourHash}, go's {goHash}");
            else zipped++;
        }

        differences.ShouldBeEmpty($"{differences.Count} of {modules.Count} module directories differ:\n" + string.Join("\n", differences));
        // What makes the comparison worth having: most directories make a zip, and the rules for omitted files were met.
        zipped.ShouldBeGreaterThan(modules.Count / 2);
        withOmissions.ShouldBeGreaterThan(0);
        Console.WriteLine($"zip rules on {modules.Count} real module directories: {zipped} zipped alike, {refused} refused alike, {withOmissions} with omitted files");
    }

    private static string Describe(string dir, IReadOnlyList<string> valid, IReadOnlyList<ZipFileError> omitted,
        IReadOnlyList<ZipFileError> invalid, string sizeError)
    {
        var sb = new StringBuilder();
        foreach (var f in valid) sb.Append("valid ").Append(Path.GetRelativePath(dir, f)).Append('\n');
        foreach (var e in omitted) sb.Append("omitted ").Append(Path.GetRelativePath(dir, e.Path)).Append(": ").Append(e.Reason).Append('\n');
        foreach (var e in invalid) sb.Append("invalid ").Append(Path.GetRelativePath(dir, e.Path)).Append(": ").Append(e.Reason).Append('\n');
        if (sizeError.Length > 0) sb.Append("size ").Append(sizeError).Append('\n');
        return sb.ToString();
    }

    /// <summary>A version the module path accepts: v0.0.0, or the major version its /vN or .vN suffix names.</summary>
    private static string VersionFor(string path)
    {
        if (!ModulePath.SplitPathVersion(path, out _, out var pathMajor) || pathMajor.Length == 0) return "v0.0.0";
        var major = pathMajor.TrimStart('/', '.');
        if (major.EndsWith("-unstable", StringComparison.Ordinal)) major = major[..^"-unstable".Length];
        return major + ".0.0";
    }

    /// <summary>Directories with a go.mod whose module line parses to a valid path (testdata, vendor and hidden trees left out).</summary>
    private static List<(string Dir, string Path)> ModuleDirectories(string root)
    {
        var found = new List<(string, string)>();
        Walk(new DirectoryInfo(root));
        return found;

        void Walk(DirectoryInfo d)
        {
            var goMod = Path.Combine(d.FullName, "go.mod");
            if (File.Exists(goMod) && (File.GetAttributes(goMod) & FileAttributes.ReparsePoint) == 0)
            {
                try
                {
                    var path = GoModFile.ParseLax(goMod, File.ReadAllText(goMod)).Module?.Path;
                    if (path is not null && ModulePath.IsValidPath(path)) found.Add((d.FullName, path));
                }
                catch (ModFileParseException)
                {
                }
            }
            foreach (var sub in d.EnumerateDirectories().OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                if ((sub.Attributes & FileAttributes.ReparsePoint) != 0) continue;
                if (sub.Name is "testdata" or "vendor" || sub.Name.StartsWith('.') || sub.Name.StartsWith('_')) continue;
                Walk(sub);
            }
        }
    }
}
