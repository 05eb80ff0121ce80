using System.Text.Json;
using System.Text.Json.Serialization;
using GoMod.Core.Internal;

namespace GoMod.Core.Restore;

/// <summary>
/// The restore's retraction/deprecation lookups kept apart from the no-op stamp (obj/&lt;project&gt;.gomod.notices). The
/// stamp goes whenever a restore must run again (a failed restore deletes it, and removing it is how a restore is
/// forced by hand), but the lookups it carried stay valid as long as the selected versions and the proxy settings
/// are those they were made under (<see cref="RequirementNotices.For"/> checks both): go build makes no such lookup, so
/// a restore forced that way should not make them either. Only GoModDownload (<c>Force</c>) asks anew.
/// </summary>
public static partial class RequirementNoticesFile
{
    /// <summary>Bumped whenever the file's shape changes; other versions are ignored.</summary>
    public const int FormatVersion = 1;

    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(FileShape))]
    private sealed partial class NoticesJson : JsonSerializerContext;

    private sealed record FileShape(int Version, RequirementNotices Notices);

    /// <summary>The notices recorded in <paramref name="path"/>; null when it is missing, unreadable or of another format.</summary>
    public static RequirementNotices? Read(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            var shape = JsonSerializer.Deserialize(File.ReadAllBytes(path), NoticesJson.Default.FileShape);
            return shape is null || shape.Version != FormatVersion ? null : shape.Notices;
        }
        catch (JsonException) { return null; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Writes <paramref name="notices"/> atomically when the bytes change; null removes the file.</summary>
    public static void Write(string path, RequirementNotices? notices)
    {
        if (notices is null)
        {
            if (File.Exists(path)) File.Delete(path);
            return;
        }
        AtomicFile.WriteIfChanged(path, JsonSerializer.SerializeToUtf8Bytes(new FileShape(FormatVersion, notices), NoticesJson.Default.FileShape));
    }
}
