using System.Text;
using GoMod.Core.Module;

namespace GoMod.Core.ModLoad;

/// <summary>go's <c>loadPkgFlags</c>: why a package is in the load.</summary>
[Flags]
internal enum PackageFlags
{
    None = 0,

    /// <summary>Transitively imported by a package of the main module.</summary>
    InAll = 1,

    /// <summary>Named on the command line.</summary>
    IsRoot = 2,

    /// <summary>A root or a dependency of one.</summary>
    FromRoot = 4,

    /// <summary>Its imports have been read.</summary>
    ImportsLoaded = 8,
}

/// <summary>One package of a load (go's <c>loadPkg</c>, without tests).</summary>
internal sealed class LoadedPackage(string path)
{
    public string Path { get; } = path;

    public PackageFlags Flags { get; set; }

    /// <summary>The module providing the package; default for the standard library or when not found.</summary>
    public ModuleVersion Mod { get; set; }

    /// <summary>The package's directory inside the module ("" for the module root), or null when it was not found.</summary>
    public string? Dir { get; set; }

    public Exception? Err { get; set; }

    public List<LoadedPackage> Imports { get; } = [];

    /// <summary>Modules that could have held the package but did not.</summary>
    public IReadOnlyList<ModuleVersion> AltMods { get; set; } = [];

    /// <summary>The package importing this one on the shortest import stack (null for roots).</summary>
    public LoadedPackage? Stack { get; set; }

    public bool Has(PackageFlags f) => (Flags & f) == f;

    /// <summary>go's <c>fromExternalModule</c>: provided by a module other than the main module.</summary>
    public bool FromExternalModule(string mainPath) => Mod.Path is not null && Mod.Path.Length != 0 && Mod.Path != mainPath;

    /// <summary>go's <c>stackText</c>: <c>a imports\n\tb imports\n\tc</c>.</summary>
    public string StackText()
    {
        var stack = new List<LoadedPackage>();
        for (var p = this; p is not null; p = p.Stack) stack.Add(p);
        var b = new StringBuilder();
        for (int i = stack.Count - 1; i >= 0; i--)
        {
            b.Append(stack[i].Path);
            if (i > 0) b.Append(" imports\n\t");
        }
        return b.ToString();
    }
}
