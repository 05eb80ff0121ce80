using System.Text;
using GoMod.Core.ModLoad;
using GoMod.Core.Module;

namespace GoMod.Core.Packages;

/// <summary>
/// go's <c>AmbiguousImportError</c>: several modules of the build list provide the imported package
/// (<c>ambiguous import: found package X in multiple modules:\n\tmod v (dir)…</c>, longest module path first).
/// </summary>
public sealed class AmbiguousImportException : GoCommandException
{
    internal AmbiguousImportException(string path, IReadOnlyList<string> dirs, IReadOnlyList<ModuleVersion> modules)
        : base(Format(path, dirs, modules))
    {
        ImportPath = path;
        Modules = modules;
        Dirs = dirs;
    }

    /// <summary>The ambiguous import path.</summary>
    public string ImportPath { get; }

    /// <summary>The modules that provide it, as go lists them.</summary>
    public IReadOnlyList<ModuleVersion> Modules { get; }

    /// <summary>The package's directory in each (the directory inside the module, or the local directory).</summary>
    public IReadOnlyList<string> Dirs { get; }

    private static string Format(string path, IReadOnlyList<string> dirs, IReadOnlyList<ModuleVersion> modules)
    {
        var b = new StringBuilder($"ambiguous import: found package {path} in multiple {(modules.Count == 0 ? "directories" : "modules")}:");
        for (int i = 0; i < dirs.Count; i++)
        {
            b.Append("\n\t");
            if (i < modules.Count)
            {
                b.Append(modules[i].Path);
                if (modules[i].Version.Length != 0) b.Append(' ').Append(modules[i].Version);
                b.Append(" (").Append(dirs[i]).Append(')');
            }
            else b.Append(dirs[i]);
        }
        return b.ToString();
    }
}
