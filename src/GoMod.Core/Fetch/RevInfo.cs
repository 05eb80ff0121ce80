using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoMod.Core.Fetch;

/// <summary>
/// The content of a <c>.info</c> file (<c>{"Version":…,"Time":…}</c> plus an optional <c>Origin</c>), kept in the
/// exact form the go command writes to the module cache.
/// </summary>
/// <param name="Version">The version the information is about.</param>
/// <param name="Time">The commit time in RFC 3339 form as go prints it (fraction without trailing zeros, <c>Z</c> for UTC).</param>
/// <param name="Origin">Origin fields in go's order (VCS, URL, Subdir, Hash, TagPrefix, TagSum, Ref, RepoSum), empty ones left out.</param>
public sealed partial record RevInfo(string Version, string Time, IReadOnlyList<KeyValuePair<string, string>> Origin)
{
    private static readonly string[] OriginFields = ["VCS", "URL", "Subdir", "Hash", "TagPrefix", "TagSum", "Ref", "RepoSum"];

    /// <summary><see cref="Time"/> as a value.</summary>
    public DateTimeOffset TimeValue => DateTimeOffset.Parse(Time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Go's zero <c>time.Time</c>, used when the proxy sends none.</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    /// <summary>
    /// Parses a proxy's <c>.info</c> or <c>@latest</c> JSON as Go's <c>encoding/json</c> does (field names match case
    /// insensitively, unknown fields are ignored, Time must be RFC 3339).
    /// </summary>
    /// <exception cref="FormatException">The JSON is not a valid info object.</exception>
    public static RevInfo Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException(e.Message, e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new FormatException($"json: cannot unmarshal {Kind(doc.RootElement)} into Go value of type modfetch.RevInfo");
            string version = "", time = ZeroTime;
            var origin = new List<KeyValuePair<string, string>>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name.Equals("Version", StringComparison.OrdinalIgnoreCase))
                    version = StringValue(p, "RevInfo.Version");
                else if (p.Name.Equals("Time", StringComparison.OrdinalIgnoreCase))
                    time = NormalizeTime(p.Value);
                else if (p.Name.Equals("Origin", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Object)
                {
                    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var o in p.Value.EnumerateObject())
                    {
                        var name = OriginFields.FirstOrDefault(f => f.Equals(o.Name, StringComparison.OrdinalIgnoreCase));
                        if (name is not null) fields[name] = StringValue(o, "Origin." + name);
                    }
                    foreach (var f in OriginFields)
                        if (fields.TryGetValue(f, out var v) && v.Length > 0) origin.Add(new(f, v));
                }
            }
            return new RevInfo(version, time, origin);
        }
    }

    /// <summary>
    /// The bytes go's <c>writeDiskStat</c> stores: compact JSON with Version, Time and a non-empty Origin, where
    /// TagPrefix and TagSum are dropped (and Ref too for pseudo-versions).
    /// </summary>
    public byte[] ToCacheJson(bool isPseudoVersion)
    {
        var sb = new StringBuilder();
        sb.Append("{\"Version\":");
        GoQuote(sb, Version);
        sb.Append(",\"Time\":");
        GoQuote(sb, Time);
        var origin = Origin.Where(o => o.Key is not ("TagPrefix" or "TagSum") && !(isPseudoVersion && o.Key == "Ref")).ToList();
        if (origin.Count > 0)
        {
            sb.Append(",\"Origin\":{");
            for (var i = 0; i < origin.Count; i++)
            {
                if (i > 0) sb.Append(',');
                GoQuote(sb, origin[i].Key);
                sb.Append(':');
                GoQuote(sb, origin[i].Value);
            }
            sb.Append('}');
        }
        sb.Append('}');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>A JSON string as Go's <c>encoding/json</c> writes it (HTML-safe: &lt; &gt; &amp; escaped).</summary>
    private static void GoQuote(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }

    private static string StringValue(JsonProperty p, string field) => p.Value.ValueKind switch
    {
        JsonValueKind.String => p.Value.GetString()!,
        JsonValueKind.Null => "",
        _ => throw new FormatException($"json: cannot unmarshal {Kind(p.Value)} into Go struct field {field} of type string"),
    };

    private static string NormalizeTime(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null) return ZeroTime;
        if (e.ValueKind != JsonValueKind.String)
            throw new FormatException($"json: cannot unmarshal {Kind(e)} into Go struct field RevInfo.Time of type time.Time");
        var s = e.GetString()!;
        var m = Rfc3339().Match(s);
        if (!m.Success || !DateTimeOffset.TryParse(m.Groups[1].Value + m.Groups[3].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new FormatException($"parsing time \"\\\"{s}\\\"\" as \"\\\"2006-01-02T15:04:05Z07:00\\\"\": cannot parse");
        var fraction = m.Groups[2].Value.TrimEnd('0');
        if (fraction == ".") fraction = "";
        var zone = m.Groups[3].Value is "+00:00" or "-00:00" ? "Z" : m.Groups[3].Value;
        return m.Groups[1].Value + fraction + zone;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.String => "string",
        _ => "object",
    };

    public override string ToString() => Encoding.UTF8.GetString(ToCacheJson(false));
}
