using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GoMod.Core.Diagnostics;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.Packages;
using GoMod.Core.Workspace;

namespace GoMod.Core.Restore;

/// <summary>
/// The no-op record of the last successful restore (obj/&lt;project&gt;.gomod.cache), in the spirit of NuGet's
/// project.nuget.cache: a hash of every input, the build list it produced, and the warnings it reported. When the inputs
/// hash to the same value and every module directory is still there, the restore is skipped: the modules are
/// published from here and the warnings replayed, so skipping work never hides a warning.
/// </summary>
public sealed partial record RestoreCache(string InputsHash, IReadOnlyList<RestoredModule> Modules, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Bumped whenever the file's shape or the meaning of the hash changes; other versions are ignored.</summary>
    public const int FormatVersion = 2;

    /// <summary>
    /// The file's JSON contract, generated at compile time: GoModReport reads this file on every build of a project past
    /// the g.props item limit, in a fresh MSBuild node, where reflection-built serializer metadata cost more than the read.
    /// </summary>
    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(SeverityNames)])]
    [JsonSerializable(typeof(FileShape))]
    private sealed partial class CacheJson : JsonSerializerContext;

    /// <summary>Severities by their camel-case names ("error", "warning").</summary>
    private sealed class SeverityNames() : JsonStringEnumConverter<DiagnosticSeverity>(JsonNamingPolicy.CamelCase);

    private sealed record FileShape(int Version, string InputsHash, List<RestoredModule> Modules, List<Diagnostic> Diagnostics, RequirementNotices? Notices = null);

    /// <summary>The restore's retraction/deprecation lookups, which the next restore reuses (<see cref="RestoreOptions.KnownNotices"/>).</summary>
    public RequirementNotices? Notices { get; init; }

    /// <summary>
    /// One hash over everything that can change a restore's result: go.mod and go.sum bytes, whether vendor/ exists,
    /// every resolved Go setting, the switches, what the package load reads of the local Go files and the directory
    /// replacements' go.mod files (<see cref="LocalSourceInputs"/>), and <paramref name="toolIdentity"/> (the SDK build,
    /// so a new SDK restores again). Pure: go.mod and go.sum read, the local modules' directories listed and the head of
    /// each of their .go files read (the task runs it only when MSBuild found an input newer than the last restore).
    /// </summary>
    public static string ComputeInputsHash(RestoreOptions options, string toolIdentity)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) { sha.AppendData(Encoding.UTF8.GetBytes(s)); sha.AppendData("\n"u8); }
        void AddFile(string path)
        {
            Add(path);
            if (File.Exists(path)) { var b = File.ReadAllBytes(path); Add(b.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)); sha.AppendData(b); }
            else Add("<absent>");
        }

        Add($"gomod-restore-v{FormatVersion}");
        Add(toolIdentity);
        try
        {
            var env = options.ResolveEnvironment();
            Add($"GOPROXY={env.GoProxy}\nGOPRIVATE={env.GoPrivate}\nGONOPROXY={env.GoNoProxy}\nGONOSUMDB={env.GoNoSumDb}");
            Add($"GOINSECURE={env.GoInsecure}\nGOSUMDB={env.GoSumDb}\nGOMODCACHE={env.ModCache}\nNETRC={env.Netrc}");
            Add($"GOFLAGS: mod={env.Flags.Mod} modcacherw={env.Flags.ModCacheRW}");
            // In workspace mode: go.work, go.work.sum and every used module's go.mod and go.sum.
            Add(WorkspaceInputs.Describe(Path.GetDirectoryName(Path.GetFullPath(options.ModFile))!, env));
            // The Go files the package load reads (main module, workspace modules, directory replacements) and the
            // replacements' go.mod files: an added import or an edited replacement go.mod restores again.
            Add(LocalSourceInputs.Describe(Path.GetDirectoryName(Path.GetFullPath(options.ModFile))!, env));
            // The platform, cgo and tags the package load takes (a cross build loads other files, so other imports).
            Add(GoBuild.BuildTarget.Resolve(env, options.BuildTags, options.GetEnvironmentVariable).Key);
        }
        catch (GoEnvironmentException e)
        {
            // The restore reports it and fails, so no cache file is written with this hash; it need only not throw.
            Add("invalid settings: " + e.Message);
        }
        Add($"mod={options.ModMode}");
        Add($"vendor={options.WriteVendor}");
        Add($"importcomments={options.ImportComments}");
        Add($"importcommentsexempt={options.ImportCommentsExempt}");
        var full = Path.GetFullPath(options.ModFile);
        AddFile(full);
        AddFile(options.SumFile);
        Add($"vendordir={Directory.Exists(Path.Combine(Path.GetDirectoryName(full)!, "vendor"))}");
        // -mod=vendor reads modules.txt; with GoVendor=true the restore writes it (and is its only author).
        if (!options.WriteVendor) AddFile(Path.Combine(Path.GetDirectoryName(full)!, "vendor", "modules.txt"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// True when this record answers a restore whose inputs hash to <paramref name="inputsHash"/>: same hash, and every
    /// module directory it lists still exists (someone may have cleaned the module cache).
    /// </summary>
    public bool IsCurrent(string inputsHash) =>
        InputsHash == inputsHash && Modules.All(m => m.Dir.Length == 0 || Directory.Exists(m.Dir));

    /// <summary>The file's bytes: stable for equal content, so an unchanged restore rewrites nothing.</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(new FileShape(FormatVersion, InputsHash, [.. Modules], [.. Diagnostics], Notices), CacheJson.Default.FileShape);

    /// <summary>Writes the file atomically when its bytes change, and always refreshes its write time (it is a stamp).</summary>
    public void Write(string path) => AtomicFile.WriteIfChanged(path, ToBytes(), touchIfUnchanged: true);

    /// <summary>Reads a cache file; null when it is missing, unreadable, or of another format version.</summary>
    public static RestoreCache? Read(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            var shape = JsonSerializer.Deserialize(File.ReadAllBytes(path), CacheJson.Default.FileShape);
            return shape is null || shape.Version != FormatVersion ? null : new RestoreCache(shape.InputsHash, shape.Modules, shape.Diagnostics) { Notices = shape.Notices };
        }
        catch (JsonException) { return null; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
