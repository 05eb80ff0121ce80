namespace GoMod.Core.Proxy;

/// <summary>
/// One element of the GOPROXY list: a base URL (https, http or file) or one of the keywords
/// <see cref="Direct"/>, <see cref="Off"/> and the implicit <see cref="NoProxy"/>.
/// </summary>
/// <param name="Url">The base URL or keyword.</param>
/// <param name="FallBackOnError">
/// True when the entry was followed by <c>|</c>: any error moves on to the next entry. After <c>,</c> (or at the end)
/// only "not found" (404, 410, a missing file) moves on.
/// </param>
public readonly record struct ProxyEntry(string Url, bool FallBackOnError)
{
    /// <summary>Fetch from version control; ends the list.</summary>
    public const string Direct = "direct";

    /// <summary>Refuse every lookup ("module lookup disabled by GOPROXY=off"); ends the list.</summary>
    public const string Off = "off";

    /// <summary>Prepended when GONOPROXY is set: fetches directly exactly the modules GONOPROXY matches.</summary>
    public const string NoProxy = "noproxy";

    /// <summary>True for a real proxy base URL (not a keyword).</summary>
    public bool IsUrl => Url is not (Direct or Off or NoProxy);

    /// <summary>The entry as written in GOPROXY, credentials redacted.</summary>
    public override string ToString() => IsUrl ? ProxyUrl.Redact(Url) : Url;
}
