using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using GoMod.Core.Diagnostics;

namespace GoMod.Tasks;

/// <summary>How a diagnostic reaches the log.</summary>
internal enum DiagnosticReporting
{
    /// <summary>Errors as errors, warnings as warnings.</summary>
    Normal,

    /// <summary>Errors as errors; warnings only as low-importance messages, because another step reports them.</summary>
    ErrorsOnly,

    /// <summary>Everything as low-importance messages: design-time builds must never fail or nag.</summary>
    MessagesOnly,
}

/// <summary>Turns <see cref="Diagnostic"/> data into MSBuild log events: code, file(line,col), message and fix, help link.</summary>
internal static class DiagnosticLogger
{
    public static void Log(TaskLoggingHelper log, Diagnostic d, DiagnosticReporting reporting, string? helpLinkBase)
    {
        var text = Text(d);
        var asMessage = reporting == DiagnosticReporting.MessagesOnly || (reporting == DiagnosticReporting.ErrorsOnly && !d.IsError);
        if (asMessage)
        {
            // Not "warning GOMODnnnn:" so that log readers and CI annotators never take it for the real event.
            var where = d.File is null ? "" : d.Line > 0 ? $"{d.File}({d.Line},{Math.Max(d.Column, 1)}): " : $"{d.File}: ";
            log.LogMessage(MessageImportance.Low, "GoMod: {0}{1} ({2}, {3}): {4}", where, d.Code, d.IsError ? "error" : "warning",
                reporting == DiagnosticReporting.MessagesOnly ? "design-time build" : "reported by GoModReport", text);
            return;
        }
        var link = HelpLink(helpLinkBase, d.Code);
        if (d.IsError)
            log.LogError(null, d.Code, null, link, d.File, d.Line, d.Column, 0, 0, "{0}", text);
        else
            log.LogWarning(null, d.Code, null, link, d.File, d.Line, d.Column, 0, 0, "{0}", text);
    }

    /// <summary>The message followed by its fix, on one line (go's multi-line texts are folded).</summary>
    public static string Text(Diagnostic d)
    {
        var message = d.Message.Replace("\r", "").Replace("\n\t", " ").Replace('\n', ' ').TrimEnd();
        var sep = message.EndsWith('.') || message.EndsWith(':') ? " " : ". ";
        return message + sep + d.Fix;
    }

    /// <summary>
    /// An absolute link to the code's entry in diagnostics.md. Terminal Logger links HelpLink when it is an absolute URI
    /// (and would build a wrong Microsoft link from a help keyword), so only an absolute URI is passed, else none.
    /// </summary>
    public static string? HelpLink(string? helpLinkBase, string code)
    {
        if (string.IsNullOrEmpty(helpLinkBase)) return null;
        Uri? uri;
        if (Path.IsPathFullyQualified(helpLinkBase))
        {
            if (!File.Exists(helpLinkBase)) return null;
            uri = new Uri(helpLinkBase);
        }
        else if (!Uri.TryCreate(helpLinkBase, UriKind.Absolute, out uri)) return null;
        return uri.AbsoluteUri + "#" + code.ToLowerInvariant();
    }
}
