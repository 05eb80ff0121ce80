using GoMod.Core.Module;
using GoMod.Core.Zip;

namespace GoMod.Core.Vcs;

/// <summary>
/// Builds a module zip from a git revision as go's <c>codeRepo.Zip</c> does: <c>git archive</c> of the module's
/// directory, names below the archive's single top-level directory and the module's subdirectory, directories and
/// symbolic links left out, the repository root's <c>LICENSE</c> added to a subdirectory module that lacks one, then
/// the module zip rules (nested modules, vendor/, size limits, the module's go line) of <see cref="ModuleZip"/>. The
/// files pass through a private temporary directory that is always removed.
/// </summary>
internal static class ModuleZipFromGit
{
    public static async Task WriteAsync(GitRepo code, string rev, string subdir, ModuleVersion m, Stream destination, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), "gomod-vcszip-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var archive = Path.Combine(work, "archive.zip");
            var tree = Path.Combine(work, "tree");
            Directory.CreateDirectory(tree);
            if (!await code.ReadZipAsync(rev, subdir, archive, ct).ConfigureAwait(false))
                throw new CodeHostException(VcsErrorKind.InvalidVersion, $"{subdir}: no such directory at revision {rev}");
            if (new FileInfo(archive).Length > ModuleZip.MaxZipFile)
                throw new CodeHostException(VcsErrorKind.InvalidVersion, "downloaded zip file too large");
            var prefix = subdir.Trim('/');
            if (prefix.Length > 0) prefix += "/";
            var haveLicense = false;
            using (var zr = ZipReader.Open(archive))
            {
                string? top = null;
                foreach (var e in zr.Entries)
                {
                    ct.ThrowIfCancellationRequested();
                    var full = e.Name; // decoded once (an entry's name is decoded on each read of Name)
                    if (top is null)
                    {
                        var i = full.IndexOf('/');
                        if (i < 0) throw new CodeHostException(VcsErrorKind.CommandFailed, "missing top-level directory prefix");
                        top = full[..(i + 1)];
                    }
                    if (!full.StartsWith(top, StringComparison.Ordinal))
                        throw new CodeHostException(VcsErrorKind.CommandFailed, "zip file contains more than one top-level directory");
                    var name = full[top.Length..];
                    if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
                    name = name[prefix.Length..];
                    if (name.Length == 0 || name.EndsWith('/') || e.IsSymlink || e.IsIrregular) continue;
                    if (name.Split('/').Any(part => part is "" or "." or ".."))
                        throw new CodeHostException(VcsErrorKind.CommandFailed, $"git archive holds an unsafe path {name}");
                    var target = Path.Combine(tree, name.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await using (var source = zr.OpenEntry(e))
                    await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
                        await source.CopyToAsync(output, ct).ConfigureAwait(false);
                    if (name == "LICENSE") haveLicense = true;
                }
            }
            if (!haveLicense && prefix.Length > 0 && await code.ReadFileAsync(rev, "LICENSE", ct).ConfigureAwait(false) is { } license
                && !Directory.Exists(Path.Combine(tree, "LICENSE")))
                await File.WriteAllBytesAsync(Path.Combine(tree, "LICENSE"), license, ct).ConfigureAwait(false);
            try
            {
                ModuleZip.Create(destination, m, tree, ct);
            }
            catch (ModuleZipException e)
            {
                throw new CodeHostException(VcsErrorKind.InvalidVersion, e.Message.Replace(tree, "", StringComparison.Ordinal), e);
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
