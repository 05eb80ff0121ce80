using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;
using GoMod.Core.GoEnv;
using GoMod.Core.ModFile;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// The GoMod properties every task takes (go.mod, the Go settings, the switches) and their mapping to
/// <see cref="RestoreOptions"/>, plus cancellation (Ctrl+C cancels the token the downloads use).
/// </summary>
public abstract class GoModTask : MSBuildTask, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The main module's go.mod (GoModFile).</summary>
    [Required] public string GoModFile { get; set; } = "";

    /// <summary>GoProxy (GOPROXY).</summary>
    public string? GoProxy { get; set; }

    /// <summary>GoPrivate (GOPRIVATE).</summary>
    public string? GoPrivate { get; set; }

    /// <summary>GoNoProxy (GONOPROXY).</summary>
    public string? GoNoProxy { get; set; }

    /// <summary>GoNoSumDb (GONOSUMDB).</summary>
    public string? GoNoSumDb { get; set; }

    /// <summary>GoInsecure (GOINSECURE).</summary>
    public string? GoInsecure { get; set; }

    /// <summary>GoSumDb (GOSUMDB).</summary>
    public string? GoSumDb { get; set; }

    /// <summary>GoModCache (GOMODCACHE).</summary>
    public string? GoModCache { get; set; }

    /// <summary>GoFlags (GOFLAGS).</summary>
    public string? GoFlags { get; set; }

    /// <summary>GoModMode: readonly, mod or vendor (go's -mod=).</summary>
    public string? GoModMode { get; set; }

    /// <summary>GoVendor: write vendor/.</summary>
    public bool GoVendor { get; set; }

    /// <summary>GoImportComments: error, warning or none.</summary>
    public string? GoImportComments { get; set; }

    /// <summary>Base of help links: a URL or the full path of diagnostics.md; the code is appended as an anchor.</summary>
    public string? HelpLinkBase { get; set; }

    /// <summary>Fires when MSBuild cancels the build.</summary>
    protected CancellationToken CancellationToken => _cancel.Token;

    /// <inheritdoc />
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        _cancel.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The restore options these properties describe; explicit properties beat the process environment.</summary>
    protected RestoreOptions BuildOptions()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GOPROXY"] = GoProxy, ["GOPRIVATE"] = GoPrivate, ["GONOPROXY"] = GoNoProxy, ["GONOSUMDB"] = GoNoSumDb,
            ["GOINSECURE"] = GoInsecure, ["GOSUMDB"] = GoSumDb, ["GOMODCACHE"] = GoModCache, ["GOFLAGS"] = GoFlags,
        };
        return new RestoreOptions
        {
            ModFile = Path.GetFullPath(GoModFile),
            Settings = settings,
            GetEnvironmentVariable = Environment.GetEnvironmentVariable,
            ModMode = GoModMode?.Trim() ?? "",
            WriteVendor = GoVendor,
            ImportComments = GoImportComments?.Trim() ?? "",
        };
    }
}
