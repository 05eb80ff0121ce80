namespace GoMod.Core.GoEnv;

/// <summary>
/// Credentials for private proxies read from a .netrc file, the way the go command reads it (NETRC, else
/// <c>~/.netrc</c>, <c>%USERPROFILE%\_netrc</c> on Windows). They are only ever attached to https requests.
/// </summary>
public sealed class NetrcFile
{
    private NetrcFile(IReadOnlyList<NetrcCredential> entries) => Entries = entries;

    /// <summary>Complete entries (machine, login and password all present), in file order.</summary>
    public IReadOnlyList<NetrcCredential> Entries { get; }

    /// <summary>A file with no entries.</summary>
    public static NetrcFile Empty { get; } = new([]);

    /// <summary>
    /// Parses .netrc text as Go does: whitespace-separated token pairs; each <c>machine</c> starts a new entry, which
    /// counts once it has both <c>login</c> and <c>password</c>; <c>macdef</c> skips lines up to the next empty line;
    /// <c>default</c> ends the file (go never uses the default entry).
    /// </summary>
    public static NetrcFile Parse(string text)
    {
        var entries = new List<NetrcCredential>();
        string? machine = null, login = null, password = null;
        var inMacro = false;
        foreach (var line in text.Split('\n'))
        {
            if (inMacro)
            {
                if (line.Length == 0) inMacro = false;
                continue;
            }
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var i = 0;
            for (; i < f.Length - 1; i += 2)
            {
                switch (f[i])
                {
                    case "machine":
                        machine = f[i + 1];
                        login = null;
                        password = null;
                        break;
                    case "login":
                        login = f[i + 1];
                        break;
                    case "password":
                        password = f[i + 1];
                        break;
                    case "macdef":
                        inMacro = true;
                        break;
                }
                if (machine is not null && login is not null && password is not null)
                {
                    entries.Add(new NetrcCredential(machine, login, password));
                    machine = login = password = null;
                }
            }
            if (i < f.Length && f[i] == "default") break;
        }
        return new NetrcFile(entries);
    }

    /// <summary>
    /// Reads the .netrc the go command would read: <paramref name="netrcVariable"/> (NETRC) when set, else
    /// <c>.netrc</c> (<c>_netrc</c> on Windows) in <paramref name="home"/>. A missing file means no credentials.
    /// </summary>
    public static NetrcFile Load(string? netrcVariable, string? home)
    {
        string? path = !string.IsNullOrEmpty(netrcVariable) ? netrcVariable
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, OperatingSystem.IsWindows() ? "_netrc" : ".netrc")
            : null;
        if (path is null || !File.Exists(path)) return Empty;
        return Parse(File.ReadAllText(path));
    }

    /// <summary>The first entry whose machine equals <paramref name="hostName"/> (no port), as Go matches it.</summary>
    public NetrcCredential? Find(string hostName) => Entries.FirstOrDefault(e => e.Machine == hostName);
}
