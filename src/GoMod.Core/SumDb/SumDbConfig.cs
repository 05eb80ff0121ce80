using GoMod.Core.GoEnv;
using GoMod.Core.Proxy;
using GoMod.Core.SumDb.Note;

namespace GoMod.Core.SumDb;

/// <summary>
/// GOSUMDB as the go command reads it: <c>off</c>; a known database name (<c>sum.golang.org</c>, whose key is built in,
/// and <c>sum.golang.google.cn</c>, the same database served from another host); a verifier key
/// <c>name+hash+key</c>; or a key followed by the URL to reach it at (bypassing proxies). The key's name must look like
/// <c>host[/path]</c>: without a URL the database is reached at <c>https://name</c>, or through a proxy.
/// </summary>
public sealed record SumDbConfig
{
    /// <summary>The published key of sum.golang.org.</summary>
    public const string GoogleKey = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    private SumDbConfig(NoteVerifier verifier, string? url)
    {
        Verifier = verifier;
        Url = url;
    }

    /// <summary>The database's verifier key.</summary>
    public NoteVerifier Verifier { get; }

    /// <summary>The database name (the key's name): the cache folder and the proxy path use it.</summary>
    public string Name => Verifier.Name;

    /// <summary>The explicit URL from GOSUMDB, used directly; null to go through proxies or <c>https://name</c>.</summary>
    public string? Url { get; }

    /// <summary>The URL used when no proxy serves the database.</summary>
    public string DirectUrl => Url ?? "https://" + Name;

    /// <summary>Parses GOSUMDB; null for <c>off</c>.</summary>
    /// <exception cref="SumDbException">Missing, too many fields, a bad key, a bad name or a bad URL (Configuration).</exception>
    public static SumDbConfig? Parse(string? gosumdb)
    {
        gosumdb = (gosumdb ?? "").Trim();
        if (gosumdb == "off") return null;
        if (gosumdb == "sum.golang.google.cn") gosumdb = "sum.golang.org https://sum.golang.google.cn";
        var fields = gosumdb.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0) throw Bad("missing GOSUMDB");
        if (fields.Length > 2) throw Bad("invalid GOSUMDB: too many fields");
        if (fields[0] == "sum.golang.org") fields[0] = GoogleKey;
        NoteVerifier verifier;
        try
        {
            verifier = NoteVerifier.Parse(fields[0]);
        }
        catch (NoteException e)
        {
            throw Bad("invalid GOSUMDB: " + e.Message);
        }
        if (!IsValidName(verifier.Name)) throw Bad($"invalid sumdb name (must be host[/path]): {verifier.Name}");
        string? url = null;
        if (fields.Length == 2)
        {
            try
            {
                ProxyUrl.Validate(fields[1]);
            }
            catch (GoEnvironmentException e)
            {
                throw Bad("invalid GOSUMDB URL: " + e.Message);
            }
            url = fields[1].TrimEnd('/');
        }
        return new SumDbConfig(verifier, url);
    }

    private static bool IsValidName(string name)
    {
        if (name.EndsWith('/') || name.IndexOfAny(['?', '#', '@', '%', '\\', ' ']) >= 0) return false;
        if (!Uri.TryCreate("https://" + name, UriKind.Absolute, out var u) || u.Host.Length == 0) return false;
        return u.UserInfo.Length == 0 && u.Query.Length == 0 && u.Fragment.Length == 0;
    }

    /// <summary>A configuration failure whose cause is a GoEnvironmentException naming GOSUMDB (its code: GOMOD0006).</summary>
    private static SumDbException Bad(string message) =>
        new(SumDbFailure.Configuration, message, new GoEnvironmentException(message, "GOSUMDB"));
}
