using System.Text;
using GoMod.Core.Imports;
using GoMod.Core.Module;

namespace GoMod.Core.Packages;

/// <summary>
/// One package of a load (go's <c>loadPkg</c>, with what go/build records for it): where it comes from, its files
/// for the load's build tags, its imports with their positions, its <c>//go:embed</c> patterns, its error, and why it
/// is in the load. A test of a package is a separate <see cref="GoPackage"/> (<see cref="TestOf"/> set, the same
/// import path) whose <see cref="ImportedPackages"/> are the test imports, as in go.
/// </summary>
internal sealed class GoPackage
{
    internal GoPackage(string importPath, GoPackage? testOf = null)
    {
        ImportPath = importPath;
        TestOf = testOf;
    }

    public string ImportPath { get; }

    /// <summary>
    /// The module providing the package: version "" for the main module (and directory replacements keep the version
    /// they replace); default (null path) for the standard library and when no module provides it.
    /// </summary>
    public ModuleVersion Module { get; internal set; }

    /// <summary>A package of the standard library (go's <c>inStd</c>): no module, its imports are not read.</summary>
    public bool IsStandard { get; internal set; }

    /// <summary>Provided by the main module.</summary>
    public bool InMainModule { get; internal set; }

    /// <summary>
    /// The package's directory inside its module, slash-separated ("" for the module root; for the standard library the
    /// directory under GOROOT/src); null when the package was not found.
    /// </summary>
    public string? Dir { get; internal set; }

    /// <summary>
    /// The package's directory on disk when there is one: the main module's and directory replacements' directories, the
    /// standard library's under a known GOROOT, and for downloaded modules their extracted directory in the module cache
    /// once the caller has extracted them (<see cref="PackageGraph.SetModuleDirectories"/>); null otherwise.
    /// </summary>
    public string? AbsoluteDir { get; internal set; }

    /// <summary>The package's files for the load's build tags (null until read, and for the standard library).</summary>
    public PackageFiles? Files { get; internal set; }

    /// <summary>The Go files built (go/build's <c>GoFiles</c> then <c>CgoFiles</c>).</summary>
    public IReadOnlyList<string> GoFiles => Files is null ? [] : [.. Files.GoFiles, .. Files.CgoFiles];

    /// <summary>The test files (<c>TestGoFiles</c> then <c>XTestGoFiles</c>).</summary>
    public IReadOnlyList<string> TestGoFiles => Files is null ? [] : [.. Files.TestGoFiles, .. Files.XTestGoFiles];

    /// <summary>The import paths of the package's files with where each is first imported (sorted by path).</summary>
    public IReadOnlyList<PackageImport> Imports => Files?.Imports ?? [];

    /// <summary>The imports of its <c>_test.go</c> files (internal and external tests), sorted by path.</summary>
    public IReadOnlyList<PackageImport> TestImports => Files?.TestImports ?? [];

    /// <summary>go/build's <c>EmbedPatterns</c> (sorted, distinct) with their first positions.</summary>
    public IReadOnlyList<EmbedPattern> EmbedPatterns => Files?.EmbedPatterns ?? [];

    /// <summary>go/build's <c>TestEmbedPatterns</c> and <c>XTestEmbedPatterns</c>, merged (sorted, distinct).</summary>
    public IReadOnlyList<EmbedPattern> TestEmbedPatterns => Files?.TestEmbedPatterns ?? [];

    /// <summary>
    /// The package's import comment (<c>package p // import "path"</c>) and where it is, when one was read; null when
    /// none (the import-comment checks fill it).
    /// </summary>
    public string? ImportComment { get; internal set; }

    /// <summary>Where <see cref="ImportComment"/> is.</summary>
    public SourcePosition? ImportCommentPosition { get; internal set; }

    /// <summary>
    /// The package's failure: <see cref="ImportMissingException"/>, <see cref="AmbiguousImportException"/>,
    /// <see cref="ImportMissingSumException"/>, <see cref="NoGoFilesException"/>,
    /// <see cref="ImplicitDependencyImportException"/>, or a module's fetch failure; null when it loaded.
    /// </summary>
    public Exception? Error { get; internal set; }

    /// <summary>The packages it imports (for a test, its test imports), in import path order.</summary>
    public List<GoPackage> ImportedPackages { get; } = [];

    /// <summary>Modules of the build list whose path is a prefix of the import path but that do not hold it.</summary>
    public IReadOnlyList<ModuleVersion> AltModules { get; internal set; } = [];

    /// <summary>For a test: the package it tests.</summary>
    public GoPackage? TestOf { get; }

    /// <summary>The package's test, when the load has it.</summary>
    public GoPackage? Test { get; internal set; }

    public bool IsTest => TestOf is not null;

    /// <summary>The package that first reaches this one in the load (null for roots): go's import stack, one step.</summary>
    public GoPackage? Stack { get; internal set; }

    internal PackageFlags Flags { get; set; }

    /// <summary>In go's "all".</summary>
    public bool InAll => Has(PackageFlags.InAll);

    /// <summary>Matched by a pattern of the load.</summary>
    public bool IsRoot => Has(PackageFlags.IsRoot);

    internal bool Has(PackageFlags f) => (Flags & f) == f;

    /// <summary>go's <c>fromExternalModule</c>: provided by a module other than the main module.</summary>
    public bool FromExternalModule => Module.Path is { Length: > 0 } && !InMainModule;

    /// <summary>The import stack from a root to this package (root first, this package last).</summary>
    public IReadOnlyList<GoPackage> ImportStack
    {
        get
        {
            var stack = new List<GoPackage>();
            for (var p = this; p is not null; p = p.Stack) stack.Add(p);
            stack.Reverse();
            return stack;
        }
    }

    /// <summary>go's <c>stackText</c>: <c>a imports\n\tb tested by\n\tb.test imports\n\tc</c>.</summary>
    public string StackText()
    {
        var stack = ImportStack;
        var b = new StringBuilder();
        for (int i = 0; i < stack.Count; i++)
        {
            b.Append(stack[i].ImportPath);
            if (stack[i].IsTest) b.Append(".test");
            if (i + 1 < stack.Count) b.Append(stack[i + 1].TestOf == stack[i] ? " tested by\n\t" : " imports\n\t");
        }
        return b.ToString();
    }

    public override string ToString() => IsTest ? ImportPath + ".test" : ImportPath;
}
