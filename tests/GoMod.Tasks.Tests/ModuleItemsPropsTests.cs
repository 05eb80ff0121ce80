using System.Xml.Linq;
using GoMod.Core.Restore;
using GoMod.Testing;

namespace GoMod.Tasks.Tests;

/// <summary>
/// The g.props every evaluation imports stays small whatever the build list: up to EvaluationLimit modules it declares
/// them as GoModule items (a no-op build then needs no task), past it none (GoModReport reads the cache file) and at most
/// EvaluationLimit module go.mod files as restore inputs, spread over the list.
/// </summary>
public sealed class ModuleItemsPropsTests : IDisposable
{
    private readonly TempDirectory _dir = new("props");

    public void Dispose() => _dir.Dispose();

    private List<RestoredModule> BuildList(int count)
    {
        var modules = new List<RestoredModule> { new("example.com/main", "", _dir.Path, "", "", "", false, Main: true) };
        for (var i = 0; i < count; i++)
        {
            var path = $"example.com/m{i:D4}";
            var dir = _dir.Combine("cache", $"m{i:D4}@v1.0.0");
            _dir.Write(Path.Combine("cache", $"m{i:D4}@v1.0.0", "go.mod"), $"module {path}\n");
            modules.Add(new(path, "v1.0.0", dir, "h1:x=", "h1:y=", "", i % 2 == 0, Main: false));
        }
        return modules;
    }

    private static XElement Parse(string props) => XElement.Parse(props);

    private static string? Property(XElement project, string name) =>
        project.Elements("PropertyGroup").Elements(name).SingleOrDefault()?.Value;

    [Fact]
    public void A_small_build_list_is_declared_as_items_with_every_module_go_mod_as_an_input()
    {
        var project = Parse(ModuleItems.RenderProps(BuildList(3)));

        Property(project, "_GoModModulesInEvaluation").ShouldBe("true");
        project.Descendants("GoModule").Select(e => (string)e.Attribute("Include")!).ShouldBe(["example.com/main", "example.com/m0000", "example.com/m0001", "example.com/m0002"]);
        project.Descendants("_GoModRestoreInput").Count().ShouldBe(3);
    }

    [Fact]
    public void A_build_list_past_the_limit_declares_no_items_and_a_bounded_spread_of_inputs()
    {
        var list = BuildList(ModuleItems.EvaluationLimit * 3 + 7);

        var text = ModuleItems.RenderProps(list);
        var project = Parse(text);

        Property(project, "_GoModModulesInEvaluation").ShouldBe("false");
        project.Descendants("GoModule").ShouldBeEmpty();
        var inputs = project.Descendants("_GoModRestoreInput").Select(e => (string)e.Attribute("Include")!).ToList();
        inputs.Count.ShouldBeLessThanOrEqualTo(ModuleItems.EvaluationLimit);
        inputs.Count.ShouldBeGreaterThan(ModuleItems.EvaluationLimit - 2);
        inputs.ShouldBeUnique();
        inputs[0].ShouldContain("m0000");
        inputs[^1].ShouldContain("m03"); // spread to the end of the list, not its first hundred
        // The limit keeps the file's size independent of the build list's.
        text.Length.ShouldBeLessThan(ModuleItems.RenderProps(BuildList(ModuleItems.EvaluationLimit)).Length * 2);
    }

    [Fact]
    public void The_limit_is_the_largest_list_still_declared()
    {
        Property(Parse(ModuleItems.RenderProps(BuildList(ModuleItems.EvaluationLimit - 1))), "_GoModModulesInEvaluation").ShouldBe("true");
        Property(Parse(ModuleItems.RenderProps(BuildList(ModuleItems.EvaluationLimit + 1))), "_GoModModulesInEvaluation").ShouldBe("false");
    }

    [Fact]
    public void A_workspace_restore_s_input_files_are_restore_inputs_after_the_module_inputs()
    {
        var work = _dir.Write("go.work", "go 1.19\n\nuse ./a\n");
        var used = _dir.Write(Path.Combine("a", "go.mod"), "module example.com/a\n");

        var project = Parse(ModuleItems.RenderProps(BuildList(2), inputFiles: [work, used]));

        project.Descendants("_GoModRestoreInput").Select(e => (string)e.Attribute("Include")!).TakeLast(2).ShouldBe([work, used]);
    }

    [Fact]
    public void An_input_file_listed_twice_is_declared_once()
    {
        var replacement = _dir.Write(Path.Combine("local", "go.mod"), "module example.com/local\n");

        var project = Parse(ModuleItems.RenderProps(BuildList(1), inputFiles: [replacement, replacement]));

        project.Descendants("_GoModRestoreInput").Count(e => (string)e.Attribute("Include")! == replacement).ShouldBe(1);
    }
}
