using System.Text.Json;
using GoMod.Core.Module;

namespace GoMod.Core.ModInit;

/// <summary>
/// The JSON manifests: godep's Godeps/Godeps.json (<c>Deps[].ImportPath/Rev</c>), gvt's vendor/manifest
/// (<c>Dependencies[].ImportPath/Revision</c>) and govendor's vendor/vendor.json (<c>Package[].Path/Revision</c>).
/// Keys match case-insensitively and unknown keys are ignored, as Go's <c>encoding/json</c> decodes into a struct.
/// </summary>
internal static class JsonManifests
{
    public static LegacyManifest Parse(string file, byte[] data, string listKey, string pathKey, string revisionKey)
    {
        var pins = new List<ModuleVersion>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(data, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new LegacyManifestException(file, e.Message, e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return LegacyManifests.Pins(pins);
            if (Property(doc.RootElement, listKey) is not { ValueKind: JsonValueKind.Array } list) return LegacyManifests.Pins(pins);
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) continue;
                pins.Add(new ModuleVersion(StringProperty(item, pathKey), StringProperty(item, revisionKey)));
            }
        }
        return LegacyManifests.Pins(pins);
    }

    /// <summary>A string member of an object by Go's field matching (exact name first, then case-insensitive); "" when absent or not a string.</summary>
    internal static string StringProperty(JsonElement obj, string key) =>
        Property(obj, key) is { ValueKind: JsonValueKind.String } v ? v.GetString() ?? "" : "";

    /// <summary>The member Go's decoder would store into field <paramref name="key"/>: the last of the members whose name matches it (exactly or case-insensitively).</summary>
    internal static JsonElement? Property(JsonElement obj, string key)
    {
        JsonElement? found = null;
        foreach (var p in obj.EnumerateObject())
            if (string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)) found = p.Value;
        return found;
    }
}
