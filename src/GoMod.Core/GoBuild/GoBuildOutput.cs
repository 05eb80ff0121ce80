namespace GoMod.Core.GoBuild;

/// <summary>One file a go build writes: its file name and what it is (Executable, SharedLibrary, StaticLibrary, Header).</summary>
public sealed record GoBuildOutput(string FileName, string Kind)
{
    /// <summary>
    /// The files <c>go build -buildmode=&lt;mode&gt; -o &lt;name&gt;</c> writes for <paramref name="platform"/>, first the
    /// one passed to <c>-o</c>: an executable is <c>name</c> (<c>name.exe</c> on Windows); a shared library
    /// <c>libname.so</c>, <c>name.dll</c> on Windows, <c>libname.dylib</c> on macOS and iOS; an archive <c>libname.a</c>;
    /// both C modes also write the header go generates beside the library, named like it with <c>.h</c>.
    /// <c>default</c> keeps nothing.
    /// </summary>
    public static IReadOnlyList<GoBuildOutput> For(GoBuildMode mode, GoPlatform platform, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var darwin = platform.Os is "darwin" or "ios";
        return mode switch
        {
            GoBuildMode.Exe => [new(platform.IsWindows ? name + ".exe" : name, "Executable")],
            GoBuildMode.CShared => Library(platform.IsWindows ? name + ".dll" : darwin ? $"lib{name}.dylib" : $"lib{name}.so", "SharedLibrary"),
            GoBuildMode.CArchive => Library($"lib{name}.a", "StaticLibrary"),
            _ => [],
        };
    }

    private static GoBuildOutput[] Library(string file, string kind) =>
        [new(file, kind), new(Path.GetFileNameWithoutExtension(file) + ".h", "Header")];
}
