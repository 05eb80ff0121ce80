using System.Text;
using GoMod.Core.Imports;

namespace GoMod.Core.Vendor;

/// <summary>
/// The <c>//go:embed</c> patterns of a Go file as go/build reads them: only in a file that imports <c>embed</c>; a
/// directive is a line comment starting a line (after spaces or tabs), outside strings, runes and block comments,
/// <c>//go:embed</c> followed by a space or tab; its arguments are space-separated patterns, each bare, double-quoted
/// (Go escapes) or back-quoted. A line that does not parse is ignored (the compiler reports it).
/// </summary>
internal static class EmbedDirectives
{
    /// <summary>What go/build learns from a Go file for embedding: its package name, whether it imports C, its embed patterns.</summary>
    public readonly record struct FileFacts(string PackageName, bool ImportsC, List<string> Patterns);

    /// <summary>The package name (empty if unreadable), the cgo import, and the embed patterns of a Go file.</summary>
    public static FileFacts ReadFile(byte[] data)
    {
        var (imports, error) = GoSourceScanner.ReadImports(data);
        var importsC = error is null && imports.Any(q => q is "\"C\"" or "`C`");
        var patterns = error is null && imports.Any(q => q is "\"embed\"" or "`embed`") ? Read(data) : [];
        return new FileFacts(PackageName(data), importsC, patterns);
    }

    /// <summary>The identifier of the package clause, after leading space and comments; empty when there is none.</summary>
    public static string PackageName(byte[] data)
    {
        int i = data.Length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf ? 3 : 0;
        bool keyword = false;
        while (i < data.Length)
        {
            byte c = data[i];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') { i++; continue; }
            if (c == '/' && i + 1 < data.Length && data[i + 1] == '/')
            {
                while (i < data.Length && data[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < data.Length && data[i + 1] == '*')
            {
                i += 2;
                while (i + 1 < data.Length && !(data[i] == '*' && data[i + 1] == '/')) i++;
                i += 2;
                continue;
            }
            int start = i;
            while (i < data.Length && (data[i] is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_' || data[i] >= 0x80)) i++;
            if (i == start) return "";
            var word = Encoding.UTF8.GetString(data, start, i - start);
            if (keyword) return word;
            if (word != "package") return "";
            keyword = true;
        }
        return "";
    }

    /// <summary>The patterns of every well-formed directive of the file, in order (duplicates kept); the caller checks that it imports embed.</summary>
    public static List<string> Read(byte[] data) => PackageFiles.FindEmbeds("", data).ConvertAll(p => p.Pattern);
}
