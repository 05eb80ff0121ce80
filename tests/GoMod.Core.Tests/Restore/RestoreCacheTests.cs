using GoMod.Testing;
using GoMod.Core.Diagnostics;
using GoMod.Core.GoEnv;
using GoMod.Core.Internal;
using GoMod.Core.Restore;

namespace GoMod.Core.Tests.Restore;

/// <summary>The no-op cache: one hash over every input, a faithful round trip, and no rewrite of equal bytes.</summary>
public sealed class RestoreCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new("cache");

    public void Dispose() => _dir.Dispose();

    private RestoreOptions Options => new()
    {
        ModFile = _dir.Combine("go.mod"),
        Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = _dir.Combine("mc") },
        GetEnvironmentVariable = name => name == "GOENV" ? "off" : null,
    };

    [Fact]
    public void Inputs_hash_changes_with_go_mod_go_sum_settings_tool_and_vendor_dir_only()
    {
        _dir.Write("go.mod", "module example.com/m\n");
        var baseline = RestoreCache.ComputeInputsHash(Options, "tool1");

        RestoreCache.ComputeInputsHash(Options, "tool1").ShouldBe(baseline);
        RestoreCache.ComputeInputsHash(Options, "tool2").ShouldNotBe(baseline);
        RestoreCache.ComputeInputsHash(Options with { ModMode = "mod" }, "tool1").ShouldNotBe(baseline);
        RestoreCache.ComputeInputsHash(Options with { Settings = new Dictionary<string, string?> { ["GOMODCACHE"] = _dir.Combine("mc"), ["GOPROXY"] = "off" } }, "tool1").ShouldNotBe(baseline);
        RestoreCache.ComputeInputsHash(Options with { Offline = true }, "tool1").ShouldBe(baseline);

        _dir.Write("go.sum", "");
        var withSum = RestoreCache.ComputeInputsHash(Options, "tool1");
        withSum.ShouldNotBe(baseline);
        _dir.Write("go.mod", "module example.com/m2\n");
        RestoreCache.ComputeInputsHash(Options, "tool1").ShouldNotBe(withSum);
        var beforeVendor = RestoreCache.ComputeInputsHash(Options, "tool1");
        Directory.CreateDirectory(_dir.Combine("vendor"));
        RestoreCache.ComputeInputsHash(Options, "tool1").ShouldNotBe(beforeVendor);
    }

    [Fact]
    public void Round_trips_modules_and_diagnostics()
    {
        var cache = new RestoreCache("abc",
            [new RestoredModule("example.com/m", "", "/src", "", "", "", false, true), new RestoredModule("example.com/a", "v1.0.0", "", "h1:z=", "h1:m=", "x@v1", true, false)],
            [DiagnosticCodes.Retracted.Create("retracted", "/src/go.mod", 3, 2)]);
        var file = _dir.Combine("obj", "x.cache");

        cache.Write(file);
        var read = RestoreCache.Read(file).ShouldNotBeNull();

        read.InputsHash.ShouldBe("abc");
        read.Modules.ShouldBe(cache.Modules);
        read.Diagnostics.ShouldBe(cache.Diagnostics);
    }

    [Fact]
    public void Unreadable_or_foreign_cache_reads_as_none()
    {
        RestoreCache.Read(_dir.Combine("missing")).ShouldBeNull();
        RestoreCache.Read(_dir.Write("garbage", "{not json")).ShouldBeNull();
        RestoreCache.Read(_dir.Write("other", "{\"version\": 99, \"inputsHash\": \"x\", \"modules\": [], \"diagnostics\": []}")).ShouldBeNull();
    }

    [Fact]
    public void Cache_is_current_only_for_the_same_hash_and_while_module_directories_exist()
    {
        var dir = _dir.Combine("mc", "a@v1.0.0");
        Directory.CreateDirectory(dir);
        var cache = new RestoreCache("h", [new RestoredModule("a", "v1.0.0", dir, "", "", "", false, false)], []);

        cache.IsCurrent("h").ShouldBeTrue();
        cache.IsCurrent("other").ShouldBeFalse();
        Directory.Delete(dir);
        cache.IsCurrent("h").ShouldBeFalse();
    }

    [Fact]
    public void Atomic_write_keeps_equal_bytes_and_leaves_no_temp_files()
    {
        var file = _dir.Combine("out", "f.txt");

        AtomicFile.WriteIfChanged(file, "a"u8.ToArray()).ShouldBeTrue();
        File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        AtomicFile.WriteIfChanged(file, "a"u8.ToArray()).ShouldBeFalse();
        File.GetLastWriteTimeUtc(file).Year.ShouldBe(2020);
        AtomicFile.WriteIfChanged(file, "a"u8.ToArray(), touchIfUnchanged: true).ShouldBeFalse();
        File.GetLastWriteTimeUtc(file).Year.ShouldBeGreaterThan(2020);
        AtomicFile.WriteIfChanged(file, "b"u8.ToArray()).ShouldBeTrue();

        File.ReadAllText(file).ShouldBe("b");
        Directory.EnumerateFiles(_dir.Combine("out")).ShouldBe([file]);
    }
}
