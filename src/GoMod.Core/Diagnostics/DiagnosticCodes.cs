using static GoMod.Core.Diagnostics.DiagnosticSeverity;
using GoMod.Core.GoEnv;
using GoMod.Core.ModFile;
using GoMod.Core.ModGet;

namespace GoMod.Core.Diagnostics;

/// <summary>
/// The one table of GoMod diagnostic codes; docs/diagnostics.md documents the same rows (a test keeps them equal).
/// Codes are grouped in ranges by area: 0001–0099 input (go.mod, properties), 0100–0199 go.sum and integrity,
/// 0200–0299 network and proxies, 0300–0399 resolution, 0400–0499 module cache and vendor/, 0500–0599 compiling the Go code (GoBuild), 0900–0999 the tool itself.
/// Within each hundred, 01–49 are errors and 50–99 warnings, so a code alone tells how bad it is.
/// Codes are never reused: a retired code stays in the documentation, marked as such.
/// </summary>
public static class DiagnosticCodes
{
    // Input: go.mod and the properties that configure the restore.

    /// <summary>No go.mod where GoModFile points.</summary>
    public static readonly DiagnosticDescriptor ModFileNotFound = new("GOMOD0001", Error, "go.mod file not found",
        "Run 'go mod init <module path>' beside the project, or set the GoModFile property to the go.mod to use.");

    /// <summary>go.mod does not parse; one diagnostic per error, positioned at it.</summary>
    public static readonly DiagnosticDescriptor ModFileSyntax = new("GOMOD0002", Error, "go.mod syntax error",
        "Correct go.mod at the reported position ('go help go.mod' describes the syntax).");

    /// <summary>go.mod has no module directive.</summary>
    public static readonly DiagnosticDescriptor NoModuleDeclaration = new("GOMOD0003", Error, "no module declaration in go.mod",
        "Add a module line, for example with 'go mod edit -module=example.com/mod'.");

    /// <summary>A property has a value outside its allowed set (GoModMode, GoImportComments, GoVendor).</summary>
    public static readonly DiagnosticDescriptor InvalidProperty = new("GOMOD0004", Error, "invalid property value",
        "Set the property to one of the values the message lists, or leave it empty for the default.");

    /// <summary>GOFLAGS (GoFlags) holds something that is not a flag, or a flag go does not know.</summary>
    public static readonly DiagnosticDescriptor InvalidGoFlags = new("GOMOD0005", Error, "invalid GOFLAGS",
        "Correct GoFlags (or the GOFLAGS variable): space-separated flags such as '-mod=mod -modcacherw'.");

    /// <summary>A Go environment setting (GOPROXY, GOSUMDB, GOPRIVATE…) does not parse.</summary>
    public static readonly DiagnosticDescriptor InvalidGoEnvironment = new("GOMOD0006", Error, "invalid Go environment setting",
        "Correct the property or Go environment variable named in the message ('go help environment' describes it).");

    /// <summary>go.mod or go.sum exists but cannot be read (a directory, no permission).</summary>
    public static readonly DiagnosticDescriptor InputUnreadable = new("GOMOD0007", Error, "cannot read go.mod or go.sum",
        "Make go.mod and go.sum readable regular files (restore them from version control if they were replaced).");

    /// <summary>go mod init in a directory that already has a go.mod.</summary>
    public static readonly DiagnosticDescriptor ModFileExists = new("GOMOD0020", Error, "go.mod already exists",
        "GoModInit creates a go.mod only where there is none: remove the existing go.mod first, or keep it and skip GoModInit.");

    /// <summary>go mod init was given no module path and none could be guessed (import comment, Godeps.json, vendor.json, GOPATH).</summary>
    public static readonly DiagnosticDescriptor ModulePathUnknown = new("GOMOD0021", Error, "cannot determine module path",
        "Set GoModulePath to the module path (for example -p:GoModulePath=example.com/m), or add an import comment to a .go file.");

    /// <summary>The module path given to go mod init cannot name a module.</summary>
    public static readonly DiagnosticDescriptor InvalidModulePath = new("GOMOD0022", Error, "invalid module path",
        "Set GoModulePath to a valid module path; a major version suffix must be /v2 or later (.vN for gopkg.in), as the message suggests.");

    /// <summary>A legacy dependency manifest (Gopkg.lock, glide.lock, Godeps.json…) that go mod init would convert does not parse.</summary>
    public static readonly DiagnosticDescriptor LegacyManifestSyntax = new("GOMOD0023", Error, "legacy manifest does not parse",
        "Correct the legacy manifest named in the message (or remove it to create go.mod without its requirements).");

    /// <summary>The go.work that applies is one go refuses: unreadable or malformed, a used directory without go.mod or used twice, conflicting replacements, -mod other than readonly, a module outside the workspace.</summary>
    public static readonly DiagnosticDescriptor WorkspaceInvalid = new("GOMOD0030", Error, "invalid workspace (go.work)",
        "Correct go.work or the go.mod named in the message (go work edit -replace settles conflicting replacements), or set GoWork=off to build the module on its own.");

    /// <summary>A setting is recognised but this version of GoMod.Sdk does not act on it yet.</summary>
    public static readonly DiagnosticDescriptor NotSupportedYet = new("GOMOD0050", Warning, "setting not supported yet",
        "Remove the setting, or run the equivalent go command (named in the message) yourself for now.");

    // go.sum and integrity.

    /// <summary>go.sum has a malformed line.</summary>
    public static readonly DiagnosticDescriptor SumFileSyntax = new("GOMOD0101", Error, "malformed go.sum",
        "Restore go.sum from version control, or regenerate it with 'go mod tidy'.");

    /// <summary>A hash the build needs is not in go.sum (readonly mode).</summary>
    public static readonly DiagnosticDescriptor MissingSum = new("GOMOD0102", Error, "missing go.sum entry",
        "Add the entry with 'go mod download <module>' (or set GoModMode=mod to let the build add it).");

    /// <summary>Downloaded content does not hash to what go.sum says.</summary>
    public static readonly DiagnosticDescriptor ChecksumMismatch = new("GOMOD0103", Error, "checksum mismatch",
        "Find out why the content changed before touching go.sum: only if you trust the new content, delete its go.sum lines and run 'go mod download'.");

    /// <summary>A module in the module cache no longer hashes to what was recorded when it was downloaded (go mod verify).</summary>
    public static readonly DiagnosticDescriptor CacheModified = new("GOMOD0104", Error, "module cache modified",
        "Delete the module from the module cache (go clean -modcache removes all) and build again to download it afresh.");

    /// <summary>The checksum database contradicts a download or misbehaved (a fork, a bad signature, a failed proof): a SECURITY ERROR.</summary>
    public static readonly DiagnosticDescriptor SumDbSecurityError = new("GOMOD0105", Error, "checksum database SECURITY ERROR",
        "Do not use the download: find out whether the proxy, the origin or the checksum database is wrong before going on; nothing of the download was kept.");

    /// <summary>What a proxy served as a module zip is not a valid module zip (not a zip, files outside the module, names or sizes the zip rules refuse).</summary>
    public static readonly DiagnosticDescriptor InvalidModuleZip = new("GOMOD0106", Error, "invalid module zip",
        "Check that GoProxy points at a module proxy (an HTML page or a damaged file was served), and report a hostile zip to the proxy's operator.");

    // Network and proxies.

    /// <summary>No proxy in the list has the module or version (404/410 all the way down).</summary>
    public static readonly DiagnosticDescriptor ModuleNotFound = new("GOMOD0201", Error, "module not found",
        "Check the module path and version, and that GoProxy lists a proxy that serves it (GoPrivate/GoNoProxy for private modules).");

    /// <summary>A proxy could not be reached or answered with a server error.</summary>
    public static readonly DiagnosticDescriptor ProxyRequestFailed = new("GOMOD0202", Error, "module proxy request failed",
        "Check the network connection and the GoProxy setting, then build again.");

    /// <summary>A module must be fetched but GOPROXY=off.</summary>
    public static readonly DiagnosticDescriptor LookupDisabled = new("GOMOD0203", Error, "module lookup disabled by GOPROXY=off",
        "Set GoProxy (or GOPROXY) to a module proxy, or fill the module cache before building offline.");

    /// <summary>A module could not be fetched from its version control repository (authentication, an unreachable server, a git failure, a VCS other than git).</summary>
    public static readonly DiagnosticDescriptor VcsRequestFailed = new("GOMOD0205", Error, "version control request failed",
        "Check that git can reach the repository the message names with your credentials (credential helper, .netrc, url.insteadOf), or serve the module through GoProxy.");

    /// <summary>The checksum database could not be reached, or does not know a module whose new go.sum line it must confirm.</summary>
    public static readonly DiagnosticDescriptor SumDbUnavailable = new("GOMOD0204", Error, "checksum database unavailable",
        "Check the network and GoSumDb; for a private module, list it in GoNoSumDb or GoPrivate; GoSumDb=off turns the checksum database off.");

    /// <summary>A module is not in the module cache and the network must not be used (design-time build).</summary>
    public static readonly DiagnosticDescriptor NotInCacheOffline = new("GOMOD0250", Warning, "module not in the module cache",
        "Build the project once so that GoModRestore downloads it.");

    // Resolution.

    /// <summary>A requirement names an invalid module path or version.</summary>
    public static readonly DiagnosticDescriptor InvalidRequirement = new("GOMOD0301", Error, "invalid module requirement",
        "Require a valid module path at a canonical semantic version (vX.Y.Z) or pseudo-version.");

    /// <summary>A module's go.mod declares another path than the one it was required by.</summary>
    public static readonly DiagnosticDescriptor PathMismatch = new("GOMOD0302", Error, "module declares another path",
        "Require the module by the path its go.mod declares, or add a replace directive.");

    /// <summary>A replace directive points at a directory that does not exist.</summary>
    public static readonly DiagnosticDescriptor ReplacementDirectoryMissing = new("GOMOD0303", Error, "replacement directory does not exist",
        "Create the directory, or correct the replace directive in go.mod.");

    /// <summary>The module graph cannot be loaded (a missing version, an unreadable go.mod…); go's requirement chain, placed on the main go.mod line it starts from.</summary>
    public static readonly DiagnosticDescriptor ModuleGraphError = new("GOMOD0304", Error, "error loading the module graph",
        "Fix the requirement on the reported go.mod line (or the module it leads to): require a version that exists, or replace or exclude the broken one.");

    /// <summary>go.mod must change to be consistent (go's "updates to go.mod needed"), but -mod=readonly forbids it.</summary>
    public static readonly DiagnosticDescriptor ModFileUpdateNeeded = new("GOMOD0305", Error, "updates to go.mod needed",
        "Run 'go mod tidy', or build once with GoModMode=mod so that the restore updates go.mod and go.sum.");

    /// <summary>GoModGet could not apply the requested versions (go get's error).</summary>
    public static readonly DiagnosticDescriptor GetFailed = new("GOMOD0306", Error, "go get failed",
        "Correct the GoGet arguments (path@version, path@latest, path@none) as go get's message says.");

    /// <summary>GoModTidyCheck: go mod tidy would change go.mod or go.sum (the differences as a unified diff).</summary>
    public static readonly DiagnosticDescriptor NotTidy = new("GOMOD0307", Error, "go.mod or go.sum not tidy",
        "Run dotnet build -t:GoModTidy (or go mod tidy) and commit the go.mod and go.sum it writes.");

    /// <summary>No module of the build list provides an imported package (go's ImportMissingError), placed at the import.</summary>
    public static readonly DiagnosticDescriptor ImportMissing = new("GOMOD0310", Error, "no module provides an imported package",
        "Require a module that provides the package (go get <package>), build once with GoModMode=mod so that the restore adds it, or correct the import path.");

    /// <summary>Several modules of the build list provide an imported package (go's AmbiguousImportError).</summary>
    public static readonly DiagnosticDescriptor AmbiguousImport = new("GOMOD0311", Error, "ambiguous import",
        "Keep one module that provides the package: upgrade or drop the other (often a module split into nested modules), or exclude it.");

    /// <summary>A package directory has no Go file built for the target (go/build's NoGoError).</summary>
    public static readonly DiagnosticDescriptor NoGoFiles = new("GOMOD0312", Error, "no Go files in package",
        "Import a directory that holds Go files built for the target, or fix the files' build constraints.");

    /// <summary>A package of the main module imports from a module go.mod does not require (outside -mod=mod).</summary>
    public static readonly DiagnosticDescriptor ImplicitDependencyImport = new("GOMOD0313", Error, "import from an implicitly required module",
        "Run the go get command the message names (or build once with GoModMode=mod) so that go.mod requires the module.");

    /// <summary>A package the build loads is imported by another path than its import comment names (GOPATH-mode go's "code in directory … expects import …"); GoImportComments=error, the default for the main module.</summary>
    public static readonly DiagnosticDescriptor ImportCommentMismatch = new("GOMOD0320", Error, "import path disagrees with import comment",
        "Import the package by the path its import comment names (requiring the module that provides it), correct the comment if it is yours, or list the module in GoImportCommentsExempt.");

    /// <summary>Files of one package name different canonical paths in their import comments; GoImportComments=error.</summary>
    public static readonly DiagnosticDescriptor ConflictingImportComments = new("GOMOD0321", Error, "conflicting import comments",
        "Make every import comment of the package name the same path, or remove all but one.");

    /// <summary>An import comment whose path is not a Go string literal; GoImportComments=error.</summary>
    public static readonly DiagnosticDescriptor MalformedImportComment = new("GOMOD0322", Error, "cannot parse import comment",
        "Write the comment as package name // import \"path\" with the path quoted, or remove it.");

    /// <summary>The selected version has been retracted by its author.</summary>
    public static readonly DiagnosticDescriptor Retracted = new("GOMOD0350", Warning, "retracted module version",
        "Move to a version the author has not retracted, e.g. with 'go get <module>@latest'.");

    /// <summary>The required module is deprecated by its author.</summary>
    public static readonly DiagnosticDescriptor Deprecated = new("GOMOD0351", Warning, "deprecated module",
        "Follow the deprecation message, usually by moving to the module it names.");

    /// <summary>GOMOD0320 as a warning: GoImportComments=warning, the default for dependencies.</summary>
    public static readonly DiagnosticDescriptor ImportCommentMismatchWarning = new("GOMOD0370", Warning, "import path disagrees with import comment",
        "Import the package by the path its import comment names (requiring the module that provides it), or list the module in GoImportCommentsExempt if the comment is stale.");

    /// <summary>GOMOD0321 as a warning: GoImportComments=warning, the default for dependencies.</summary>
    public static readonly DiagnosticDescriptor ConflictingImportCommentsWarning = new("GOMOD0371", Warning, "conflicting import comments",
        "Report the conflicting comments to the module's author, or list the module in GoImportCommentsExempt.");

    /// <summary>GOMOD0322 as a warning: GoImportComments=warning, the default for dependencies.</summary>
    public static readonly DiagnosticDescriptor MalformedImportCommentWarning = new("GOMOD0372", Warning, "cannot parse import comment",
        "Report the malformed comment to the module's author, or list the module in GoImportCommentsExempt.");

    // Module cache and vendor/.

    /// <summary>The module cache cannot be written.</summary>
    public static readonly DiagnosticDescriptor CacheWriteFailed = new("GOMOD0401", Error, "cannot write the module cache",
        "Point GoModCache (or GOMODCACHE) at a writable directory.");

    /// <summary>vendor/modules.txt disagrees with go.mod.</summary>
    public static readonly DiagnosticDescriptor InconsistentVendoring = new("GOMOD0402", Error, "inconsistent vendoring",
        "Run 'go mod vendor' (or build with GoVendor=true) to bring vendor/ in line with go.mod.");

    /// <summary>vendor/ cannot be written.</summary>
    public static readonly DiagnosticDescriptor VendorWriteFailed = new("GOMOD0403", Error, "cannot write vendor/",
        "Make the vendor directory beside go.mod writable (and remove any file standing where a directory must be), then build again.");

    /// <summary>A //go:embed pattern of a vendored package matches nothing or is invalid (go mod vendor's error).</summary>
    public static readonly DiagnosticDescriptor EmbedPatternInvalid = new("GOMOD0404", Error, "cannot resolve //go:embed pattern",
        "Correct the //go:embed pattern the message names in the vendored package (or require a version of its module that has the files).");
    // Compiling the Go code (GoBuild).

    /// <summary>go build reported a compile error at a position in a Go (or cgo C) source file.</summary>
    public static readonly DiagnosticDescriptor GoCompileError = new("GOMOD0501", Error, "Go compile error",
        "Correct the Go source at the reported position.");

    /// <summary>go build failed without a positioned error (go's own message: a missing C compiler, a package the restore did not provide…).</summary>
    public static readonly DiagnosticDescriptor GoBuildFailed = new("GOMOD0502", Error, "go build failed",
        "Act on go's message: install what it names (cgo needs a C compiler such as gcc), or add the module providing a missing package to go.mod; the build never downloads anything itself.");

    /// <summary>GoBuild=true and no go command was found.</summary>
    public static readonly DiagnosticDescriptor GoToolchainNotFound = new("GOMOD0503", Error, "go toolchain not found",
        "Install go (apt-get install golang-go, or https://go.dev/dl/) so that 'go' is on PATH, or set GoToolchainPath to the go executable or its installation.");

    /// <summary>go build printed a warning at a position (cgo's C compiler).</summary>
    public static readonly DiagnosticDescriptor GoCompileWarning = new("GOMOD0550", Warning, "Go compile warning",
        "Correct the source at the reported position.");

    /// <summary>GoBuild=auto found no go command: the Go code was not compiled.</summary>
    public static readonly DiagnosticDescriptor GoBuildSkipped = new("GOMOD0551", Warning, "Go code not compiled",
        "Install go or set GoToolchainPath to compile it (GoBuild=true makes a missing go an error), or set GoBuild=false to only restore the modules.");

    // The tool itself.

    /// <summary>The build was canceled while restoring.</summary>
    public static readonly DiagnosticDescriptor Canceled = new("GOMOD0901", Error, "restore canceled",
        "Build again to finish the restore.");

    /// <summary>An unexpected failure inside GoMod.Sdk.</summary>
    public static readonly DiagnosticDescriptor InternalError = new("GOMOD0902", Error, "internal error",
        "Report it with a binary log of the build (dotnet build -bl) to the GoMod.Sdk maintainers.");

    /// <summary>GoModInstallSdk could not copy the SDK into the .NET SDK's Sdks folder.</summary>
    public static readonly DiagnosticDescriptor SdkInstallFailed = new("GOMOD0903", Error, "cannot install the SDK into the .NET SDK",
        "Run GoModInstallSdk with write access to the .NET SDK's Sdks folder the message names (and remove any file standing at GoMod.Sdk there), or keep taking the SDK from NuGet.");

    /// <summary>Every descriptor, in code order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        ModFileNotFound, ModFileSyntax, NoModuleDeclaration, InvalidProperty, InvalidGoFlags, InvalidGoEnvironment, InputUnreadable,
        ModFileExists, ModulePathUnknown, InvalidModulePath, LegacyManifestSyntax, WorkspaceInvalid,
        NotSupportedYet,
        SumFileSyntax, MissingSum, ChecksumMismatch, CacheModified, SumDbSecurityError, InvalidModuleZip,
        ModuleNotFound, ProxyRequestFailed, LookupDisabled, SumDbUnavailable, VcsRequestFailed, NotInCacheOffline,
        InvalidRequirement, PathMismatch, ReplacementDirectoryMissing, ModuleGraphError, ModFileUpdateNeeded, GetFailed, NotTidy,
        ImportMissing, AmbiguousImport, NoGoFiles, ImplicitDependencyImport,
        ImportCommentMismatch, ConflictingImportComments, MalformedImportComment, Retracted, Deprecated,
        ImportCommentMismatchWarning, ConflictingImportCommentsWarning, MalformedImportCommentWarning,
        CacheWriteFailed, InconsistentVendoring, VendorWriteFailed, EmbedPatternInvalid,
        GoCompileError, GoBuildFailed, GoToolchainNotFound, GoCompileWarning, GoBuildSkipped,
        Canceled, InternalError, SdkInstallFailed,
    ];

    /// <summary>The descriptor of a code, or null if the code is unknown.</summary>
    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
