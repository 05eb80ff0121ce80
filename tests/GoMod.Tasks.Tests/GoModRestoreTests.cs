using GoMod.Core.Restore;
using GoMod.Testing;
using Microsoft.Build.Framework;

namespace GoMod.Tasks.Tests;

/// <summary>The GoModRestore task maps properties to options, logs diagnostics with code and position, writes its outputs once, and returns the build list.</summary>
public sealed class GoModRestoreTests : IDisposable
{
    private const string GoMod = """
        module example.com/app

        go 1.19

        require (
        	example.com/a v1.0.0
        	example.com/B v1.2.0 // indirect
        )

        replace example.com/a v1.0.0 => example.com/fork v1.0.1
        """;

    private const string GoSum = """
        example.com/fork v1.0.1 h1:forkzip=
        example.com/fork v1.0.1/go.mod h1:forkmod=
        example.com/B v1.2.0 h1:bzip=
        example.com/B v1.2.0/go.mod h1:bmod=

        """;

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
            GoProxy = "off",
            GoFlags = "",
            CacheFile = Cache,
            PropsFile = Props,
        };
        configure?.Invoke(task);
        return task;
    }

    private void WriteInputs(string goMod = GoMod, string? goSum = GoSum)
    {
        _dir.Write("go.mod", goMod);
        if (goSum is not null) _dir.Write("go.sum", goSum);
    }

    [Fact]
    public void Publishes_main_module_and_requirements_with_all_metadata()
    {
        WriteInputs();
        Directory.CreateDirectory(Path.Combine(ModCache, "example.com", "!b@v1.2.0"));
        var task = Task();

        task.Execute().ShouldBeTrue();

        task.Restored.ShouldBeTrue();
        task.Modules.Select(m => m.ItemSpec).ShouldBe(["example.com/app", "example.com/a", "example.com/B"]);
        var main = task.Modules[0];
        main.GetMetadata("Main").ShouldBe("true");
        main.GetMetadata("Dir").ShouldBe(_dir.Path);
        var a = task.Modules[1];
        a.GetMetadata("Version").ShouldBe("v1.0.0");
        a.GetMetadata("Replace").ShouldBe("example.com/fork@v1.0.1");
        a.GetMetadata("Sum").ShouldBe("h1:forkzip=");
        a.GetMetadata("GoModSum").ShouldBe("h1:forkmod=");
        a.GetMetadata("Indirect").ShouldBe("false");
        a.GetMetadata("Dir").ShouldBe("");
        var b = task.Modules[2];
        b.GetMetadata("Indirect").ShouldBe("true");
        b.GetMetadata("Dir").ShouldBe(Path.Combine(ModCache, "example.com", "!b@v1.2.0"));
        _engine.Errors.ShouldBeEmpty();
        _engine.Warnings.ShouldBeEmpty();
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
        again.Modules.Length.ShouldBe(3);
        File.GetLastWriteTimeUtc(Props).ShouldBe(propsTime);
        // The stamp is refreshed so that MSBuild's timestamp check skips the target next time.
        File.GetLastWriteTimeUtc(Cache).ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public void Changed_go_sum_restores_again_and_rewrites_the_props()
    {
        WriteInputs();
        Task().Execute().ShouldBeTrue();

        _dir.Write("go.sum", GoSum.Replace("h1:forkzip=", "h1:newzip="));
        var again = Task();
        again.Execute().ShouldBeTrue();

        again.Restored.ShouldBeTrue();
        File.ReadAllText(Props).ShouldContain("h1:newzip=");
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
        var restore = Task(t => { t.GoVendor = true; t.ReportWarnings = false; });
        restore.Execute().ShouldBeTrue();
        _engine.Warnings.ShouldBeEmpty();
        _engine.Messages.ShouldContain(m => m.Message!.Contains("GOMOD0050 (warning, reported by GoModReport)"));

        var report = new GoModReport { BuildEngine = _engine, CacheFile = Cache };
        report.Execute().ShouldBeTrue();

        _engine.Warnings.ShouldHaveSingleItem().Code.ShouldBe("GOMOD0050");
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
        task.Modules.Length.ShouldBe(3);
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
        _dir.Write("we$ird;dir@x/go.mod", "module example.com/app\n");
        var task = Task(t => t.GoModFile = Path.Combine(dir, "go.mod"));

        task.Execute().ShouldBeTrue();

        File.ReadAllText(Props).ShouldContain("Dir=\"" + _dir.Path + "/we%24ird%3bdir%40x\"");
        task.Modules[0].GetMetadata("Dir").ShouldBe(dir);
    }
}
