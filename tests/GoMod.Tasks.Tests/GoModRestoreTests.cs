using GoMod.Testing;
using Microsoft.Build.Framework;
using GoMod.Core.Diagnostics;
using GoMod.Core.GoEnv;
using GoMod.Core.ModFile;
using GoMod.Core.Vcs;

namespace GoMod.Tasks.Tests;

/// <summary>The GoModRestore task maps properties to options, logs diagnostics with code and position, writes its outputs once, and returns the build list.</summary>
public sealed class GoModRestoreTests : IDisposable
{
    // The modules come from the sample's file-system proxy, so the restore really downloads and verifies them.
    private const string GoMod = """
        module example.com/app

        go 1.19

        require (
        	example.com/a v1.0.0
        	example.com/Shout v0.2.0 // indirect
        )

        replace example.com/a v1.0.0 => example.com/words v1.0.0
        """;

    private static readonly string GoSum = string.Concat(File.ReadAllLines(Path.Combine(RepoRoot, "samples", "hello", "go.sum"))
        .Where(l => l.StartsWith("example.com/words v1.0.0", StringComparison.Ordinal) || l.StartsWith("example.com/Shout v0.2.0", StringComparison.Ordinal))
        .Select(l => l + "\n"));

    private static string Hash(string path, string version) =>
        GoSum.Split('\n').Select(l => l.Split(' ')).First(f => f.Length == 3 && f[0] == path && f[1] == version)[2];

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GoModSdk.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("repository root");
        }
    }

    private static string SampleProxy => "file://" + Path.Combine(RepoRoot, "samples", "hello", "proxy").Replace('\\', '/');

    private readonly TempDirectory _dir = new("tasks");
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => _dir.Dispose();

    private string Cache => _dir.Combine("obj", "app.gomod.cache");
    private string Props => _dir.Combine("obj", "app.gomod.g.props");
    private string ModCache => _dir.Combine("modcache");

    private GoModRestore Task(Action<GoModRestore>? configure = null)
    {
        var task = new GoModRestore
        {
            BuildEngine = _engine,
            GoModFile = _dir.Combine("go.mod"),
            GoModCache = ModCache,
            GoProxy = SampleProxy,
            GoNoSumDb = "example.com",
            GoFlags = "",
            CacheFile = Cache,
            PropsFile = Props,
        };
        configure?.Invoke(task);
        return task;
    }

    private void WriteInputs(string goMod = GoMod, string? goSum = "")
    {
        _dir.Write("go.mod", goMod);
        if (goSum is not null) _dir.Write("go.sum", goSum.Length == 0 ? GoSum : goSum);
    }

    [Fact]
    public void Publishes_main_module_and_requirements_downloaded_into_the_module_cache()
    {
        WriteInputs();
        var task = Task();

        task.Execute().ShouldBeTrue();

        task.Restored.ShouldBeTrue();
        // go list -m all: the main module, then the build list (punct comes from words' go.mod) sorted by path.
        task.Modules.Select(m => m.ItemSpec).ShouldBe(["example.com/app", "example.com/Shout", "example.com/a", "example.com/punct"]);
        var main = task.Modules[0];
        main.GetMetadata("Main").ShouldBe("true");
        main.GetMetadata("Dir").ShouldBe(_dir.Path);
        var a = task.Modules[2];
        a.GetMetadata("Version").ShouldBe("v1.0.0");
        a.GetMetadata("Replace").ShouldBe("example.com/words@v1.0.0");
        a.GetMetadata("Sum").ShouldBe(Hash("example.com/words", "v1.0.0"));
        a.GetMetadata("GoModSum").ShouldBe(Hash("example.com/words", "v1.0.0/go.mod"));
        a.GetMetadata("Indirect").ShouldBe("false");
        a.GetMetadata("Dir").ShouldBe(Path.Combine(ModCache, "example.com", "words@v1.0.0"));
        File.Exists(Path.Combine(ModCache, "example.com", "words@v1.0.0", "words.go")).ShouldBeTrue();
        var shout = task.Modules[1];
        shout.GetMetadata("Indirect").ShouldBe("true");
        shout.GetMetadata("Dir").ShouldBe(Path.Combine(ModCache, "example.com", "!shout@v0.2.0"));
        _engine.Errors.ShouldBeEmpty();
        _engine.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Writes_the_module_list_a_no_op_build_publishes_from_before_the_cache_and_again_when_it_is_missing()
    {
        WriteInputs();
        var list = _dir.Combine("obj", "app.gomod.modules");
        var task = Task(t => t.ListFile = list);

        task.Execute().ShouldBeTrue();

        File.GetLastWriteTimeUtc(list).ShouldBeLessThanOrEqualTo(File.GetLastWriteTimeUtc(Cache));
        var published = new GoModPublishModules { BuildEngine = _engine, ListFile = list };
        published.Execute().ShouldBeTrue();
        published.Read.ShouldBeTrue();
        published.Modules.Select(Describe).ShouldBe(task.Modules.Select(Describe));

        // A restore the cache answers (unchanged inputs) writes a missing list again.
        File.Delete(list);
        var again = Task(t => t.ListFile = list);
        again.Execute().ShouldBeTrue();
        again.Restored.ShouldBeFalse();
        File.Exists(list).ShouldBeTrue();
    }

    private static string Describe(ITaskItem item) =>
        item.ItemSpec + " " + string.Join("|", ModuleListFile.MetadataNames.Select(n => n + "=" + item.GetMetadata(n)));

    [Fact]
    public void Content_that_does_not_match_go_sum_is_a_security_error_and_leaves_no_cache()
    {
        WriteInputs(goSum: GoSum.Replace(Hash("example.com/words", "v1.0.0"), "h1:d4w3vMBHM9/8gltG3EIXYsq1aw2fLQBtsgyE9jvC+lU=".Replace('d', 'e')));

        Task().Execute().ShouldBeFalse();

        var error = _engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("GOMOD0103");
        error.Message!.ShouldContain("verifying example.com/words@v1.0.0: checksum mismatch");
        error.Message!.ShouldContain("SECURITY ERROR");
        error.LineNumber.ShouldBe(10); // the replace line: it names what was downloaded
        File.Exists(Cache).ShouldBeFalse();
        Directory.Exists(Path.Combine(ModCache, "example.com", "words@v1.0.0")).ShouldBeFalse();
    }

    [Fact]
    public void Writes_cache_and_props_and_does_no_work_when_inputs_are_unchanged()
    {
        WriteInputs();
        Task().Execute().ShouldBeTrue();
        File.ReadAllText(Props).ShouldContain("<GoModule Include=\"example.com/a\" Version=\"v1.0.0\"");
        var propsTime = File.GetLastWriteTimeUtc(Props);
        File.SetLastWriteTimeUtc(Cache, DateTime.UtcNow.AddHours(-1));

        var again = Task();
        again.Execute().ShouldBeTrue();

        again.Restored.ShouldBeFalse();
        again.Modules.Length.ShouldBe(4);
        File.GetLastWriteTimeUtc(Props).ShouldBe(propsTime);
        // The stamp is refreshed so that MSBuild's timestamp check skips the target next time.
        File.GetLastWriteTimeUtc(Cache).ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public void Changed_go_sum_restores_again()
    {
        WriteInputs();
        Task().Execute().ShouldBeTrue();

        _dir.Write("go.sum", GoSum + "example.com/other v1.0.0/go.mod h1:other=\n");
        var again = Task();
        again.Execute().ShouldBeTrue();

        again.Restored.ShouldBeTrue();
        File.ReadAllText(Props).ShouldContain(Hash("example.com/words", "v1.0.0"));
    }

    [Fact]
    public void Go_mod_error_is_logged_with_code_file_line_column_and_fix_and_leaves_no_cache()
    {
        WriteInputs();
        Task().Execute().ShouldBeTrue();
        WriteInputs(GoMod + "\nrequire example.com/x\n");

        Task(t => t.HelpLinkBase = "https://example.org/docs/diagnostics.md").Execute().ShouldBeFalse();

        var error = _engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("GOMOD0002");
        error.File.ShouldBe(_dir.Combine("go.mod"));
        error.LineNumber.ShouldBe(GoMod.Split('\n').Length + 1);
        error.ColumnNumber.ShouldBe(1);
        error.Message.ShouldBe("usage: require module/path v1.2.3. " + DiagnosticCodes.ModFileSyntax.Fix);
        error.HelpLink.ShouldBe("https://example.org/docs/diagnostics.md#gomod0002");
        File.Exists(Cache).ShouldBeFalse();
    }

    [Fact]
    public void Warnings_left_to_GoModReport_are_logged_as_messages_and_replayed_from_the_cache()
    {
        WriteInputs();
        // An import comment the main module's package disagrees with, made a warning (GOMOD0370).
        _dir.Write("app.go", "package app // import \"example.com/other\"\n");
        var restore = Task(t =>
        {
            t.ReportWarnings = false;
            t.GoImportComments = "warning";
        });
        restore.Execute().ShouldBeTrue();
        _engine.Warnings.ShouldBeEmpty();
        _engine.Messages.ShouldContain(m => m.Message!.Contains("GOMOD0370 (warning, reported by GoModReport)"));

        var report = new GoModReport { BuildEngine = _engine, CacheFile = Cache };
        report.Execute().ShouldBeTrue();

        _engine.Warnings.ShouldHaveSingleItem().Code.ShouldBe("GOMOD0370");
        report.Modules.Select(m => m.ItemSpec).ShouldBe(restore.Modules.Select(m => m.ItemSpec));
    }

    [Fact]
    public void Design_time_restore_logs_only_messages_writes_nothing_and_succeeds()
    {
        WriteInputs(GoMod + "\nbogus\n");

        var task = Task(t => t.DesignTime = true);

        task.Execute().ShouldBeTrue();
        _engine.Errors.ShouldBeEmpty();
        _engine.Warnings.ShouldBeEmpty();
        _engine.Messages.ShouldContain(m => m.Message!.Contains("GOMOD0002 (error, design-time build)"));
        File.Exists(Cache).ShouldBeFalse();
        File.Exists(Props).ShouldBeFalse();
    }

    [Fact]
    public void Design_time_restore_answers_from_a_current_cache()
    {
        WriteInputs();
        Task().Execute().ShouldBeTrue();

        var task = Task(t => t.DesignTime = true);
        task.Execute().ShouldBeTrue();

        task.Restored.ShouldBeFalse();
        task.Modules.Length.ShouldBe(4);
    }

    [Fact]
    public void Design_time_restore_after_a_go_mod_change_fills_Dir_for_every_module_in_the_module_cache()
    {
        WriteInputs();
        Task().Execute().ShouldBeTrue();
        // A new requirement that is neither in go.sum nor in the module cache yet: go list leaves Dir empty for a
        // module without a go.sum line, and a readonly restore fails; design time still says where the files are.
        WriteInputs(GoMod.Replace("\texample.com/Shout v0.2.0 // indirect\n", "\texample.com/Shout v0.2.0 // indirect\n\texample.com/greeting v1.1.0\n"));
        File.Delete(Cache);

        var task = Task(t => { t.DesignTime = true; t.GoProxy = "off"; });
        task.Execute().ShouldBeTrue();

        var dirs = task.Modules.ToDictionary(m => m.ItemSpec, m => m.GetMetadata("Dir"));
        dirs["example.com/Shout"].ShouldBe(Path.Combine(ModCache, "example.com", "!shout@v0.2.0"));
        dirs["example.com/a"].ShouldBe(Path.Combine(ModCache, "example.com", "words@v1.0.0"));
        dirs["example.com/greeting"].ShouldBe("");
        _engine.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Canceled_restore_fails_with_GOMOD0901()
    {
        WriteInputs();
        var task = Task();
        task.Cancel();

        task.Execute().ShouldBeFalse();

        _engine.Errors.ShouldHaveSingleItem().Code.ShouldBe("GOMOD0901");
    }

    [Fact]
    public void Invalid_GoModMode_is_an_error_in_gos_words()
    {
        WriteInputs();

        Task(t => t.GoModMode = "bogus").Execute().ShouldBeFalse();

        var error = _engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("GOMOD0004");
        error.Message.ShouldStartWith("GoModMode: -mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')");
    }

    [Fact]
    public void Help_link_from_a_local_diagnostics_file_is_a_file_uri_with_the_code_as_anchor()
    {
        var doc = _dir.Write("docs/diagnostics.md", "# codes\n");
        WriteInputs("module example.com/app\nbogus\n", null);

        Task(t => t.HelpLinkBase = doc).Execute().ShouldBeFalse();

        _engine.Errors.ShouldHaveSingleItem().HelpLink.ShouldBe(new Uri(doc).AbsoluteUri + "#gomod0002");
    }

    [Fact]
    public void Props_file_escapes_msbuild_special_characters_in_paths()
    {
        var dir = _dir.Combine("we$ird;dir@x");
        Directory.CreateDirectory(dir);
        _dir.Write("we$ird;dir@x/go.mod", "module example.com/app\n\ngo 1.19\n");
        var task = Task(t => t.GoModFile = Path.Combine(dir, "go.mod"));

        task.Execute().ShouldBeTrue();

        File.ReadAllText(Props).ShouldContain("Dir=\"" + _dir.Path + "/we%24ird%3bdir%40x\"");
        task.Modules[0].GetMetadata("Dir").ShouldBe(dir);
    }
}
