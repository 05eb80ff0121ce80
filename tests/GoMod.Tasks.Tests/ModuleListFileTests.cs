using GoMod.Core.Restore;
using GoMod.Testing;
using Microsoft.Build.Framework;

namespace GoMod.Tasks.Tests;

/// <summary>
/// The plain module list (obj/&lt;project&gt;.gomod.modules) a no-op build past the g.props limit publishes
/// @(GoModule) from: GoModPublishModules turns it into exactly the items GoModReport makes from the cache file, whatever
/// characters the values hold, and a file that is not whole publishes nothing (the build then falls back to GoModReport).
/// </summary>
public sealed class ModuleListFileTests : IDisposable
{
    private readonly TempDirectory _dir = new("modlist");
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => _dir.Dispose();

    private static List<RestoredModule> BuildList(int count)
    {
        var modules = new List<RestoredModule> { new("example.com/main", "", "/src/main", "", "", "", false, Main: true) };
        for (var i = 0; i < count; i++)
            modules.Add(new($"example.com/m{i:D4}", "v1.0." + i, $"/cache/example.com/m{i:D4}@v1.0.{i}", "h1:s" + i + "=", "h1:g" + i + "=", "", i % 3 == 0, Main: false));
        // Values MSBuild would expand or split, and the file's own separators.
        modules.Add(new("example.com/odd", "v0.0.0-20200101000000-abcdefabcdef", "/dir with\ttab\nnewline\r%41 and %25;@$(x)'*?", "h1:a=", "", "../local%09dir", true, Main: false));
        modules.Add(new("example.com/replaced", "v1.2.3", "/cache/example.com/other@v1.0.0", "h1:b=", "h1:c=", "example.com/other@v1.0.0", false, Main: false));
        return modules;
    }

    private GoModPublishModules Publish(string file)
    {
        var task = new GoModPublishModules { BuildEngine = _engine, ListFile = file };
        task.Execute().ShouldBeTrue();
        return task;
    }

    private static List<string> Flatten(ITaskItem[] items) =>
        items.Select(i => i.ItemSpec + " " + string.Join("|", ModuleListFile.MetadataNames.Select(n => n + "=" + i.GetMetadata(n)))).ToList();

    [Fact]
    public void The_published_items_equal_those_made_from_the_cache_file_value_for_value()
    {
        var modules = BuildList(600);
        var file = _dir.Write("app.csproj.gomod.modules", ModuleItems.RenderList(modules));

        var task = Publish(file);

        task.Read.ShouldBeTrue();
        task.Modules.Length.ShouldBe(modules.Count);
        Flatten(task.Modules).ShouldBe(Flatten(ModuleItems.ToItems(modules)));
        task.Modules.Single(i => i.ItemSpec == "example.com/odd").GetMetadata("Dir").ShouldBe("/dir with\ttab\nnewline\r%41 and %25;@$(x)'*?");
        task.Modules.Single(i => i.ItemSpec == "example.com/odd").GetMetadata("Replace").ShouldBe("../local%09dir");
        _engine.Warnings.ShouldBeEmpty();
        _engine.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void One_line_per_module_after_the_header_with_no_raw_separator_in_a_value()
    {
        var text = ModuleItems.RenderList(BuildList(2));

        var lines = text.Split('\n');
        lines[0].ShouldBe("gomod-modules 1 5");
        lines.Length.ShouldBe(1 + 5 + 1); // header, five modules, the empty string after the last newline
        lines[1..^1].ShouldAllBe(l => l.Split('\t').Length == ModuleListFile.FieldCount);
        lines[^1].ShouldBeEmpty();
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("count")]
    [InlineData("header")]
    [InlineData("fields")]
    [InlineData("empty")]
    public void A_file_that_is_not_whole_publishes_nothing(string damage)
    {
        var text = ModuleItems.RenderList(BuildList(5));
        text = damage switch
        {
            "truncated" => text[..(text.Length - 10)],
            "count" => text.Replace("gomod-modules 1 8", "gomod-modules 1 9", StringComparison.Ordinal),
            "header" => text.Replace("gomod-modules 1 ", "gomod-modules 2 ", StringComparison.Ordinal),
            "fields" => text.Replace("\tfalse\tfalse\n", "\tfalse\n", StringComparison.Ordinal),
            _ => "",
        };
        var file = _dir.Write("app.csproj.gomod.modules", text);

        var task = Publish(file);

        task.Read.ShouldBeFalse();
        task.Modules.ShouldBeEmpty();
        _engine.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_file_publishes_nothing_and_does_not_fail()
    {
        var task = Publish(_dir.Combine("absent.gomod.modules"));

        task.Read.ShouldBeFalse();
        task.Modules.ShouldBeEmpty();
        _engine.Errors.ShouldBeEmpty();
    }
}
