using GoMod.Core.Module;

namespace GoMod.Core.ModInit;

/// <summary>The line-oriented manifests: glock's GLOCKFILE, godep's dependencies.tsv, vndr's vendor.conf, glide.lock and govend's vendor.yml.</summary>
internal static class LineManifests
{
    /// <summary>GLOCKFILE: <c>path revision</c> per line (whitespace-separated, more fields ignored); <c>cmd</c> lines skipped.</summary>
    public static LegacyManifest ParseGlock(string text)
    {
        var pins = new List<ModuleVersion>();
        foreach (var line in text.Split('\n'))
        {
            var f = Fields(line);
            if (f.Length >= 2 && f[0] != "cmd") pins.Add(new ModuleVersion(f[0], f[1]));
        }
        return LegacyManifests.Pins(pins);
    }

    /// <summary>dependencies.tsv: tab-separated <c>path vcs revision …</c>; lines with fewer than three fields skipped.</summary>
    public static LegacyManifest ParseDependenciesTsv(string text)
    {
        var pins = new List<ModuleVersion>();
        foreach (var line in text.Split('\n'))
        {
            var f = line.Split('\t');
            if (f.Length >= 3) pins.Add(new ModuleVersion(f[0], f[2]));
        }
        return LegacyManifests.Pins(pins);
    }

    /// <summary>vendor.conf: <c>path revision [repository]</c> per line, <c>#</c> starting a comment anywhere.</summary>
    public static LegacyManifest ParseVendorConf(string text)
    {
        var pins = new List<ModuleVersion>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var f = Fields(line);
            if (f.Length >= 2) pins.Add(new ModuleVersion(f[0], f[1]));
        }
        return LegacyManifests.Pins(pins);
    }

    /// <summary>
    /// glide.lock (<c>imports:</c>, <c>- name:</c>, <c>  version:</c>) and vendor.yml (<c>vendors:</c>, <c>- path:</c>,
    /// <c>  rev:</c>) read as go reads them, not as YAML: within the section (which ends at the next line starting with
    /// neither <c>-</c>, space nor tab), each version line pins the last name seen with that exact indentation.
    /// </summary>
    public static LegacyManifest ParseIndentedList(string text, string section, string namePrefix, string versionPrefix)
    {
        var pins = new List<ModuleVersion>();
        bool inSection = false;
        string name = "";
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line.StartsWith(section, StringComparison.Ordinal)) inSection = true;
            else if (line[0] is not ('-' or ' ' or '\t')) inSection = false;
            if (!inSection) continue;
            if (line.StartsWith(namePrefix, StringComparison.Ordinal)) name = GoTrimSpace(line[namePrefix.Length..]);
            if (line.StartsWith(versionPrefix, StringComparison.Ordinal))
            {
                var version = GoTrimSpace(line[versionPrefix.Length..]);
                if (name.Length != 0 && version.Length != 0) pins.Add(new ModuleVersion(name, version));
            }
        }
        return LegacyManifests.Pins(pins);
    }

    /// <summary>Go's <c>strings.Fields</c>: split around runs of Unicode white space.</summary>
    public static string[] Fields(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Go's <c>strings.TrimSpace</c>.</summary>
    public static string GoTrimSpace(string s) => s.Trim();
}
