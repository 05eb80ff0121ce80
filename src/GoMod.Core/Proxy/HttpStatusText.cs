namespace GoMod.Core.Proxy;

/// <summary>Go's <c>http.StatusText</c>, used when a response carries no reason phrase (HTTP/2).</summary>
internal static class HttpStatusText
{
    public static string Of(int code) => code switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "",
    };

    /// <summary>The status as Go's <c>Response.Status</c> shows it: <c>404 Not Found</c>.</summary>
    public static string Status(int code, string? reason)
    {
        var text = string.IsNullOrEmpty(reason) ? Of(code) : reason;
        return text.Length == 0 ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{code} {text}";
    }
}
