using GoMod.Core.Fetch;
using GoMod.Core.GoBuild;
using GoMod.Core.GoEnv;
using GoMod.Core.Imports;
using GoMod.Core.Install;
using GoMod.Core.ModCache;
using GoMod.Core.ModFile;
using GoMod.Core.ModGet;
using GoMod.Core.ModInit;
using GoMod.Core.ModLoad;
using GoMod.Core.ModSource;
using GoMod.Core.Packages;
using GoMod.Core.Proxy;
using GoMod.Core.Restore;
using GoMod.Core.Vendor;
using GoMod.Core.Sum;
using GoMod.Core.SumDb;
using GoMod.Core.Tidy;
using GoMod.Core.Vcs;
using GoMod.Core.Workspace;

namespace GoMod.Core.Diagnostics;

/// <summary>
/// The one place where a failure's diagnostic code is decided, from its type — never from its text. Every code of
/// <see cref="DiagnosticCodes"/> belongs to exactly one failure type (a type's subclasses share its code unless they
/// have their own row).
/// </summary>
/// <remarks>
/// A failure is a chain: the outer exception says where (a requirement chain, a module), its inner exceptions what
/// went wrong. Every exception of the chain that has a code is a candidate, and the candidate with the most telling
/// class wins, in <see cref="Precedence"/> order: integrity first (a SECURITY ERROR met while loading the graph stays
/// one), then the settings, then the network, then the graph itself, and "not found" last (inside a requirement chain
/// a version that does not exist is the graph's problem: require one that does).
/// </remarks>
public static class FailureCodes
{
    /// <summary>Each failure type and its code, most telling first: the order is the precedence.</summary>
    public static IReadOnlyList<(Type Failure, DiagnosticDescriptor Code)> Precedence { get; } =
    [
        (typeof(ChecksumMismatchException), DiagnosticCodes.ChecksumMismatch),
        (typeof(SumDbSecurityException), DiagnosticCodes.SumDbSecurityError),
        (typeof(MissingGoSumEntryException), DiagnosticCodes.MissingSum),
        (typeof(GoSumParseException), DiagnosticCodes.SumFileSyntax),
        (typeof(ModuleCacheModifiedException), DiagnosticCodes.CacheModified),
        (typeof(InvalidModuleZipException), DiagnosticCodes.InvalidModuleZip),
        (typeof(ModuleFileUnreadableException), DiagnosticCodes.InputUnreadable),
        (typeof(ModFileNotFoundException), DiagnosticCodes.ModFileNotFound),
        (typeof(ModFileParseException), DiagnosticCodes.ModFileSyntax),
        (typeof(NoModuleDeclarationException), DiagnosticCodes.NoModuleDeclaration),
        (typeof(ModFileExistsException), DiagnosticCodes.ModFileExists),
        (typeof(ModulePathUnknownException), DiagnosticCodes.ModulePathUnknown),
        (typeof(InvalidNewModulePathException), DiagnosticCodes.InvalidModulePath),
        (typeof(LegacyManifestException), DiagnosticCodes.LegacyManifestSyntax),
        (typeof(WorkspaceException), DiagnosticCodes.WorkspaceInvalid),
        (typeof(InvalidPropertyException), DiagnosticCodes.InvalidProperty),
        (typeof(GoFlagsException), DiagnosticCodes.InvalidGoFlags),
        (typeof(GoEnvironmentException), DiagnosticCodes.InvalidGoEnvironment),
        (typeof(DisabledLookupException), DiagnosticCodes.LookupDisabled),
        (typeof(ModuleCacheWriteException), DiagnosticCodes.CacheWriteFailed),
        (typeof(SumDbUnavailableException), DiagnosticCodes.SumDbUnavailable),
        (typeof(VcsException), DiagnosticCodes.VcsRequestFailed),
        (typeof(ModuleFetchException), DiagnosticCodes.ProxyRequestFailed),
        (typeof(InvalidRequirementException), DiagnosticCodes.InvalidRequirement),
        (typeof(ModulePathMismatchException), DiagnosticCodes.PathMismatch),
        (typeof(ReplacementDirectoryMissingException), DiagnosticCodes.ReplacementDirectoryMissing),
        (typeof(ModFileUpdateNeededException), DiagnosticCodes.ModFileUpdateNeeded),
        (typeof(GoGetException), DiagnosticCodes.GetFailed),
        (typeof(ModuleNotTidyException), DiagnosticCodes.NotTidy),
        (typeof(ImportMissingException), DiagnosticCodes.ImportMissing),
        (typeof(AmbiguousImportException), DiagnosticCodes.AmbiguousImport),
        (typeof(NoGoFilesException), DiagnosticCodes.NoGoFiles),
        (typeof(ImplicitDependencyImportException), DiagnosticCodes.ImplicitDependencyImport),
        (typeof(GoCommandException), DiagnosticCodes.ModuleGraphError),
        (typeof(ModuleNotFoundException), DiagnosticCodes.ModuleNotFound),
        (typeof(ModuleNotInCacheException), DiagnosticCodes.NotInCacheOffline),
        (typeof(InconsistentVendoringException), DiagnosticCodes.InconsistentVendoring),
        (typeof(VendorWriteException), DiagnosticCodes.VendorWriteFailed),
        (typeof(EmbedPatternException), DiagnosticCodes.EmbedPatternInvalid),
        (typeof(ImportCommentMismatchException), DiagnosticCodes.ImportCommentMismatch),
        (typeof(ConflictingImportCommentsException), DiagnosticCodes.ConflictingImportComments),
        (typeof(MalformedImportCommentException), DiagnosticCodes.MalformedImportComment),
        (typeof(ImportCommentMismatchWarningException), DiagnosticCodes.ImportCommentMismatchWarning),
        (typeof(ConflictingImportCommentsWarningException), DiagnosticCodes.ConflictingImportCommentsWarning),
        (typeof(MalformedImportCommentWarningException), DiagnosticCodes.MalformedImportCommentWarning),
        (typeof(GoToolchainNotFoundException), DiagnosticCodes.GoToolchainNotFound),
        (typeof(GoCompileException), DiagnosticCodes.GoCompileError),
        (typeof(GoBuildFailedException), DiagnosticCodes.GoBuildFailed),
        (typeof(GoCompileWarningException), DiagnosticCodes.GoCompileWarning),
        (typeof(GoBuildSkippedException), DiagnosticCodes.GoBuildSkipped),
        (typeof(ModuleRetractedException), DiagnosticCodes.Retracted),
        (typeof(ModuleDeprecatedException), DiagnosticCodes.Deprecated),
        (typeof(UnsupportedSettingException), DiagnosticCodes.NotSupportedYet),
        (typeof(SdkInstallException), DiagnosticCodes.SdkInstallFailed),
        (typeof(OperationCanceledException), DiagnosticCodes.Canceled),
        (typeof(Exception), DiagnosticCodes.InternalError),
    ];

    /// <summary>
    /// The code of <paramref name="failure"/>: of all the exceptions in its chain (itself and its inner exceptions),
    /// the one whose type (or nearest base type) comes first in <see cref="Precedence"/>.
    /// </summary>
    public static DiagnosticDescriptor For(Exception failure) => Decide(failure).Code;

    /// <summary>The code of several failures of one command: the most telling of all their chains.</summary>
    public static DiagnosticDescriptor For(IEnumerable<Exception> failures)
    {
        var best = (Rank: int.MaxValue, Code: DiagnosticCodes.InternalError);
        foreach (var f in failures)
            for (var e = f; e is not null; e = e.InnerException)
                if (RankOf(e.GetType()) is var r && r < best.Rank) best = (r, Precedence[r].Code);
        return best.Code;
    }

    /// <summary>
    /// The code of <paramref name="failure"/> and the exception of its chain that decided it, whose message is the
    /// one to show (a SECURITY ERROR found under a module's download error is shown as go shows it).
    /// </summary>
    public static (DiagnosticDescriptor Code, Exception Decisive) Decide(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var best = (Rank: int.MaxValue, Failure: failure);
        for (var e = failure; e is not null; e = e.InnerException)
            if (RankOf(e.GetType()) is var r && r < best.Rank) best = (r, e);
        return (Precedence[best.Rank].Code, best.Failure);
    }

    /// <summary>The diagnostic for <paramref name="failure"/>: its code, go's words (<paramref name="message"/>, else the failure's message) and where it is.</summary>
    public static Diagnostic ToDiagnostic(Exception failure, string? file = null, int line = 0, int column = 0, string? message = null) =>
        For(failure).Create(message ?? failure.Message, file, line, column);

    private static int RankOf(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            for (int i = 0; i < Precedence.Count; i++)
                if (Precedence[i].Failure == t) return i;
        }
        return Precedence.Count - 1;
    }
}
