using System.Text;
using GoMod.Core.ModFile;
using GoMod.Core.Module;

namespace GoMod.Core.Mvs;

/// <summary>
/// An error found while reading the requirement graph, printed with the chain of requirements that led to it
/// (go's <c>mvs.BuildListError</c>): <c>example.com/a@v1.0.0 requires\n\texample.com/b@v1.2.0: reading …</c>.
/// The main module, which has no version, is left out of the chain.
/// </summary>
public sealed class BuildListException : Exception
{
    internal BuildListException(Exception error, IReadOnlyList<ModuleVersion> path, Func<ModuleVersion, ModuleVersion, bool>? isVersionChange,
        string? goModFile = null, int line = 0, int column = 0)
        : base(Format(error, BuildStack(path, isVersionChange)), error)
    {
        Chain = BuildStack(path, isVersionChange).Select(e => e.Module).ToArray();
        GoModFile = goModFile;
        Line = line;
        Column = column;
    }

    /// <summary>
    /// The main go.mod whose requirement starts the chain (go's text does not name it; diagnostics can), or null.
    /// </summary>
    public string? GoModFile { get; }

    /// <summary>The 1-based line of that requirement in <see cref="GoModFile"/>, or 0.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of that requirement's first token, or 0.</summary>
    public int Column { get; }

    /// <summary>The requirement path from the root to the module where the error occurred.</summary>
    public IReadOnlyList<ModuleVersion> Chain { get; }

    /// <summary>The module where the error occurred.</summary>
    public ModuleVersion Module => Chain.Count == 0 ? default : Chain[^1];

    private readonly record struct Element(ModuleVersion Module, string NextReason);

    private static List<Element> BuildStack(IReadOnlyList<ModuleVersion> path, Func<ModuleVersion, ModuleVersion, bool>? isVersionChange)
    {
        var stack = new List<Element>(path.Count);
        for (int i = 0; i < path.Count; i++)
        {
            string reason = "";
            if (i + 1 < path.Count)
                reason = isVersionChange is not null && isVersionChange(path[i], path[i + 1]) ? "updating to" : "requires";
            stack.Add(new Element(path[i], reason));
        }
        return stack;
    }

    private static string Format(Exception error, List<Element> stack)
    {
        int start = 0;
        while (start < stack.Count && stack[start].Module.Version.Length == 0) start++;
        if (start == stack.Count) return error.Message;

        var b = new StringBuilder();
        for (int i = start; i < stack.Count - 1; i++)
            b.Append(stack[i].Module.ToString()).Append(' ').Append(stack[i].NextReason).Append("\n\t");
        var m = stack[^1].Module;
        if (error is ModuleException me)
        {
            var actual = new ModuleVersion(me.Path, me.Version);
            if (actual == m) b.Append(me.Message);
            else b.Append(m.ToString()).Append(" (replaced by ").Append(actual.ToString()).Append("): ").Append(me.Detail);
        }
        else
        {
            b.Append(m.ToString()).Append(": ").Append(error.Message);
        }
        return b.ToString();
    }
}
