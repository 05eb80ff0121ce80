using System.Text;
using GoMod.Core.Module;

namespace GoMod.Core.Tests.Fetch.Infrastructure;

/// <summary>The files a GOPROXY serves for a set of modules, keyed by URL path (<c>/escaped/path/@v/v1.0.0.zip</c>).</summary>
public static class ProxyContent
{
    public static Dictionary<string, byte[]> Build(IEnumerable<TestModule> modules)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var group in modules.GroupBy(m => m.Path))
        {
            var root = "/" + ModulePath.EscapePath(group.Key) + "/@v/";
            var list = new StringBuilder();
            foreach (var m in group)
            {
                var v = ModulePath.EscapeVersion(m.Version);
                files[root + v + ".info"] = Encoding.UTF8.GetBytes(m.InfoJson);
                files[root + v + ".mod"] = m.GoModBytes;
                files[root + v + ".zip"] = m.Zip();
                list.Append(m.Version).Append('\n');
            }
            files[root + "list"] = Encoding.UTF8.GetBytes(list.ToString());
        }
        return files;
    }

    /// <summary>Writes a file:// proxy tree and returns its <c>file://</c> URL.</summary>
    public static string WriteTree(string directory, IEnumerable<TestModule> modules)
    {
        foreach (var (path, content) in Build(modules))
        {
            var full = System.IO.Path.Combine(directory, path.TrimStart('/'));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }
        return new Uri(directory.TrimEnd('/') + "/").AbsoluteUri.TrimEnd('/');
    }
}
