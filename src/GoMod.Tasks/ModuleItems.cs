using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using GoMod.Core.Restore;

namespace GoMod.Tasks;

/// <summary>The <c>@(GoModule)</c> items: one per module of the build list, and the generated props file that declares them.</summary>
internal static class ModuleItems
{
    public static ITaskItem[] ToItems(IEnumerable<RestoredModule> modules) =>
        modules.Select(m =>
        {
            // TaskItem keeps item specs and metadata escaped: a % in a directory must reach the item as it is.
            var item = new TaskItem(ModuleListFile.Escape(m.Path));
            foreach (var (name, value) in Metadata(m)) item.SetMetadata(name, ModuleListFile.Escape(value));
            return (ITaskItem)item;
        }).ToArray();

    /// <summary>The obj/&lt;project&gt;.gomod.modules text (<see cref="ModuleListFile"/>) for the build list.</summary>
    public static string RenderList(IEnumerable<RestoredModule> modules) =>
        ModuleListFile.Render(modules.Select(m => new[] { m.Path }.Concat(Metadata(m).Select(x => x.Value)).ToArray()).ToList());

    /// <summary>The metadata of <paramref name="m"/>'s item, named as <see cref="ModuleListFile.MetadataNames"/> (one list for both publishing paths).</summary>
    private static IEnumerable<(string Name, string Value)> Metadata(RestoredModule m)
    {
        string[] values = [m.Version, m.Dir, m.Sum, m.GoModSum, m.Replace, m.Indirect ? "true" : "false", m.Main ? "true" : "false"];
        return ModuleListFile.MetadataNames.Zip(values);
    }

    /// <summary>
    /// The most modules the g.props declares as items (and the most module go.mod files it lists as restore inputs):
    /// evaluating an item costs every evaluation of the project, reading the cache file costs one task per build, and
    /// around a hundred modules the two are alike.
    /// </summary>
    public const int EvaluationLimit = 100;

    /// <summary>
    /// The obj/&lt;project&gt;.gomod.g.props text: the build list as <c>GoModule</c> items (up to
    /// <see cref="EvaluationLimit"/> modules), which every later evaluation (IDE ones included) imports by itself, plus
    /// module directories' go.mod files as restore inputs, so a cleaned module cache makes GoModRestore run again.
    /// Guarded like NuGet's g.props: restore evaluations must not see it.
    /// Deterministic, so it is rewritten only when the build list changes.
    /// </summary>
    /// <param name="modules">The build list.</param>
    /// <param name="hasWarnings">Whether the restore left warnings (a skipped restore replays them).</param>
    /// <param name="inputFiles">Files besides go.mod and go.sum that decided the restore (a workspace's go.work and its modules' go.mod and go.sum, directory replacements' go.mod).</param>
    public static string RenderProps(IEnumerable<RestoredModule> modules, bool hasWarnings = false, IEnumerable<string>? inputFiles = null)
    {
        var list = modules.ToList();
        // Every evaluation of the project (the restore's, the build's, each of an IDE's) parses and evaluates this file,
        // so its size must not grow with the build list: past EvaluationLimit modules it declares no GoModule item
        // (GoModReport publishes them from the cache file, once per build) and only EvaluationLimit module inputs.
        var inEvaluation = list.Count <= EvaluationLimit;
        // Whether the cache holds warnings to replay: without any, a build whose cache file is unchanged since evaluation
        // publishes these items as they are and skips GoModReport (see GoModCollectModules).
        var properties = new XElement("PropertyGroup", new XAttribute("Condition", "'$(ExcludeRestorePackageImports)' != 'true'"),
            new XElement("_GoModRestoreHasWarnings", hasWarnings ? "true" : "false"),
            new XElement("_GoModModulesInEvaluation", inEvaluation ? "true" : "false"));
        var group = new XElement("ItemGroup", new XAttribute("Condition", "'$(ExcludeRestorePackageImports)' != 'true'"));
        if (inEvaluation)
        {
            foreach (var m in list)
            {
                var e = new XElement("GoModule", new XAttribute("Include", ModuleListFile.Escape(m.Path)));
                foreach (var (name, value) in Metadata(m)) e.Add(new XAttribute(name, ModuleListFile.Escape(value)));
                group.Add(e);
            }
        }
        // MSBuild compares file times only (a directory input always counts as out of date), so each module cache
        // directory is represented by its go.mod: a cleaned module cache makes it a missing input. A large build list
        // is represented by EvaluationLimit of them spread over it (a cleaned cache is still noticed; one deleted
        // module directory among thousands is noticed by the next restore that runs).
        var inputs = list.Where(m => !m.Main && m.Dir.Length > 0 && m.Version.Length > 0 && !IsDirectoryReplacement(m)).ToList();
        var count = Math.Min(inputs.Count, EvaluationLimit);
        for (var k = 0; k < count; k++)
        {
            var goMod = Path.Combine(inputs[(int)((long)k * inputs.Count / count)].Dir, "go.mod");
            if (File.Exists(goMod)) group.Add(new XElement("_GoModRestoreInput", new XAttribute("Include", ModuleListFile.Escape(goMod))));
        }

        // Files besides go.mod and go.sum that decided the restore (a workspace's go.work, go.work.sum and used modules).
        foreach (var file in (inputFiles ?? []).Distinct(StringComparer.Ordinal))
            group.Add(new XElement("_GoModRestoreInput", new XAttribute("Include", ModuleListFile.Escape(file))));

        var doc = new XDocument(
            new XComment(" Generated by GoMod.Sdk's GoModRestore from go.mod and go.sum. Do not edit: the next restore rewrites it. "),
            new XElement("Project", properties, group));
        var sb = new StringBuilder();
        using (var w = System.Xml.XmlWriter.Create(new StringWriter(sb, CultureInfo.InvariantCulture),
                   new System.Xml.XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineChars = "\n" }))
            doc.Save(w);
        return sb.Append('\n').ToString();
    }

    private static bool IsDirectoryReplacement(RestoredModule m) => m.Replace.Length > 0 && !m.Replace.Contains('@');
}
