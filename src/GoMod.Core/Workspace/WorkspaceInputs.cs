using System.Security.Cryptography;
using System.Text;
using GoMod.Core.GoEnv;
using GoMod.Core.ModFile;
using GoMod.Core.WorkFile;

namespace GoMod.Core.Workspace;

/// <summary>
/// The files besides a module's own go.mod and go.sum that decide its restore in workspace mode — go.work, go.work.sum,
/// and every used module's go.mod and go.sum — described as one line per file with its content hash, for the restore's
/// up-to-date checks (a changed file changes the description).
/// </summary>
public static class WorkspaceInputs
{
    /// <summary>The description for the module in <paramref name="moduleDir"/>; empty when no go.work applies.</summary>
    /// <exception cref="GoEnvironmentException">GOWORK is a relative path.</exception>
    public static string Describe(string moduleDir, GoEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var work = GoWorkLocator.Find(moduleDir, environment);
        if (work is null) return "";
        var b = new StringBuilder();
        foreach (var file in Files(work)) Add(b, file);
        return b.ToString();
    }

    /// <summary>
    /// go.work, go.work.sum and, when go.work parses, every used module's go.mod and go.sum, whether they exist or not
    /// (a go.work that does not parse is described by its own content; the restore reports it).
    /// </summary>
    public static IReadOnlyList<string> Files(string workFile)
    {
        var files = new List<string> { workFile, workFile + ".sum" };
        if (!File.Exists(workFile)) return files;
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(workFile))!;
            foreach (var use in GoWorkFile.Parse(workFile, File.ReadAllText(workFile)).Use)
            {
                var root = Path.GetFullPath(Path.IsPathRooted(use) ? use : Path.Combine(dir, use));
                files.Add(Path.Combine(root, "go.mod"));
                files.Add(Path.Combine(root, "go.sum"));
            }
        }
        catch (Exception e) when (e is ModFileParseException or IOException or UnauthorizedAccessException)
        {
            // The restore reports it.
        }
        return files;
    }

    private static void Add(StringBuilder b, string file)
    {
        b.Append(file).Append(' ');
        try
        {
            b.Append(File.Exists(file) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) : "<absent>");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            b.Append("<unreadable>");
        }
        b.Append('\n');
    }
}
