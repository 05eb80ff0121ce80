using System.Text.Json;

namespace GoMod.Core.Restore;

public sealed partial record RestoreCache
{
    // The file starts with its version and inputs hash (FileShape's first two members, written in that order).
    private const int HeadBytes = 512;

    /// <summary>
    /// The inputs hash recorded in the cache file at <paramref name="path"/>, read from the file's first bytes without
    /// parsing its module list (tens of thousands of entries on a large build list): enough for a restore whose inputs
    /// changed to know the record cannot answer it. Null when the file is missing, unreadable, of another format
    /// version, or does not start as this version writes it — the caller then reads it whole (<see cref="Read"/>).
    /// </summary>
    public static string? ReadInputsHash(string path)
    {
        Span<byte> head = stackalloc byte[HeadBytes];
        int n;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            n = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        try
        {
            var reader = new Utf8JsonReader(head[..n], isFinalBlock: n < HeadBytes, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            int? version = null;
            string? hash = null;
            while (version is null || hash is null)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) return null;
                if (reader.ValueTextEquals("version"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v)) return null;
                    version = v;
                }
                else if (reader.ValueTextEquals("inputsHash"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String) return null;
                    hash = reader.GetString();
                }
                else return null;
            }
            return version == FormatVersion ? hash : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
