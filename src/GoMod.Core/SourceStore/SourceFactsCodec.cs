using System.Collections.Concurrent;
using System.Text;
using GoMod.Core.Imports;
using GoMod.Core.Internal;
using GoMod.Core.Module;

namespace GoMod.Core.SourceStore;

/// <summary>
/// The file format of <see cref="SourceFactsStore"/>: in <see cref="StoreFile"/>'s envelope (magic, format number,
/// string table, SHA-256), the modules (path, version, root, stamp, directory listings, file facts with strings as table indexes).
/// The build-constraint header is stored reduced to what its evaluation reads: nothing when there is a
/// <c>//go:build</c> line, else only the header's <c>// +build</c> lines.
/// </summary>
internal static class SourceFactsCodec
{
    /// <summary>The file bytes for <paramref name="modules"/>, in a stable order.</summary>
    public static byte[] Encode(IReadOnlyList<ModuleSourceFacts> modules, string magic, int formatVersion)
    {
        var strings = new StoreStrings();
        var body = new MemoryStream();
        var w = new BinaryWriter(body, Encoding.UTF8);
        void S(string? s)
        {
            if (s is null)
            {
                w.Write7BitEncodedInt(0);
                return;
            }
            w.Write7BitEncodedInt(strings.Id(s) + 1);
        }
        void Pos(SourcePosition p)
        {
            S(p.File);
            w.Write7BitEncodedInt(p.Line);
            w.Write7BitEncodedInt(p.Column);
        }

        var sorted = modules.OrderBy(m => m.Module.Path, StringComparer.Ordinal).ThenBy(m => m.Module.Version, StringComparer.Ordinal).ToList();
        w.Write7BitEncodedInt(sorted.Count);
        foreach (var m in sorted)
        {
            S(m.Module.Path);
            S(m.Module.Version);
            S(m.Root);
            w.Write(m.Stamp.DirTicks);
            w.Write(m.Stamp.ZipHashSize);
            w.Write(m.Stamp.ZipHashTicks);
            var dirs = m.Directories.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
            w.Write7BitEncodedInt(dirs.Count);
            foreach (var (rel, names) in dirs)
            {
                S(rel);
                if (names is null)
                {
                    w.Write7BitEncodedInt(0);
                    continue;
                }
                w.Write7BitEncodedInt(names.Length + 1);
                foreach (var n in names) S(n);
            }
            var files = m.Files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            w.Write7BitEncodedInt(files.Count);
            foreach (var (rel, (name, f)) in files)
            {
                S(rel);
                S(name);
                S(f.PackageName);
                w.Write7BitEncodedInt(f.Specs.Count);
                foreach (var (quoted, position) in f.Specs)
                {
                    S(quoted);
                    Pos(position);
                }
                S(f.HeaderError);
                S(f.Constraints.GoBuild is null ? GoSourceScanner.PlusBuildLines(f.Constraints.Header) : "");
                S(f.Constraints.GoBuild);
                w.Write(f.Constraints.Ok);
                w.Write7BitEncodedInt(f.Embeds.Count);
                foreach (var e in f.Embeds)
                {
                    S(e.Pattern);
                    Pos(e.Position);
                }
                w.Write(f.ImportsEmbed);
                w.Write(f.ImportsEmbedLiterally);
                if (f.ImportComment is { } c)
                {
                    w.Write(true);
                    S(c.PackageName);
                    S(c.Text);
                    S(c.Path);
                    w.Write7BitEncodedInt(c.Line);
                    w.Write7BitEncodedInt(c.Column);
                }
                else w.Write(false);
                S(f.EmbedPackageName);
            }
        }
        w.Flush();

        return StoreFile.Seal(magic, formatVersion, strings.Table, body);
    }

    /// <summary>Reads the modules of a store file into <paramref name="into"/>; throws on anything damaged or foreign.</summary>
    public static void Decode(byte[] data, string magic, int formatVersion, Dictionary<ModuleVersion, ModuleSourceFacts> into)
    {
        var (table, bodyStart, bodyEnd) = StoreFile.Open(data, magic, formatVersion);
        using var r = new BinaryReader(new MemoryStream(data, bodyStart, bodyEnd - bodyStart, writable: false), Encoding.UTF8);
        int limit = bodyEnd;
        int Count()
        {
            int n = r.Read7BitEncodedInt();
            if (n < 0 || n > limit) throw new InvalidDataException("bad count");
            return n;
        }
        string? N()
        {
            int id = r.Read7BitEncodedInt();
            return id == 0 ? null : table[id - 1];
        }
        string S() => N() ?? throw new InvalidDataException("missing string");
        SourcePosition Pos() => new(S(), r.Read7BitEncodedInt(), r.Read7BitEncodedInt());

        int moduleCount = Count();
        for (int i = 0; i < moduleCount; i++)
        {
            var m = new ModuleVersion(S(), S());
            var root = S();
            var stamp = new ModuleStamp(r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
            int dirCount = Count();
            var dirs = new ConcurrentDictionary<string, string[]?>(Environment.ProcessorCount, Math.Max(dirCount, 1), StringComparer.Ordinal);
            for (int d = 0; d < dirCount; d++)
            {
                var rel = S();
                int n = Count();
                string[]? names = null;
                if (n > 0)
                {
                    names = new string[n - 1];
                    for (int k = 0; k < names.Length; k++) names[k] = S();
                }
                dirs[rel] = names;
            }
            int fileCount = Count();
            var files = new ConcurrentDictionary<string, (string, GoFileFacts)>(Environment.ProcessorCount, Math.Max(fileCount, 1), StringComparer.Ordinal);
            for (int f = 0; f < fileCount; f++)
            {
                var rel = S();
                var name = S();
                var packageName = S();
                int specCount = Count();
                var specs = specCount == 0 ? Array.Empty<(string, SourcePosition)>() : new (string, SourcePosition)[specCount];
                for (int k = 0; k < specCount; k++) specs[k] = (S(), Pos());
                var headerError = N();
                var constraints = new GoSourceScanner.ConstraintHeader(S(), N(), r.ReadBoolean());
                int embedCount = Count();
                var embeds = embedCount == 0 ? Array.Empty<EmbedPattern>() : new EmbedPattern[embedCount];
                for (int k = 0; k < embedCount; k++) embeds[k] = new EmbedPattern(S(), Pos());
                bool importsEmbed = r.ReadBoolean(), literally = r.ReadBoolean();
                ImportComment? comment = null;
                if (r.ReadBoolean())
                {
                    string cpkg = S(), text = S();
                    var cpath = N();
                    comment = new ImportComment(Path.Combine(root, rel), cpkg, text, cpath, r.Read7BitEncodedInt(), r.Read7BitEncodedInt());
                }
                var embedPackageName = S();
                files[rel] = (name, GoFileFacts.FromStore(packageName, specs, headerError, constraints, embeds, importsEmbed, literally, comment, embedPackageName));
            }
            into[m] = new ModuleSourceFacts(m, root, stamp, dirs, files);
        }
        if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException("trailing bytes in store file");
    }
}
