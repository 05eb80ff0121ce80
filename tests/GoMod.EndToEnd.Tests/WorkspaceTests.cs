using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// Two MSBuild projects of one Go workspace (go.work using both modules), each owning one module, built with the real
/// dotnet CLI: each restores against the workspace build list, both publish the same @(GoModule) versions, go.work.sum
/// takes the sums the go.sum files lack, and GoWork=off restores a module on its own.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class WorkspaceTests(SdkPackage sdk)
{
    private const string OneGoMod = """
        module example.com/one

        go 1.19

        require example.com/greeting v1.0.0

        """;

    [Fact]
    public void Two_projects_of_a_workspace_restore_the_same_build_list_and_GoWork_off_restores_one_alone()
    {
        using var p = TestProject.Standalone(sdk);
        p.Write("go.work", "go 1.19\n\nuse (\n\t./one\n\t./two\n)\n");
        var one = p.Write("one/one.csproj", Project());
        p.Write("one/go.mod", OneGoMod);
        var two = p.Write("two/two.csproj", Project());
        p.Write("two/go.mod", GoInputs.GoMod("example.com/two"));
        p.Write("two/go.sum", GoInputs.GoSum);
        var env = new Dictionary<string, string?>(GoInputs.Env()) { ["GOMODCACHE"] = p.ModCache };

        var buildOne = Dotnet.Run(p.Directory, env, "build", one, "-nologo");
        buildOne.EnsureSuccess("dotnet build one");
        var buildTwo = Dotnet.Run(p.Directory, env, "build", two, "-nologo");
        buildTwo.EnsureSuccess("dotnet build two");

        static string Deps(ProcessResult r) => string.Join("\n", TestProject.Modules(r).Where(m => m[7] != "true").Select(m => $"{m[0]}@{m[1]}").Order(StringComparer.Ordinal));
        Deps(buildOne).ShouldBe("example.com/Shout@v0.2.0\nexample.com/greeting@v1.1.0\nexample.com/punct@v1.1.0\nexample.com/words@v1.0.0");
        Deps(buildTwo).ShouldBe(Deps(buildOne));
        // Both used modules are main modules; each project's own comes first, in its directory.
        var mainsOfOne = TestProject.Modules(buildOne).Where(m => m[7] == "true").ToList();
        mainsOfOne.Select(m => m[0]).ShouldBe(["example.com/one", "example.com/two"]);
        mainsOfOne[0][2].ShouldBe(p.Combine("one"));
        TestProject.Modules(buildTwo).First()[0].ShouldBe("example.com/two");
        foreach (var m in TestProject.Modules(buildOne).Where(m => m[7] != "true")) Directory.Exists(m[2]).ShouldBeTrue(m[0]);

        // go.mod files are not written in workspace mode; go.work.sum has the go.mod sum of greeting v1.0.0 (one
        // requires it; two's go.sum has the rest).
        File.ReadAllText(p.Combine("one", "go.mod")).ShouldBe(OneGoMod);
        File.Exists(p.Combine("one", "go.sum")).ShouldBeFalse();
        File.ReadAllText(p.Combine("go.work.sum")).ShouldStartWith("example.com/greeting v1.0.0/go.mod h1:");

        // An edit of go.work alone (two no longer used) is a changed input of one's restore: one now restores alone.
        p.Write("go.work", "go 1.19\n\nuse ./one\n");
        var again = Dotnet.Run(p.Directory, env, "build", one, "-nologo");
        again.EnsureSuccess("dotnet build one after go.work changed");
        string.Join("\n", TestProject.Modules(again).Select(m => $"{m[0]}@{m[1]}")).ShouldBe("example.com/one@\nexample.com/greeting@v1.0.0");
        p.Write("go.work", "go 1.19\n\nuse (\n\t./one\n\t./two\n)\n");

        // GoWork=off: module one on its own (go.sum written under -mod=mod).
        var off = Dotnet.Run(p.Directory, env, "build", one, "-nologo", "-p:GoWork=off", "-p:GoModMode=mod");
        off.EnsureSuccess("dotnet build one with GoWork=off");
        string.Join("\n", TestProject.Modules(off).Select(m => $"{m[0]}@{m[1]}")).ShouldBe("example.com/one@\nexample.com/greeting@v1.0.0");
    }

    [GoFact]
    public void Go_build_compiles_in_the_workspace_a_module_importing_another_used_module_it_does_not_require()
    {
        using var p = TestProject.Standalone(sdk);
        p.Write("go.work", "go 1.19\n\nuse (\n\t./one\n\t./two\n)\n");
        p.Write("one/one.csproj", Project());
        p.Write("one/go.mod", OneGoMod);
        p.Write("one/one.go", "package one\n\n// Name is who is greeted.\nfunc Name() string { return \"workspace\" }\n");
        var two = p.Write("two/two.csproj", Project());
        p.Write("two/go.mod", GoInputs.GoMod("example.com/two"));
        p.Write("two/go.sum", GoInputs.GoSum);
        // example.com/one is not required by two: only the workspace makes it resolvable.
        p.Write("two/main.go", """
            package main

            import (
            	"fmt"

            	shout "example.com/Shout"
            	"example.com/greeting"
            	"example.com/one"
            )

            func main() {
            	fmt.Println(shout.Loud(greeting.Hello(one.Name())))
            }
            """);
        var env = new Dictionary<string, string?>(GoInputs.Env()) { ["GOMODCACHE"] = p.ModCache };

        var build = Dotnet.Run(p.Directory, env, "build", two, "-nologo");
        build.EnsureSuccess("dotnet build two");
        var exe = p.Combine("two", "bin", "Debug", "net10.0", "two");
        File.Exists(exe).ShouldBeTrue(build.StdOut);
        ProcessRunner.Run(exe, [], p.Directory, null).EnsureSuccess("the program").StdOut.ShouldBe("HELLO, WORKSPACE!!\n");

        // GoWork=off: two on its own cannot resolve example.com/one, as go.
        var off = Dotnet.Run(p.Directory, env, "build", two, "-nologo", "-p:GoWork=off");
        off.ExitCode.ShouldNotBe(0);
        off.StdOut.ShouldContain("example.com/one");
    }

    [Fact]
    public void GoVendor_in_a_workspace_writes_the_workspace_vendor_and_a_second_build_is_a_no_op()
    {
        using var p = TestProject.Standalone(sdk);
        p.Write("go.work", "go 1.19\n\nuse (\n\t./one\n\t./two\n)\n");
        p.Write("one/one.csproj", Project());
        p.Write("one/go.mod", OneGoMod);
        p.Write("one/one.go", "package one\n\nimport \"example.com/greeting\"\n\n// Hi greets.\nfunc Hi() string { return greeting.Hello(\"one\") }\n");
        var two = p.Write("two/two.csproj", Project());
        p.Write("two/go.mod", GoInputs.GoMod("example.com/two"));
        p.Write("two/go.sum", GoInputs.GoSum);
        p.Write("two/main.go", "package main\n\nimport (\n\tshout \"example.com/Shout\"\n\t\"example.com/one\"\n)\n\nfunc main() { println(shout.Loud(one.Hi())) }\n");
        var env = new Dictionary<string, string?>(GoInputs.Env()) { ["GOMODCACHE"] = p.ModCache };

        Dotnet.Run(p.Directory, env, "build", two, "-nologo", "-p:GoVendor=true").EnsureSuccess("dotnet build two with GoVendor=true");
        // go work vendor's tree at the workspace root (not in the module): modules.txt names the workspace.
        var modulesTxt = p.Combine("vendor", "modules.txt");
        File.Exists(modulesTxt).ShouldBeTrue();
        File.Exists(p.Combine("two", "vendor", "modules.txt")).ShouldBeFalse();
        var text = File.ReadAllText(modulesTxt);
        text.ShouldStartWith("## workspace\n");
        text.ShouldContain("# example.com/greeting v1.1.0\n## explicit; go 1.17\nexample.com/greeting\n");
        File.Exists(p.Combine("vendor", "example.com", "greeting", "greeting.go")).ShouldBeTrue();

        // A second build with nothing changed is a no-op: the restore is up to date, vendor/ untouched.
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        foreach (var f in Directory.EnumerateFiles(p.Combine("vendor"), "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, stamp);
        var log = p.Combine("second.log");
        Dotnet.Run(p.Directory, env, "build", two, "-nologo", "-p:GoVendor=true", "-fl", $"-flp:LogFile={log};Verbosity=detailed;NoSummary")
            .EnsureSuccess("second build");
        var logText = File.ReadAllText(log);
        TestProject.CountOf(logText, "Task \"GoModRestore\"").ShouldBe(0);
        logText.ShouldContain("Skipping target \"GoModRestore\" because all output files are up-to-date");
        Directory.EnumerateFiles(p.Combine("vendor"), "*", SearchOption.AllDirectories).ShouldAllBe(f => File.GetLastWriteTimeUtc(f) == stamp);

        // Clean removes the workspace's vendor/ the restore wrote, directories included.
        Dotnet.Run(p.Directory, env, "build", two, "-nologo", "-t:Clean", "-p:GoVendor=true").EnsureSuccess("dotnet build -t:Clean");
        Directory.Exists(p.Combine("vendor")).ShouldBeFalse();
        File.Exists(p.Combine("go.work")).ShouldBeTrue();
    }

    private string Project() => $"""
        <Project Sdk="GoMod.Sdk/{sdk.Version}">
        {TestProject.PrintModulesTarget}
        </Project>
        """;
}
