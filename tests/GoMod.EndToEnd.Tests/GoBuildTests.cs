using System.Runtime.InteropServices;
using GoMod.Testing;

namespace GoMod.EndToEnd.Tests;

/// <summary>
/// GoBuild with the real dotnet build and the real go command: the program is built and runs, the build is incremental
/// (a second build starts no go process, a touched .go file rebuilds), clean removes what it wrote, a cross build for
/// win-x64 writes a PE executable, a compile error points at the Go source.
/// </summary>
[Collection(SdkCollection.Name)]
public sealed class GoBuildTests(SdkPackage sdk)
{
    /// <summary>What the GoBuild task prints before it starts go: absent from a log, no go process was started.</summary>
    private const string GoStarted = "GoBuild: running ";

    private const string PrintOutputsTarget = """
          <Target Name="PrintGoBuildOutputs" AfterTargets="Build">
            <Message Importance="high" Text="GOBUILDOUTPUT %(GoBuildOutput.Identity)|%(GoBuildOutput.Kind)" />
          </Target>
        """;

    private TestProject Program()
    {
        var p = TestProject.Standalone(sdk, PrintOutputsTarget).WithModules();
        p.Write("main.go", File.ReadAllText(Repo.Combine("samples/hello/main.go")));
        return p;
    }

    private static string Exe(TestProject p, string rid = "") =>
        p.Combine(["bin", "Debug", "net10.0", .. rid.Length > 0 ? new[] { rid } : [], "gomodule" + (rid.StartsWith("win", StringComparison.Ordinal) ? ".exe" : "")]);

    [GoFact]
    public void The_program_is_built_into_the_output_directory_and_runs()
    {
        using var p = Program();

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.EnsureSuccess("dotnet build");
        File.Exists(Exe(p)).ShouldBeTrue(build.StdOut);
        build.StdOut.ShouldContain($"GOBUILDOUTPUT {Exe(p)}|Executable");
        ProcessRunner.Run(Exe(p), [], p.Directory, null).EnsureSuccess("the built program").StdOut.ShouldBe("HELLO, GOPHERS!!\n");
    }

    [GoFact]
    public void A_second_build_starts_no_go_process_and_a_touched_go_file_rebuilds()
    {
        using var p = Program();
        var (first, firstLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        first.EnsureSuccess("first build");
        firstLog.ShouldContain(GoStarted + GoOracle.Path);
        var built = File.GetLastWriteTimeUtc(Exe(p));

        var (second, secondLog) = p.DotnetWithLog(GoInputs.Env(), "build");

        second.EnsureSuccess("second build");
        secondLog.ShouldNotContain(GoStarted, Case.Sensitive);
        secondLog.ShouldContain("Skipping target \"GoBuild\" because all output files are up-to-date with respect to the input files.");
        File.GetLastWriteTimeUtc(Exe(p)).ShouldBe(built);

        File.WriteAllText(p.Combine("main.go"), File.ReadAllText(p.Combine("main.go")).Replace("\"gophers\"", "\"touched\""));
        File.SetLastWriteTimeUtc(p.Combine("main.go"), DateTime.UtcNow.AddSeconds(2));
        var (third, thirdLog) = p.DotnetWithLog(GoInputs.Env(), "build");

        third.EnsureSuccess("build after touching main.go");
        thirdLog.ShouldContain(GoStarted + GoOracle.Path);
        ProcessRunner.Run(Exe(p), [], p.Directory, null).EnsureSuccess("the rebuilt program").StdOut.ShouldBe("HELLO, TOUCHED!!\n");
    }

    [GoFact]
    public void A_changed_property_rebuilds()
    {
        using var p = Program();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("first build");

        var (again, log) = p.DotnetWithLog(GoInputs.Env(), "build", "-p:GoLdFlags=-s -w");

        again.EnsureSuccess("build with GoLdFlags");
        log.ShouldContain(GoStarted + GoOracle.Path);
        log.ShouldContain("-ldflags=-s -w");
    }

    [GoFact]
    public void Clean_removes_every_output()
    {
        using var p = Program();
        p.Dotnet(GoInputs.Env(), "build").EnsureSuccess("build");
        var gobuild = p.Combine("obj", "Debug", "net10.0", "gobuild");
        File.Exists(Path.Combine(gobuild, "gomodule")).ShouldBeTrue();

        p.Dotnet(GoInputs.Env(), "clean").EnsureSuccess("clean");

        File.Exists(Exe(p)).ShouldBeFalse();
        (Directory.Exists(gobuild) ? Directory.EnumerateFiles(gobuild) : []).ShouldBeEmpty();
    }

    [GoFact]
    public void A_cross_build_for_win_x64_writes_a_PE_executable_without_cgo()
    {
        using var p = Program();

        var (build, log) = p.DotnetWithLog(GoInputs.Env(), "build", "-r", "win-x64");

        build.EnsureSuccess("dotnet build -r win-x64");
        log.ShouldContain("(windows/amd64)");
        var bytes = File.ReadAllBytes(Exe(p, "win-x64"));
        // MZ header; at e_lfanew the PE signature and the AMD64 machine type (0x8664).
        (bytes[0], bytes[1]).ShouldBe(((byte)'M', (byte)'Z'));
        var pe = BitConverter.ToInt32(bytes, 0x3c);
        bytes[pe..(pe + 4)].ShouldBe("PE\0\0"u8.ToArray());
        BitConverter.ToUInt16(bytes, pe + 4).ShouldBe((ushort)0x8664);
        File.ReadAllText(p.Combine("obj", "Debug", "net10.0", "win-x64", "gobuild", "gobuild.settings")).ShouldContain("CGO_ENABLED=(unset)");
    }

    [GoFact]
    public void Publish_and_pack_include_the_built_files()
    {
        using var p = Program();
        var publishDir = p.Combine("published");
        var packDir = p.Combine("packed");

        p.Dotnet(GoInputs.Env(), "publish", "-o", publishDir).EnsureSuccess("dotnet publish");
        p.Dotnet(GoInputs.Env(), "pack", "-o", packDir).EnsureSuccess("dotnet pack");

        ProcessRunner.Run(Path.Combine(publishDir, "gomodule"), [], p.Directory, null).EnsureSuccess("the published program").StdOut.ShouldBe("HELLO, GOPHERS!!\n");
        using var package = System.IO.Compression.ZipFile.OpenRead(Directory.EnumerateFiles(packDir, "*.nupkg").Single());
        package.Entries.Select(e => e.FullName).ShouldContain(name =>
            name.StartsWith("runtimes/", StringComparison.Ordinal) && name.EndsWith("/native/gomodule", StringComparison.Ordinal));
    }

    [GoFact]
    public void Beside_CSharp_GoBuild_is_off_by_default_and_true_builds_the_Go_program_next_to_the_app()
    {
        using var p = TestProject.CSharp(sdk, PrintOutputsTarget).WithModules();
        p.Write("main.go", File.ReadAllText(Repo.Combine("samples/hello/main.go")));
        var outDir = p.Combine("bin", "Debug", "net10.0");

        var (off, offLog) = p.DotnetWithLog(GoInputs.Env(), "build");
        off.EnsureSuccess("dotnet build (GoBuild=false by default)");
        offLog.ShouldNotContain(GoStarted, Case.Sensitive);

        var on = p.Dotnet(GoInputs.Env(), "build", "-p:GoBuild=true");
        on.EnsureSuccess("dotnet build -p:GoBuild=true");
        on.StdOut.ShouldContain($"GOBUILDOUTPUT {Path.Combine(outDir, "app-go")}|Executable");
        ProcessRunner.Run(Path.Combine(outDir, "app-go"), [], p.Directory, null).EnsureSuccess("the Go program").StdOut.ShouldBe("HELLO, GOPHERS!!\n");
        ProcessRunner.Run(Path.Combine(outDir, "app"), [], p.Directory, null).EnsureSuccess("the C# app").StdOut.ShouldBe("hello from C#\n");
    }

    [GoFact]
    public void A_compile_error_is_reported_at_its_file_line_and_column_with_its_code()
    {
        using var p = Program();
        p.Write("main.go", "package main\n\nfunc main() {\n\tundefinedThing()\n}\n");

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.ExitCode.ShouldNotBe(0);
        build.StdOut.ShouldContain($"{p.Combine("main.go")}(4,2): error GOMOD0501: undefined: undefinedThing. Correct the Go source at the reported position.");
    }

    [GoFact]
    public async Task With_GoVendor_go_builds_from_vendor_with_no_proxy_and_an_empty_module_cache()
    {
        using var p = Program();
        string deadProxy;
        await using (var proxy = LoopbackProxy.Start())
        {
            deadProxy = proxy.Url;
            p.Dotnet(GoInputs.Env(("GOPROXY", deadProxy)), "build", "-p:GoVendor=true").EnsureSuccess("build with GoVendor=true, proxy up");
        }
        File.Exists(p.Combine("vendor", "modules.txt")).ShouldBeTrue();
        p.Write("main.go", File.ReadAllText(p.Combine("main.go")).Replace("\"gophers\"", "\"vendored\""));

        // The proxy is gone and the module cache is empty: only the vendor/ the SDK wrote can provide the modules (go's
        // default mode with vendor/ present), so go must run -mod=vendor.
        var (build, log) = p.DotnetWithLog(GoInputs.Env(("GOPROXY", deadProxy)), "build", $"-p:GoModCache={p.Combine("empty-cache")}");

        build.EnsureSuccess("build from vendor/ with the proxy stopped and an empty module cache");
        log.ShouldContain(GoStarted + GoOracle.Path);
        if (Directory.Exists(p.Combine("empty-cache")))
            Directory.EnumerateFiles(p.Combine("empty-cache"), "*.zip", SearchOption.AllDirectories).ShouldBeEmpty();
        ProcessRunner.Run(Exe(p), [], p.Directory, null).EnsureSuccess("the program").StdOut.ShouldBe("HELLO, VENDORED!!\n");
    }

    [GoFact]
    public async Task Go_never_reaches_the_network_the_SDK_settings_win_over_a_poisoned_environment()
    {
        using var p = Program();
        string deadProxy;
        await using (var proxy = LoopbackProxy.Start())
        {
            deadProxy = proxy.Url;
            p.Dotnet(GoInputs.Env(("GOPROXY", deadProxy)), "build").EnsureSuccess("first build, proxy up");
        }
        p.Write("main.go", File.ReadAllText(p.Combine("main.go")).Replace("\"gophers\"", "\"offline\""));
        // A go.work that does not list this module: go would refuse to build in it (the restore follows GOWORK as go
        // does, so GoWork=off, a property, turns it off).
        var work = p.Write("poison/go.work", "go 1.19\n\nuse ./elsewhere\n");

        // GOFLAGS=-mod=vendor would put the restore itself in vendor mode (go's rule); GoModMode, a property, beats it
        // there, and go build never sees the environment's GOFLAGS.
        var (build, log) = p.DotnetWithLog(GoInputs.Env(
            ("GOPROXY", deadProxy), ("GOFLAGS", "-mod=vendor"), ("GOWORK", work), ("GOSUMDB", "sum.golang.org"),
            ("GONOSUMDB", null), ("CGO_ENABLED", "1"), ("GOTOOLCHAIN", "go1.99.0")), "build", "-p:GoModMode=readonly", "-p:GoWork=off");

        build.EnsureSuccess("build with the proxy stopped and GOFLAGS, GOWORK, GOSUMDB, CGO_ENABLED poisoned");
        log.ShouldContain(GoStarted + GoOracle.Path);
        log.ShouldContain("(linux/amd64)");
        ProcessRunner.Run(Exe(p), [], p.Directory, null).EnsureSuccess("the program").StdOut.ShouldBe("HELLO, OFFLINE!!\n");
    }

    [GoFact]
    public void A_module_without_go_files_builds_nothing_and_a_missing_go_warns_or_fails_as_GoBuild_says()
    {
        using var p = Program();
        var noGo = new Dictionary<string, string?>(GoInputs.Env()) { ["PATH"] = PathWithoutGo() };

        var auto = p.Dotnet(noGo, "build");
        auto.EnsureSuccess("GoBuild=auto without go");
        auto.StdOut.ShouldContain("warning GOMOD0551: GoBuild=auto: the Go code was not compiled: no go command on PATH");
        File.Exists(Exe(p)).ShouldBeFalse();

        var required = p.Dotnet(noGo, "build", "-p:GoBuild=true");
        required.ExitCode.ShouldNotBe(0);
        required.StdOut.ShouldContain("error GOMOD0503: no go command on PATH");

        File.Delete(p.Combine("main.go"));
        var (empty, log) = p.DotnetWithLog(GoInputs.Env(), "build");
        empty.EnsureSuccess("a module without Go files");
        log.ShouldNotContain(GoStarted, Case.Sensitive);
        empty.StdOut.ShouldNotContain("GOMOD05");
    }

    /// <summary>PATH without go: the directories that have none, plus the real directory of the dotnet running the tests.</summary>
    private static string PathWithoutGo()
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0 && !File.Exists(Path.Combine(d, "go")));
        var dotnet = Path.GetDirectoryName(Environment.ProcessPath)!;
        return string.Join(Path.PathSeparator, dirs.Prepend(dotnet));
    }

    [GoFact]
    public void A_c_shared_library_is_loaded_by_this_test_through_PInvoke()
    {
        using var p = TestProject.Standalone(sdk, """
              <PropertyGroup>
                <GoBuildMode>c-shared</GoBuildMode>
                <GoOutputName>calc</GoOutputName>
              </PropertyGroup>
            """ + PrintOutputsTarget).WithModules();
        p.Write("calc.go", """
            package main

            // #include <stdlib.h>
            import "C"

            import "example.com/greeting"

            //export GoAdd
            func GoAdd(a, b C.int) C.int { return a + b }

            //export GoGreetingLength
            func GoGreetingLength() C.int { return C.int(len(greeting.Hello("cgo"))) }

            func main() {}
            """);

        var build = p.Dotnet(GoInputs.Env(), "build");

        build.EnsureSuccess("dotnet build -p:GoBuildMode=c-shared");
        var lib = p.Combine("bin", "Debug", "net10.0", "libcalc.so");
        build.StdOut.ShouldContain($"GOBUILDOUTPUT {lib}|SharedLibrary");
        build.StdOut.ShouldContain($"GOBUILDOUTPUT {p.Combine("bin", "Debug", "net10.0", "libcalc.h")}|Header");
        File.ReadAllText(p.Combine("bin", "Debug", "net10.0", "libcalc.h")).ShouldContain("extern int GoAdd(int a, int b);");
        var handle = NativeLibrary.Load(lib);
        var add = Marshal.GetDelegateForFunctionPointer<BinaryInt>(NativeLibrary.GetExport(handle, "GoAdd"));
        var length = Marshal.GetDelegateForFunctionPointer<NoArgInt>(NativeLibrary.GetExport(handle, "GoGreetingLength"));
        add(40, 2).ShouldBe(42);
        length().ShouldBe("Hello, cgo!".Length);
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BinaryInt(int a, int b);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int NoArgInt();
}
