using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;
using GoMod.Core.GoEnv;
using GoMod.Core.ModFile;
using GoMod.Core.GoBuild;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>
/// The GoMod properties every task takes (go.mod, the Go settings, the switches) and their mapping to
/// <see cref="RestoreOptions"/>, plus cancellation (Ctrl+C cancels the token the downloads use). The SDK's targets pass
/// the settings as one item list, <see cref="Settings"/>; the single properties serve other callers.
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

    /// <summary>GoAuth (GOAUTH, Go 1.24+): <c>netrc</c> (the default), <c>off</c>, <c>git &lt;dir&gt;</c> or commands, <c>;</c>-separated.</summary>
    public string? GoAuth { get; set; }

    /// <summary>GoSumDb (GOSUMDB).</summary>
    public string? GoSumDb { get; set; }

    /// <summary>GoModCache (GOMODCACHE).</summary>
    public string? GoModCache { get; set; }

    /// <summary>GoFlags (GOFLAGS).</summary>
    public string? GoFlags { get; set; }

    /// <summary>GoWork (GOWORK): off, or the go.work to use; empty to search upward as go does.</summary>
    public string? GoWork { get; set; }

    /// <summary>GoModMode: readonly, mod or vendor (go's -mod=).</summary>
    public string? GoModMode { get; set; }

    /// <summary>GoVendor: write vendor/.</summary>
    public bool GoVendor { get; set; }

    /// <summary>GoImportComments: error, warning or none.</summary>
    public string? GoImportComments { get; set; }

    /// <summary>GoImportCommentsExempt: module path patterns whose import comments are not checked.</summary>
    public string? GoImportCommentsExempt { get; set; }

    /// <summary>GoTidyCompat: go mod tidy's -compat version; empty for go's default.</summary>
    public string? GoTidyCompat { get; set; }

    /// <summary>GoTidyErrors: go mod tidy's -e (report package errors and go on).</summary>
    public bool GoTidyErrors { get; set; }

    /// <summary>GoTidyGo: go mod tidy's -go=version (tidy as if the go line were that version, and write it).</summary>
    public string? GoTidyGo { get; set; }

    /// <summary>GoTidyVerbose: go mod tidy's -v (an <c>unused MODULE</c> message for each requirement tidy drops).</summary>
    public bool GoTidyVerbose { get; set; }

    /// <summary>GoLocalToolchain: the go version tidy takes as the local toolchain (go 1.21 go lines); empty for go 1.23.5.</summary>
    public string? GoLocalToolchain { get; set; }

    /// <summary>
    /// The settings as the targets pass them (<c>@(_GoModSetting)</c>): identity the property name (GoProxy, GoModMode…),
    /// metadata <c>Value</c>, URL passwords redacted, or <c>FromEnvironment</c> (see <see cref="GoSettings"/>). Each overrides the property of that name.
    /// </summary>
    public ITaskItem[] Settings { get; set; } = [];

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
        ApplySettings();
        var settings = new Dictionary<string, string?>
        {
            ["GOPROXY"] = GoProxy, ["GOPRIVATE"] = GoPrivate, ["GONOPROXY"] = GoNoProxy, ["GONOSUMDB"] = GoNoSumDb,
            ["GOINSECURE"] = GoInsecure, ["GOAUTH"] = GoAuth, ["GOSUMDB"] = GoSumDb, ["GOMODCACHE"] = GoModCache, ["GOFLAGS"] = GoFlags, ["GOWORK"] = GoWork,
        };
        // The restore loads the packages of the build that follows it. With GoBuild on, that is GoBuild's: the platform
        // of GoOS/GoArch, else the runtime identifier's, else this machine's (a runtime identifier go cannot build for is
        // GoBuild's error to report: the restore then loads for GoOS/GoArch or this machine); cgo as GoBuild runs go
        // (GoCgoEnabled, else go's default, never CGO_ENABLED from the environment or the go env file); the tags of
        // GoTags only. With GoBuild off, the user's go build: GOOS, GOARCH, CGO_ENABLED and GOFLAGS's -tags from the
        // environment and the go env file unless GoOS/GoArch/RuntimeIdentifier/GoCgoEnabled/GoTags say otherwise.
        var goBuild = !string.IsNullOrWhiteSpace(_goBuild) && !string.Equals(_goBuild.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        GoPlatform? platform = null;
        if (goBuild || !string.IsNullOrWhiteSpace(_targetOs) || !string.IsNullOrWhiteSpace(_targetArch) || !string.IsNullOrWhiteSpace(_runtimeIdentifier))
        {
            try { platform = GoPlatform.Resolve(_targetOs, _targetArch, _runtimeIdentifier); }
            catch (InvalidPropertyException) { platform = GoPlatform.Resolve(_targetOs, _targetArch, null); }
            settings["GOOS"] = platform.Value.Os;
            settings["GOARCH"] = platform.Value.Arch;
        }
        // GoCgoEnabled as GoBuild reads it; a value it refuses is GoBuild's error to report, and counts as unset here.
        bool? cgo;
        try { cgo = GoBuildRequest.ParseSwitch("GoCgoEnabled", _cgoEnabled); }
        catch (InvalidPropertyException) { cgo = null; }
        if (cgo is null && goBuild)
            cgo = BuildTarget.CgoDefault(platform!.Value, Environment.GetEnvironmentVariable("CC"), Environment.GetEnvironmentVariable);
        if (cgo is { } on) settings["CGO_ENABLED"] = on ? "1" : "0";
        return new RestoreOptions
        {
            ModFile = Path.GetFullPath(GoModFile),
            Settings = settings,
            BuildTags = goBuild ? _tags?.Trim() ?? "" : string.IsNullOrWhiteSpace(_tags) ? null : _tags.Trim(),
            GetEnvironmentVariable = Environment.GetEnvironmentVariable,
            ModMode = GoModMode?.Trim() ?? "",
            WriteVendor = GoVendor,
            ImportComments = GoImportComments?.Trim() ?? "",
            ImportCommentsExempt = GoImportCommentsExempt?.Trim() ?? "",
        };
    }

    /// <summary>Every setting <see cref="Settings"/> may name: its Go environment variable, if any, and the property it sets.</summary>
    private static readonly (string Name, string? EnvironmentName, Action<GoModTask, string> Set)[] Known =
    [
        ("GoProxy", "GOPROXY", (t, v) => t.GoProxy = v),
        ("GoPrivate", "GOPRIVATE", (t, v) => t.GoPrivate = v),
        ("GoNoProxy", "GONOPROXY", (t, v) => t.GoNoProxy = v),
        ("GoNoSumDb", "GONOSUMDB", (t, v) => t.GoNoSumDb = v),
        ("GoInsecure", "GOINSECURE", (t, v) => t.GoInsecure = v),
        ("GoAuth", "GOAUTH", (t, v) => t.GoAuth = v),
        ("GoSumDb", "GOSUMDB", (t, v) => t.GoSumDb = v),
        ("GoModCache", "GOMODCACHE", (t, v) => t.GoModCache = v),
        ("GoFlags", "GOFLAGS", (t, v) => t.GoFlags = v),
        ("GoWork", "GOWORK", (t, v) => t.GoWork = v),
        ("GoModMode", null, (t, v) => t.GoModMode = v),
        ("GoVendor", null, (t, v) => t.GoVendor = string.Equals(v.Trim(), "true", StringComparison.OrdinalIgnoreCase)),
        ("GoImportComments", null, (t, v) => t.GoImportComments = v),
        ("GoImportCommentsExempt", null, (t, v) => t.GoImportCommentsExempt = v),
        ("GoTidyCompat", null, (t, v) => t.GoTidyCompat = v),
        ("GoTidyErrors", null, (t, v) => t.GoTidyErrors = string.Equals(v.Trim(), "true", StringComparison.OrdinalIgnoreCase)),
        ("GoTidyGo", null, (t, v) => t.GoTidyGo = v),
        ("GoTidyVerbose", null, (t, v) => t.GoTidyVerbose = string.Equals(v.Trim(), "true", StringComparison.OrdinalIgnoreCase)),
        ("GoLocalToolchain", null, (t, v) => t.GoLocalToolchain = v),
        // GoBuild's target, which the restore's package load follows (GoBuild tasks have properties of these names for their own use).
        ("GoOS", "GOOS", (t, v) => t._targetOs = v),
        ("GoArch", "GOARCH", (t, v) => t._targetArch = v),
        ("RuntimeIdentifier", null, (t, v) => t._runtimeIdentifier = v),
        ("GoTags", null, (t, v) => t._tags = v),
        ("GoCgoEnabled", null, (t, v) => t._cgoEnabled = v),
        ("GoBuild", null, (t, v) => t._goBuild = v),
    ];

    private string? _targetOs, _targetArch, _runtimeIdentifier, _tags, _cgoEnabled, _goBuild;

    /// <summary>
    /// Copies <see cref="Settings"/> onto the properties, each value resolved to the real one it stands for (a
    /// redacted global property or environment variable); an unknown name is reported as a low-importance message.
    /// </summary>
    private void ApplySettings()
    {
        if (Settings.Length == 0) return;
        var globals = (BuildEngine as IBuildEngine6)?.GetGlobalProperties();
        foreach (var item in Settings)
        {
            var name = item.ItemSpec;
            var setting = Known.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
            if (setting.Name is null)
            {
                Log.LogMessage(MessageImportance.Low, "GoMod: unknown setting {0} ignored.", name);
                continue;
            }
            var value = string.Equals(item.GetMetadata("FromEnvironment"), "true", StringComparison.OrdinalIgnoreCase)
                ? GoSettings.FromEnvironment(setting.Name, setting.EnvironmentName, globals, Environment.GetEnvironmentVariable)
                : GoSettings.Resolve(item.GetMetadata("Value"), setting.Name, setting.EnvironmentName, globals, Environment.GetEnvironmentVariable);
            setting.Set(this, value);
        }
    }
}
