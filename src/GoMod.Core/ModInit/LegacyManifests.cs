using System.Text;
using GoMod.Core.Module;

namespace GoMod.Core.ModInit;

/// <summary>
/// The legacy manifests <c>go mod init</c> converts (go 1.19's <c>modconv.Converters</c>), in the order go looks
/// for them in the new module's directory (<c>altConfigs</c>): the first one present is the only one read.
/// </summary>
public static class LegacyManifests
{
    /// <summary>The manifest names, relative to the module root, in go's search order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Gopkg.lock", "GLOCKFILE", "Godeps/Godeps.json", "dependencies.tsv", "glide.lock", "vendor.conf", "vendor.yml",
        "vendor/manifest", "vendor/vendor.json",
    ];

    /// <summary>
    /// Reads the pins of the manifest called <paramref name="name"/> (one of <see cref="Names"/>) as go's converter for
    /// it does. <paramref name="file"/> is the path go names in errors.
    /// </summary>
    /// <exception cref="LegacyManifestException">The manifest is malformed in a way go's converter rejects.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a manifest go converts.</exception>
    public static LegacyManifest Parse(string name, string file, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        // Go converts the bytes as a Go string: invalid UTF-8 reaches the paths as U+FFFD once printed.
        var text = Encoding.UTF8.GetString(data);
        return name switch
        {
            "Gopkg.lock" => DepLock.Parse(file, text),
            "GLOCKFILE" => LineManifests.ParseGlock(text),
            "dependencies.tsv" => LineManifests.ParseDependenciesTsv(text),
            "vendor.conf" => LineManifests.ParseVendorConf(text),
            "glide.lock" => LineManifests.ParseIndentedList(text, "imports:", "- name:", "  version:"),
            "vendor.yml" => LineManifests.ParseIndentedList(text, "vendors:", "- path:", "  rev:"),
            "Godeps/Godeps.json" => JsonManifests.Parse(file, data, "Deps", "ImportPath", "Rev"),
            "vendor/manifest" => JsonManifests.Parse(file, data, "Dependencies", "ImportPath", "Revision"),
            "vendor/vendor.json" => JsonManifests.Parse(file, data, "Package", "Path", "Revision"),
            _ => throw new ArgumentException($"unknown legacy config file {file}", nameof(name)),
        };
    }

    internal static LegacyManifest Pins(List<ModuleVersion> require) => new(require, []);
}
